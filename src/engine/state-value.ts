import { suggestion } from './_closest.js';
import type { AnyStateNode } from 'xstate';

/** Why a (partial) state value names no real state: where in the value, and what is wrong there. */
export interface StateValueProblem {
  /** Keys from the value's root to the fault (`['battlefield', 'kursk']`). */
  readonly path: readonly string[];
  readonly message: string;
}

function children(node: AnyStateNode): string[] {
  return Object.keys(node.states);
}

// The closest state and the list of them, or why there is none to name.
function known(node: AnyStateNode, name: string): string {
  const names = children(node);
  return names.length ? suggestion(name, names, '`ceasefire diagram`') : ' (it has no child states)';
}

/**
 * Check that `value` names real states of `node` as a partial state value
 * (`'proposal'`, `{ leverage: 'sanctionsImposed' }`): every key an own child
 * state, every nested value one of that child's states. Returns the first
 * problem, or null. An empty object names nothing, so it is a problem too:
 * an expectation built on it could never fail.
 */
export function partialStateProblem(node: AnyStateNode, value: unknown, path: readonly string[] = []): StateValueProblem | null {
  const where = path.length ? `${path.join('.')}` : 'the machine';
  if (typeof value === 'string') {
    return Object.hasOwn(node.states, value) ? null : { path, message: `'${value}' is not a state of ${where}${known(node, value)}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { path, message: `expected a state name or an object of states, got ${Array.isArray(value) ? 'a list' : value === null ? 'null' : typeof value}` };
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return { path, message: 'names no state' };
  for (const key of keys) {
    if (!Object.hasOwn(node.states, key)) return { path: [...path, key], message: `'${key}' is not a state of ${where}${known(node, key)}` };
    const problem = partialStateProblem(node.states[key]!, (value as Record<string, unknown>)[key], [...path, key]);
    if (problem) return problem;
  }
  return null;
}
