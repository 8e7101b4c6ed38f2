import type { AnyStateMachine, AnyStateNode } from 'xstate';

/** A state that handles an event type, and the named guards on its transitions. */
export interface AcceptingState {
  readonly path: string;
  readonly guards: readonly string[];
}

type GuardLike = string | { type?: string; guards?: unknown[] } | ((...args: never[]) => unknown) | undefined;

function guardNames(guard: GuardLike): string[] {
  if (guard === undefined) return [];
  if (typeof guard === 'string') return [guard];
  // `and`, `or` and `not` keep their operands in `guards`; a `{ type }` guard is named by its type.
  const nested = (guard as { guards?: unknown[] }).guards;
  if (Array.isArray(nested)) return nested.flatMap((g) => guardNames(g as GuardLike));
  const type = (guard as { type?: string }).type;
  return typeof type === 'string' ? [type] : [];
}

function walk(node: AnyStateNode, type: string, found: AcceptingState[]): void {
  const transitions = (node.on as Record<string, Array<{ guard?: GuardLike }>>)[type];
  if (transitions) {
    const guards = [...new Set(transitions.flatMap((t) => guardNames(t.guard)))];
    found.push({ path: node.path.join('.'), guards });
  }
  for (const child of Object.values(node.states)) walk(child, type, found);
}

/** The states of `machine` that handle an event type (where it could be accepted), with their guards. */
export function statesAccepting(machine: AnyStateMachine, type: string): AcceptingState[] {
  const found: AcceptingState[] = [];
  walk(machine.root, type, found);
  return found;
}
