import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, Option } from 'commander';
import { isScenarioError } from '../engine/errors.js';
import type { Scenario } from '../engine/scenario.js';
import { validateScenario } from '../engine/validate.js';
import { EXIT, exitQuietlyOnClosedPipe, oneLine } from './io.js';
import { runScenario } from './run.js';

function isMain(moduleUrl: string): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}

/**
 * Make a scenario file a script: when run directly (`npx tsx scenarios/x.ts
 * [--branch b] [--format json]`) it replays exactly as `ceasefire run x` would;
 * when imported it does nothing.
 */
export async function runScenarioScript(moduleUrl: string, scenario: Scenario): Promise<void> {
  if (!isMain(moduleUrl)) return;
  exitQuietlyOnClosedPipe(process.stdout);
  const io = { stdout: process.stdout, stderr: process.stderr };
  const cli = new Command(scenario.id)
    .option('--branch <name>', 'replay this hypothetical branch instead of the record')
    .option('--all-branches', 'replay every branch and print a table of their outcomes')
    .option('--until <date>', 'after the last step, run the calendar to this day (YYYY-MM-DD)')
    .option('--lenient', 'skip a step the model refuses, with a warning, instead of stopping')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .exitOverride();
  try {
    cli.parse(process.argv.slice(2), { from: 'user' });
    const origin = fileURLToPath(moduleUrl);
    process.exitCode = await runScenario(validateScenario(scenario, origin), cli.opts(), io);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    } else if (isScenarioError(error)) {
      io.stderr.write(`${scenario.id}: ${oneLine(error.message)}\n`);
      process.exitCode = EXIT.badInput;
    } else {
      throw error;
    }
  }
}
