import type { StateValue } from 'xstate';
import type { Matchable, Model } from './model.js';

/** A condition on a state, named as an analyst writes it: an outcome, or a dotted state path. */
export interface StateCondition {
  /** `outcome rejected` or `state leverage.sanctionsImposed`. */
  readonly label: string;
  test(state: Matchable): boolean;
}

/**
 * Read `name` as an outcome of `model` or a dotted path to one of its states
 * (`leverage.sanctionsImposed`); null when it is neither.
 */
export function stateCondition(model: Model, name: string): StateCondition | null {
  if (model.outcomeNames.includes(name)) return { label: `outcome ${name}`, test: (state) => model.outcomeOf(state) === name };
  const keys = name.split('.');
  // XState resolves an empty segment to its parent, so `leverage.` would pass for `leverage`.
  if (keys.some((key) => key === '')) return null;
  try {
    model.machine.getStateNodeById(`${model.machine.id}.${name}`);
  } catch {
    return null;
  }
  const value = keys.reduceRight<StateValue | undefined>((inner, key) => (inner === undefined ? key : { [key]: inner }), undefined)!;
  return { label: `state ${name}`, test: (state) => state.matches(value as never) };
}
