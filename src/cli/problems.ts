import type { ScenarioError } from '../engine/errors.js';
import { oneLine } from './io.js';

/** Enough lines to fix a file by; a file with more mistakes is likely not a scenario at all. */
const MAX_LINES = 50;

/**
 * The lines stderr gets for a {@link ScenarioError}: each problem as
 * `<prefix>: <problem>` through {@link oneLine}, at most 50, then `… and N more`.
 */
export function problemLines(error: ScenarioError, prefix = 'ceasefire'): string {
  const shown = error.problems.slice(0, MAX_LINES).map((p) => `${prefix}: ${oneLine(p)}\n`);
  const rest = error.problems.length - MAX_LINES;
  return shown.join('') + (rest > 0 ? `${prefix}: … and ${rest} more\n` : '');
}
