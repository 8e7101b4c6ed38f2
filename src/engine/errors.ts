/**
 * Bad input: an unknown scenario, a malformed step, an event the model refuses.
 * The CLI prints its one-line message and exits with code 2.
 */
export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';
}

/** True when `error` is bad input rather than a bug. */
export function isScenarioError(error: unknown): error is ScenarioError {
  return error instanceof ScenarioError;
}
