import { isAbsolute } from 'node:path';
import { Option, type Command } from 'commander';
import { ScenarioError } from '../engine/errors.js';
import type { Model } from '../engine/model.js';
import { replay, type ReplayResult } from '../engine/replay.js';
import type { Scenario } from '../engine/scenario.js';
import { isIsoDate } from '../engine/calendar.js';
import { EXIT, oneLine, type CliIO } from './io.js';
import { renderBranches } from './render-branches.js';
import { runToJson } from './render-json.js';
import { renderTimeline } from './render-timeline.js';
import { prepareOutput, writeOutputFile, type OutputTarget } from './output.js';

/** Options of `ceasefire run`. */
export interface RunOptions {
  readonly branch?: string;
  readonly format?: string;
  readonly until?: string;
  readonly lenient?: boolean;
  readonly save?: string;
  readonly stopAfter?: string;
  readonly allBranches?: boolean;
}

/** The `--format text|json` option every command shares. */
export function formatOption(): Option {
  return new Option('--format <format>', 'output format').choices(['text', 'json']).default('text');
}

/** The options of a replay, shared by `ceasefire run` and scenario scripts (`npx tsx scenarios/x.ts`). */
export function addReplayOptions(command: Command): Command {
  return command
    .option('--branch <name>', 'replay this hypothetical branch instead of the record')
    .option('--all-branches', 'replay every branch and print a table of their outcomes')
    .option('--until <date>', 'after the last step, run the calendar to this day (YYYY-MM-DD)')
    .option('--lenient', 'skip a step the model refuses, with a warning, instead of stopping')
    .addOption(formatOption());
}

/** Check a `--until` value, as a one-line error when it is not a day. */
export function untilOption(until: string | undefined): string | undefined {
  if (until !== undefined && !isIsoDate(until)) throw new ScenarioError(`--until: '${until}' is not a YYYY-MM-DD date`);
  return until;
}

/** Print one replay in the chosen format, with any lenient warnings on stderr. */
export function printRun(model: Model, result: ReplayResult, format: string | undefined, io: CliIO): void {
  for (const warning of result.warnings) io.stderr.write(`ceasefire: warning: ${oneLine(warning)}\n`);
  if (format === 'json') io.stdout.write(`${JSON.stringify(runToJson(result), null, 2)}\n`);
  else io.stdout.write(renderTimeline(model, result, io.stdout.columns ?? 120));
}

/** Check a `--save` path before the run: never one of the command's `inputs`, in a folder that exists. */
export function saveTarget(path: string | undefined, inputs: ReadonlyArray<string | undefined>): OutputTarget | undefined {
  return path === undefined ? undefined : prepareOutput(path, '--save', inputs);
}

/** Save a run to its prepared `--save` target (the saved form loads zod only then). */
export async function saveRun(result: ReplayResult, target: OutputTarget | undefined, ref: string, model: Model, io: CliIO, format: string | undefined): Promise<void> {
  if (target === undefined) return;
  const { toSavedRun } = await import('../engine/persist.js');
  writeOutputFile(target, `${JSON.stringify(toSavedRun(result, ref, model), null, 2)}\n`);
  if (format !== 'json') io.stdout.write(`Saved the run to ${target.shown}; continue it with \`ceasefire resume ${target.shown}\`.\n`);
}

/**
 * Replay `scenario` (the record, a branch, or every branch) and print it; exit 0
 * when every expectation holds, 1 when one fails. `ref` is how to find the
 * scenario again when the run is saved.
 */
export async function runScenario(scenario: Scenario, options: RunOptions, io: CliIO, ref: string = scenario.id): Promise<number> {
  const until = untilOption(options.until);
  if (options.allBranches) {
    if (options.branch !== undefined || options.save !== undefined || options.stopAfter !== undefined) {
      throw new ScenarioError('--all-branches runs every branch; it cannot be combined with --branch, --save or --stop-after');
    }
    const record = replay(scenario, { until, lenient: options.lenient });
    const runs = scenario.branches.map((b) => replay(scenario, { branch: b.name, until, lenient: options.lenient }));
    io.stdout.write(renderBranches(scenario, record, runs, options.format, io.stdout.columns ?? 120));
    return [record, ...runs].every((r) => r.ok) ? EXIT.ok : EXIT.failed;
  }
  const target = saveTarget(options.save, [isAbsolute(ref) ? ref : undefined]);
  const result = replay(scenario, { branch: options.branch ?? null, until, lenient: options.lenient, stopAfter: options.stopAfter });
  printRun(scenario.model, result, options.format, io);
  await saveRun(result, target, ref, scenario.model, io, options.format);
  return result.ok ? EXIT.ok : EXIT.failed;
}
