import type { AnyStateMachine, AnyStateNodeDefinition, TransitionDefinition } from 'xstate';

/** One transition of the normalized definition: where it goes, under which guard, doing what. */
export interface MachineJsonTransition {
  /** Target state ids (`ceasefire.proposal.tabled`); empty when the transition changes no state. */
  readonly target: readonly string[];
  /** The guard as an expression of named guards, e.g. `and(isNotBackdated, not(russiaHasAccepted))`. */
  readonly guard?: string;
  readonly actions: readonly string[];
}

/** One state of the normalized definition, its children nested under `states`. */
export interface MachineJsonState {
  readonly id: string;
  readonly key: string;
  readonly type: 'atomic' | 'compound' | 'parallel' | 'final' | 'history';
  readonly description?: string;
  /** The key of the child a compound state enters first. */
  readonly initial?: string;
  readonly meta?: unknown;
  /** Entry and exit actions by name (XState's own bookkeeping for delays left out). */
  readonly entry?: readonly string[];
  readonly exit?: readonly string[];
  readonly on?: Readonly<Record<string, readonly MachineJsonTransition[]>>;
  /** Delayed transitions by delay name (`truceLength`). */
  readonly after?: Readonly<Record<string, readonly MachineJsonTransition[]>>;
  readonly states?: Readonly<Record<string, MachineJsonState>>;
}

/** The normalized machine: its states, context, and (with a highlight) the active state paths. */
export interface MachineJson extends MachineJsonState {
  readonly context: unknown;
  readonly delays: Readonly<Record<string, number>>;
  /** Dotted paths of the active states, when a run is highlighted. */
  readonly active?: readonly string[];
}

// XState builds combined guards (`and`, `or`, `not`, `stateIn`) as functions carrying their parts.
interface GuardFunction {
  readonly name: string;
  readonly guards?: readonly unknown[];
  readonly stateValue?: unknown;
}

/** A guard as a readable, stable expression: named guards stay names, combinators keep their structure. */
function guardText(guard: unknown): string {
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'function') {
    const g = guard as GuardFunction;
    if (g.guards) return `${g.name}(${g.guards.map(guardText).join(', ')})`;
    if (g.stateValue !== undefined) return `${g.name}(${JSON.stringify(g.stateValue)})`;
    return g.name || 'inline';
  }
  if (guard && typeof guard === 'object' && 'type' in guard) return String(guard.type);
  return 'inline';
}

function actionName(action: unknown): string {
  if (typeof action === 'string') return action;
  if (action && (typeof action === 'object' || typeof action === 'function') && 'type' in action) return String(action.type);
  return 'inline';
}

function transitionJson(t: TransitionDefinition<any, any>): MachineJsonTransition {
  return {
    target: (t.target ?? []).map((node) => node.id),
    ...(t.guard !== undefined ? { guard: guardText(t.guard) } : {}),
    actions: t.actions.map(actionName),
  };
}

// XState implements `after` with an internal `xstate.after.<delay>.<state id>` event and raise/cancel actions.
const AFTER = 'xstate.after.';
const isInternalAction = (name: string): boolean => name === 'xstate.raise' || name === 'xstate.cancel';

function stateJson(def: AnyStateNodeDefinition): MachineJsonState {
  const on: Record<string, MachineJsonTransition[]> = {};
  const after: Record<string, MachineJsonTransition[]> = {};
  for (const [event, list] of Object.entries(def.on)) {
    const transitions = (list as TransitionDefinition<any, any>[]).map(transitionJson);
    if (event.startsWith(AFTER)) after[event.slice(AFTER.length).split('.')[0] ?? event] = transitions;
    else on[event] = transitions;
  }
  const children = Object.entries(def.states);
  const initial = def.type === 'compound' ? def.initial?.target[0]?.key : undefined;
  const entry = def.entry.map(actionName).filter((a) => !isInternalAction(a));
  const exit = def.exit.map(actionName).filter((a) => !isInternalAction(a));
  return {
    id: def.id,
    key: def.key,
    type: def.type,
    ...(def.description ? { description: def.description } : {}),
    ...(initial ? { initial } : {}),
    ...(def.meta !== undefined ? { meta: def.meta } : {}),
    ...(entry.length ? { entry } : {}),
    ...(exit.length ? { exit } : {}),
    ...(Object.keys(on).length ? { on } : {}),
    ...(Object.keys(after).length ? { after } : {}),
    ...(children.length ? { states: Object.fromEntries(children.map(([key, child]) => [key, stateJson(child)])) } : {}),
  };
}

/**
 * The machine's definition as plain, stable JSON: every state with its
 * description, initial child, transitions (targets by state id, guards as
 * expressions, actions by name) and delayed transitions, plus the initial
 * context, the named delays and the event catalogue in `meta.events`.
 */
export function machineToJson(machine: AnyStateMachine, options: { readonly active?: readonly string[] } = {}): MachineJson {
  const { states, meta, ...head } = stateJson(machine.root.definition);
  return {
    ...head,
    // A context factory cannot be written as JSON; only a plain initial context is.
    context: typeof machine.config.context === 'function' ? null : (machine.config.context ?? null),
    // Named delays in milliseconds (`truceLength`), where they are plain numbers.
    delays: Object.fromEntries(Object.entries(machine.implementations.delays).filter((entry): entry is [string, number] => typeof entry[1] === 'number')),
    // The states first, then the (long) event catalogue, so the file reads top down.
    ...(states ? { states } : {}),
    ...(meta !== undefined ? { meta } : {}),
    ...(options.active ? { active: [...options.active] } : {}),
  };
}
