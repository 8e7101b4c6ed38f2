import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { isScenarioError } from '../engine/errors.js';
import { problemLines } from './problems.js';
import type { Scenario } from '../engine/scenario.js';
import { validateScenario } from '../engine/validate.js';
import { EXIT, exitQuietlyOnClosedPipe, guardedIO, oneLine } from './io.js';
import { addReplayOptions, runScenario } from './run.js';

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
  const io = guardedIO({ stdout: process.stdout, stderr: process.stderr });
  const cli = addReplayOptions(new Command(scenario.id)).exitOverride().showSuggestionAfterError(false);
  try {
    cli.parse(process.argv.slice(2), { from: 'user' });
    const origin = fileURLToPath(moduleUrl);
    process.exitCode = await runScenario(validateScenario(scenario, origin), cli.opts(), io);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    } else if (isScenarioError(error)) {
      io.stderr.write(problemLines(error, oneLine(scenario.id)));
      process.exitCode = EXIT.badInput;
    } else {
      throw error;
    }
  }
}
