import { replay } from '../engine/replay.js';
import type { Scenario } from '../engine/scenario.js';
import { EXIT, type CliIO } from './io.js';
import { runToJson } from './render-json.js';
import { renderTimeline } from './render-timeline.js';

/** Options of `ceasefire run`. */
export interface RunOptions {
  readonly branch?: string;
  readonly format?: string;
}

/** Replay `scenario` and print it; exit 0 when every expectation holds, 1 when one fails. */
export function runScenario(scenario: Scenario, options: RunOptions, io: CliIO): number {
  const result = replay(scenario, { branch: options.branch ?? null });
  if (options.format === 'json') {
    io.stdout.write(`${JSON.stringify(runToJson(result), null, 2)}\n`);
  } else {
    io.stdout.write(renderTimeline(result, io.stdout.columns ?? 120));
  }
  return result.ok ? EXIT.ok : EXIT.failed;
}
