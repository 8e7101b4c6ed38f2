/**
 * Bad input: an unknown scenario, a malformed step, an event the model refuses.
 * It may carry several problems (each a line of its own, in file order); its
 * message is them joined by newlines. The CLI prints each as one line and
 * exits with code 2.
 */
export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';
  /** Every problem found, one line each; a single one for most errors. */
  readonly problems: readonly string[];

  constructor(problems: string | readonly string[]) {
    const list = typeof problems === 'string' ? [problems] : [...problems];
    super(list.join('\n'));
    this.problems = list;
  }
}

/** True when `error` is bad input rather than a bug. */
export function isScenarioError(error: unknown): error is ScenarioError {
  return error instanceof ScenarioError;
}
