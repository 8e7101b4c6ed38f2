import { assumptionsFrom, type Assumptions } from '../engine/assumptions.js';
import { ScenarioError } from '../engine/errors.js';
import type { Model } from '../engine/model.js';
import { readInput } from './input.js';

/**
 * Read an analyst's assumptions file (YAML or JSON: rates of events per day)
 * for `model`. Anything wrong, from a missing file to an unknown event type,
 * is a one-line {@link ScenarioError} naming the file.
 * @example
 * const assumptions = await readAssumptions(model, 'assumptions.yaml');
 */
export async function readAssumptions(model: Model, path: string): Promise<Assumptions> {
  return (await readAssumptionsData(model, path)).assumptions;
}

/** {@link readAssumptions}, with the file's parsed data, to vary one rate of it (`odds --sweep`). */
export async function readAssumptionsData(model: Model, path: string): Promise<{ assumptions: Assumptions; data: unknown }> {
  const { parse } = await import('yaml');
  const text = readInput(path);
  let data: unknown;
  try {
    data = parse(text, { logLevel: 'error', maxAliasCount: 100 });
  } catch (error) {
    throw new ScenarioError(`${path}: not YAML or JSON (${(error as Error).message.split('\n')[0]})`);
  }
  return { assumptions: assumptionsFrom(model, data, path), data };
}
