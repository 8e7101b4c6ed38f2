import type { AnyStateMachine, AnyStateNode, StateValue } from 'xstate';

/**
 * The machine seen as independent regions (the children of parallel states,
 * recursively), so a state is a tuple of region values and an event's effect
 * can be cached on the few regions it involves.
 */
export interface RegionMap {
  /** Each region's path of keys from the root (`['channel', 'envoy']`). */
  readonly regions: ReadonlyArray<readonly string[]>;
  /** Each region's part of a state value, as JSON. */
  split(value: StateValue): string[];
  /** The state value a tuple of region parts (as JSON) stands for (keys in machine order). */
  join(parts: readonly string[]): StateValue;
  /** The same from region parts already parsed (shared, never mutated). */
  joinParsed(parts: readonly StateValue[]): StateValue;
  /** The regions an event involves, or null when its effect must not be cached. */
  involved(type: string): readonly number[] | null;
  /** The region a state node's path lies in, or -1 above the regions. */
  regionOf(path: readonly string[]): number;
  /** False when the machine has eventless transitions or invocations: effects are never cached. */
  readonly cacheable: boolean;
}

type GuardLike = unknown;

function collectRegions(node: AnyStateNode, path: string[], into: string[][]): void {
  for (const [key, child] of Object.entries(node.states)) {
    if (child.type === 'parallel') collectRegions(child, [...path, key], into);
    else into.push([...path, key]);
  }
}

export function hasEventless(node: AnyStateNode): boolean {
  return node.always !== undefined && node.always.length > 0 ? true : Object.values(node.states).some(hasEventless);
}

export function hasInvocations(node: AnyStateNode): boolean {
  return node.invoke.length > 0 || Object.values(node.states).some(hasInvocations);
}

/**
 * State ids a guard reads through `stateIn('#id')`, following named guards
 * and `and` / `or` / `not`; null when it reads the state in a way we cannot
 * see (a relative `stateIn`), so the event must not be cached.
 */
export function guardStateRefs(machine: AnyStateMachine, guard: GuardLike, seen = new Set<unknown>()): string[] | null {
  if (guard === undefined || seen.has(guard)) return [];
  seen.add(guard);
  if (typeof guard === 'string') return guardStateRefs(machine, (machine.implementations.guards as Record<string, unknown>)[guard], seen);
  if (typeof guard === 'object' && guard !== null && 'type' in guard) {
    return guardStateRefs(machine, (machine.implementations.guards as Record<string, unknown>)[(guard as { type: string }).type], seen);
  }
  if (typeof guard === 'function') {
    const g = guard as { stateValue?: unknown; guards?: unknown[] };
    if (g.stateValue !== undefined) return typeof g.stateValue === 'string' && g.stateValue.startsWith('#') ? [g.stateValue.slice(1)] : null;
    if (Array.isArray(g.guards)) {
      const refs: string[] = [];
      for (const inner of g.guards) {
        const r = guardStateRefs(machine, inner, seen);
        if (r === null) return null;
        refs.push(...r);
      }
      return refs;
    }
    // A plain guard function sees only the context and the event, both part of the cache key.
    return [];
  }
  return [];
}

/** Build the region view of a machine whose root is parallel (otherwise: one region, nothing cached). */
export function regionMap(machine: AnyStateMachine): RegionMap {
  const root = machine.root;
  const regions: string[][] = [];
  if (root.type === 'parallel') collectRegions(root, [], regions);
  else regions.push([]);
  const regionKey = regions.map((r) => r.join('.'));
  const cacheable = root.type === 'parallel' && !hasEventless(root) && !hasInvocations(root);

  const regionOf = (path: readonly string[]): number => {
    const dotted = path.join('.');
    return regionKey.findIndex((r) => r !== '' && (dotted === r || dotted.startsWith(`${r}.`)));
  };

  const involvedCache = new Map<string, number[] | null>();
  const involved = (type: string): number[] | null => {
    if (involvedCache.has(type)) return involvedCache.get(type)!;
    let result: number[] | null = cacheable ? [] : null;
    const visit = (node: AnyStateNode) => {
      if (result === null) return;
      for (const transition of node.transitions.get(type) ?? []) {
        const source = regionOf(node.path);
        const targets = (transition.target ?? []).map((t: AnyStateNode) => regionOf(t.path));
        const refs = guardStateRefs(machine, transition.guard);
        // A transition above the regions, across regions, or reading the state opaquely is run by XState every time.
        if (source < 0 || targets.some((t: number) => t !== source) || refs === null) {
          result = null;
          return;
        }
        const refRegions = refs.map((id) => regionOf(id.split('.').slice(1)));
        if (refRegions.some((r) => r < 0)) {
          result = null;
          return;
        }
        result.push(source, ...refRegions);
      }
      for (const child of Object.values(node.states)) visit(child);
    };
    visit(root);
    const final: number[] | null = result === null ? null : [...new Set<number>(result)].sort((a, b) => a - b);
    involvedCache.set(type, final);
    return final;
  };

  const split = (value: StateValue): string[] =>
    regions.map((path) => JSON.stringify(path.reduce<unknown>((v, key) => (v as Record<string, unknown>)[key], value)));

  const joinParsed = (parts: readonly StateValue[]): StateValue => {
    if (regions.length === 1 && regions[0]!.length === 0) return parts[0]!;
    const value: Record<string, unknown> = {};
    regions.forEach((path, i) => {
      let at = value;
      path.slice(0, -1).forEach((key) => {
        at[key] ??= {};
        at = at[key] as Record<string, unknown>;
      });
      at[path.at(-1)!] = parts[i];
    });
    return value as StateValue;
  };
  const join = (parts: readonly string[]): StateValue => joinParsed(parts.map((p) => JSON.parse(p) as StateValue));

  return { regions, split, join, joinParsed, involved, regionOf, cacheable };
}

/** Event types handled by the state nodes a region's part of a value makes active (ancestors up to the region). */
export function regionTypes(machine: AnyStateMachine, regionPath: readonly string[], part: StateValue): string[] {
  const types: string[] = [];
  const visit = (path: string[], value: StateValue) => {
    const node = machine.getStateNodeById(`${machine.id}.${path.join('.')}`);
    for (const type of node.transitions.keys()) if (type !== '*') types.push(type);
    if (typeof value === 'string') visit([...path, value], {});
    else for (const [key, child] of Object.entries(value)) if (child !== undefined) visit([...path, key], child as StateValue);
  };
  if (regionPath.length === 0) {
    for (const type of machine.root.transitions.keys()) if (type !== '*') types.push(type);
    if (typeof part === 'string') visit([part], {});
    else for (const [key, child] of Object.entries(part)) if (child !== undefined) visit([key], child as StateValue);
  } else {
    visit([...regionPath], part);
  }
  return types;
}

/** Event types handled by the parallel states above the regions (the root, `channel`, …). */
export function aboveRegionTypes(machine: AnyStateMachine, regions: ReadonlyArray<readonly string[]>): string[] {
  const above = new Set<string>(['']);
  for (const path of regions) path.slice(0, -1).forEach((_, i) => above.add(path.slice(0, i + 1).join('.')));
  const types: string[] = [];
  for (const path of above) {
    if (regions.length === 1 && regions[0]!.length === 0) break;
    const node = path === '' ? machine.root : machine.getStateNodeById(`${machine.id}.${path}`);
    for (const type of node.transitions.keys()) if (type !== '*') types.push(type);
  }
  return types;
}
