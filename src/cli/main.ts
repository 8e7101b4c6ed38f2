import { Command, CommanderError, Option } from 'commander';
import { isScenarioError } from '../engine/errors.js';
import { EXIT, type CliIO } from './io.js';
import { listScenarios } from './list.js';
import { loadScenario } from './load.js';
import { runScenario } from './run.js';
import { verifyQuotes } from './verify-quotes.js';

const formatOption = () => new Option('--format <format>', 'output format').choices(['text', 'json']).default('text');

function program(io: CliIO, setCode: (code: number) => void): Command {
  const cli = new Command('ceasefire')
    .description('Replay and explore the March 2025 U.S. 30-day ceasefire proposal as XState statecharts.')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showSuggestionAfterError(false);

  cli
    .command('list')
    .description('list the scenarios and their branches')
    .addOption(formatOption())
    .action(async (opts: { format: string }) => setCode(await listScenarios(opts, io)));

  cli
    .command('run')
    .description("replay a scenario's dated steps and check its expectations")
    .argument('<scenario>', 'scenario id (see `ceasefire list`)')
    .option('--branch <name>', 'replay this hypothetical branch instead of the record')
    .addOption(formatOption())
    .action(async (ref: string, opts: { branch?: string; format: string }) => {
      setCode(runScenario(await loadScenario(ref), opts, io));
    });

  cli
    .command('verify-quotes')
    .description('check that every quote of a scenario is verbatim in its article')
    .argument('<scenario>', 'scenario id')
    .requiredOption('--articles <dir>', 'folder holding the articles as text files')
    .action(async (ref: string, opts: { articles: string }) => setCode(verifyQuotes(await loadScenario(ref), opts.articles, io)));

  return cli;
}

/**
 * Run the `ceasefire` command line with `argv` (without node and script) and
 * return its exit code: 0 success, 1 an expectation or check failed, 2 bad input.
 */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  let code: number = EXIT.ok;
  try {
    await program(io, (c) => (code = c)).parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version end with code 0; usage errors are bad input.
      return error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    }
    if (isScenarioError(error)) {
      io.stderr.write(`ceasefire: ${error.message}\n`);
      return EXIT.badInput;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`ceasefire: internal error: ${message.split('\n')[0]}\n`);
    return EXIT.internal;
  }
}
