import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { isScenarioError, ScenarioError } from '../engine/errors.js';
import { EXIT, guardedIO, oneLine, visible, wholeNumberOption, type CliIO } from './io.js';
import { problemLines } from './problems.js';
import type { FromOptions } from './explore.js';
import type { SimulateOptions } from './simulate.js';
import type { OddsOptions } from './odds.js';
import { listScenarios } from './list.js';
import { isScenarioPath, loadScenario, scenarioRef } from './load.js';
import { listModels, modelOption, resolveModel } from './models.js';
import { isModelPath } from './model-module.js';
import type { ResumeCommandOptions } from './resume.js';
import { addReplayOptions, formatOption, runScenario, saveTarget, type RunOptions } from './run.js';
import type { ViewCommandOptions } from './view.js';

const DEFAULT_INSPECT_URL = 'ws://127.0.0.1:4848/inspect';
/** The longest `--pace`: a minute between steps. */
const MAX_PACE_MS = 60_000;

/** Check `run --pace`: a whole number of milliseconds, and only for a run streamed with --inspect. */
function paceOption(pace: string | undefined, inspected: boolean): number {
  if (pace === undefined) return 0;
  const ms = wholeNumberOption(pace, '--pace', 0, MAX_PACE_MS);
  if (!inspected) throw new ScenarioError('--pace: only paces a run streamed with --inspect; add --inspect');
  return ms;
}


const VERSION = (JSON.parse(readFileSync(new URL(import.meta.url.includes('/dist/') ? '../../../package.json' : '../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

// Commands import their modules when used, so that `ceasefire run` starts fast.
function program(io: CliIO, setCode: (code: number) => void, writeErr: (text: string) => void): Command {
  const cli = new Command('ceasefire')
    .description('Replay and explore the March 2025 U.S. 30-day ceasefire proposal as XState statecharts.')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr,
      // Commander's usage errors read as ours: one `ceasefire:` line, whatever the value echoed.
      outputError: (s, write) => write(`ceasefire: ${oneLine(s.replace(/^error: /, '').replace(/\n$/, ''))}\n`),
    })
    .showSuggestionAfterError(false)
    // A --model that names a module is imported once, before the command runs, so every command can name it.
    .hook('preAction', async (_program, action) => {
      const model = (action.opts() as { model?: unknown }).model;
      if (typeof model === 'string' && isModelPath(model)) await (await import('./model-module.js')).loadModelModule(model);
    });

  cli
    .command('list')
    .description('list the scenarios and their branches')
    .addOption(formatOption())
    .addOption(modelOption())
    .action(async (opts: { format: string; model?: string }) => setCode(await listScenarios(opts, io)));

  cli
    .command('models')
    .description('list the models scenarios can run on')
    .addOption(formatOption())
    .action((opts: { format: string }) => setCode(listModels(opts, io)));

  cli
    .command('events')
    .description("list a model's event types (who may send each, PLOVER/CAMEO codes), actors, tracks and states, and outcomes")
    .addOption(formatOption())
    .addOption(modelOption())
    .action(async (opts: { format: string; model?: string }) => setCode((await import('./events.js')).listEvents(opts, io)));

  addReplayOptions(
    cli
      .command('run')
      .description("replay a scenario's dated steps and check its expectations")
      .argument('<scenario>', 'a shipped scenario id (see `ceasefire list`) or a .yaml/.yml/.json file'),
  )
    .option('--save <file>', 'save the run (state, calendar, pending timers) to continue with `resume`')
    .option('--stop-after <step>', 'stop after this step (with --save, to resume later)')
    .option('--inspect [target]', `stream the run as XState inspection events to a viewer (default ${DEFAULT_INSPECT_URL}), a ws:// address, or 'stately'`)
    .option('--pace <ms>', 'with --inspect: wait this many milliseconds between steps, so a class sees each transition (0 to 60000; default 0)')
    .addOption(modelOption())
    .action(async (ref: string, opts: RunOptions & { inspect?: string | boolean; pace?: string; model?: string }) => {
      const pace = paceOption(opts.pace, opts.inspect !== undefined);
      const scenario = await loadScenario(ref, opts.model);
      if (opts.inspect !== undefined) {
        // The --save path is checked before the run is streamed anywhere.
        saveTarget(opts.save, [isScenarioPath(ref) ? ref : undefined]);
        const { streamToInspector } = await import('./inspect.js');
        await streamToInspector(scenario, { ...opts, pace }, opts.inspect === true ? DEFAULT_INSPECT_URL : String(opts.inspect), io);
      }
      setCode(await runScenario(scenario, opts, io, scenarioRef(ref)));
    });

  cli
    .command('view')
    .description('serve the classroom viewer on 127.0.0.1, or export it as a static folder')
    .argument('[scenario]', 'scenario id or file to open at (all shipped scenarios are included)')
    .option('--branch <name>', 'open at this branch')
    .option('--port <n>', 'port to serve on (0 picks a free one)', '4848')
    .option('--host <address>', 'loopback address to bind (127.0.0.1, ::1 or localhost)')
    .option('--open', 'open the viewer in the default browser')
    .option('--export <dir>', 'write a static folder that works from file:// instead of serving')
    .addOption(modelOption())
    .action(async (ref: string | undefined, opts: ViewCommandOptions) => setCode(await (await import('./view.js')).viewCommand(ref, opts, io)));

  cli
    .command('compare')
    .description('compare two runs track by track: <scenario>[#<branch>] each (a shipped id or a file), or a scenario and two of its branches (or `record`)')
    .argument('<runs...>', 'two runs, `march-2025#truce-collapses my-what-if.yaml`; or a scenario and two branches, `march-2025 record truce-collapses`')
    .addOption(formatOption())
    .addOption(modelOption())
    .action(async (refs: string[], opts: { format: string; model?: string }) => setCode(await (await import('./compare.js')).compareCommand(refs, opts, io)));

  cli
    .command('resume')
    .description('continue a run saved with `run --save`, timers included')
    .argument('<file>', 'the saved run')
    .option('--steps <file>', 'a YAML/JSON file of further steps (`steps:` list) to apply')
    .option('--until <date>', 'run the calendar to this day (YYYY-MM-DD)')
    .option('--lenient', 'skip a step the model refuses, with a warning')
    .option('--save <file>', 'save the continued run')
    .addOption(formatOption())
    .addOption(modelOption())
    .action(async (file: string, opts: ResumeCommandOptions) => setCode(await (await import('./resume.js')).resumeCommand(file, opts, io)));

  cli
    .command('schema')
    .description('print the JSON Schema of scenario files (for editors that validate YAML)')
    .addOption(modelOption())
    .action(async (opts: { model?: string }) => {
      const model = resolveModel(opts.model);
      const { scenarioJsonSchema } = await import('../engine/schema.js');
      io.stdout.write(`${JSON.stringify(scenarioJsonSchema(model), null, 2)}\n`);
      setCode(EXIT.ok);
    });

  cli
    .command('explore')
    .description('explore every reachable state: outcomes, shortest roads, invariants (exit 1 on a violation)')
    .option('--from <scenario[@step]>', 'start from this scenario after this step (default: the end of march-2025)')
    .option('--branch <name>', 'start on this branch of the scenario')
    .option('--max-depth <n>', 'expand states at most this many events from the start')
    .option('--max-states <n>', 'stop after this many states')
    .option('--max-memory <GB>', "stop when the graph holds this much memory (default: half the machine's)")
    .option('--full', 'explore every track, not only those the answers depend on')
    .addOption(formatOption())
    .addOption(modelOption())
    .action(async (opts: FromOptions & { maxDepth?: string; maxStates?: string; maxMemory?: string; full?: boolean; format: string }) =>
      setCode(await (await import('./explore.js')).exploreCommand(opts, io)),
    );

  cli
    .command('paths')
    .description('the K shortest event sequences that reach a state or an outcome')
    .requiredOption('--to <state|outcome>', 'an outcome (e.g. ceasefire-in-force) or a state path (e.g. leverage.sanctionsImposed)')
    .option('--from <scenario[@step]>', 'start from this scenario after this step (default: the end of march-2025)')
    .option('--branch <name>', 'start on this branch of the scenario')
    .option('--max <k>', 'how many sequences', '3')
    .option('--max-depth <n>', 'explore at most this many events from the start')
    .option('--max-states <n>', 'stop after this many states')
    .option('--max-memory <GB>', "stop when the graph holds this much memory (default: half the machine's)")
    .option('--full', 'explore every track, not only those the target depends on')
    .addOption(formatOption())
    .addOption(modelOption())
    .action(async (opts: FromOptions & { to: string; max?: string; maxDepth?: string; maxStates?: string; maxMemory?: string; full?: boolean; format: string }) =>
      setCode(await (await import('./explore.js')).pathsCommand(opts, io)),
    );

  cli
    .command('simulate')
    .description('sample futures with analyst weights, seeded: outcome shares with 95% intervals')
    .requiredOption('--runs <n>', 'how many futures')
    .option('--seed <s>', 'random seed, a whole number from 0 to 4294967295 (same seed, same output)', '1')
    .option('--weights <file>', 'YAML: weights: { <event type>: <weight>, after: <weight>, default: <weight> }')
    .option('--assumptions <file>', 'sample the timed chain `odds` solves, with these rates per day (see `odds`), instead of weights')
    .option('--horizon <date>', 'events that would move the calendar past this day do not happen (with --assumptions: the day, or a number of days, to follow; default 365 days)')
    .option('--from <scenario[@step]>', 'start from this scenario after this step (default: the end of march-2025)')
    .option('--branch <name>', 'start on this branch of the scenario')
    .option('--workers <n>', 'worker threads (default: one per core)')
    .option('--max-states <n>', 'stop exploring after this many states (default 500,000)')
    .addOption(formatOption())
    .addOption(modelOption())
    .action(async (opts: SimulateOptions) => setCode(await (await import('./simulate.js')).simulateCommand(opts, io)));

  cli
    .command('odds')
    .description('exact odds of each outcome over time from analyst rates: in it by a day, reached by the horizon, mean days to reach')
    .option('--assumptions <file>', 'YAML/JSON rates of events per day or mean delays in days, with rules on the state (default: every event a mean delay of 30 days)')
    .option('--from <scenario[@step]>', 'start from this scenario after this step (default: the end of march-2025)')
    .option('--branch <name>', 'start on this branch of the scenario')
    .option('--horizon <date|days>', 'follow the calendar to this day, or for this many days (default 365)')
    .option('--at <dates>', 'comma-separated days to show the odds on (default: 30 and 90 days on, and the horizon)')
    .option('--sweep <event=lo:hi>', "vary one event's rate per day from lo to hi")
    .option('--steps <n>', 'with --sweep: how many values (default 5)')
    .option('--tornado <outcome>', "rank every event's rate by how much halving and doubling it moves this outcome's odds")
    .option('--plot <file.svg>', 'write the odds over time as an SVG chart')
    .option('--full', 'explore every track, not only those the odds depend on')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'csv']).default('text'))
    .addOption(modelOption())
    .action(async (opts: OddsOptions) => setCode(await (await import('./odds.js')).oddsCommand(opts, io)));

  cli
    .command('export')
    .description('export a replay as PLOVER-style JSON Lines or as CSV')
    .argument('<kind>', 'plover or csv')
    .argument('<scenario>', 'scenario id or file')
    .option('--branch <name>', 'export this hypothetical branch')
    .option('--out <file>', 'write to this file (atomically) instead of stdout')
    .addOption(modelOption())
    .action(async (kind: string, ref: string, opts: { branch?: string; out?: string; model?: string }) =>
      setCode(await (await import('./export.js')).exportCommand(kind, ref, opts, io)),
    );

  cli
    .command('diagram')
    .description('the statechart as Mermaid, Graphviz DOT or JSON, optionally with a scenario\'s active states marked')
    .option('--format <format>', 'mermaid, dot or json', 'mermaid')
    .option('--highlight <scenario>', 'mark the active states of this scenario (id or file)')
    .option('--branch <name>', 'with --highlight: this branch')
    .option('--step <n>', 'with --highlight: after step n (0 = the initial state; default: the last)')
    .option('--out <file>', 'write to this file (atomically) instead of stdout')
    .addOption(modelOption())
    .action(async (opts: { format: string; highlight?: string; branch?: string; step?: string; out?: string; model?: string }) =>
      setCode(await (await import('./diagram.js')).diagramCommand(opts, io)),
    );

  cli
    .command('verify-quotes')
    .description('check that every quote of a scenario is verbatim in its article')
    .argument('<scenario>', 'scenario id')
    .requiredOption('--articles <dir>', 'folder holding the articles as text files')
    .addOption(modelOption())
    .action(async (ref: string, opts: { articles: string; model?: string }) =>
      setCode((await import('./verify-quotes.js')).verifyQuotes(await loadScenario(ref, opts.model), opts.articles, io)),
    );

  return cli;
}

/**
 * Run the `ceasefire` command line with `argv` (without node and script) and
 * return its exit code: 0 success, 1 an expectation or check failed, 2 bad input.
 */
export async function main(argv: readonly string[], streams: CliIO): Promise<number> {
  const io = guardedIO(streams);
  let code: number = EXIT.ok;
  // Commander's messages wait here: help shown for a missing command becomes one line instead.
  let commanderErr = '';
  try {
    await program(io, (c) => (code = c), (text) => (commanderErr += text)).parseAsync([...argv], { from: 'user' });
    io.stderr.write(visible(commanderErr));
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version end with code 0; usage errors are bad input.
      if (error.exitCode === 0) {
        io.stderr.write(visible(commanderErr));
        return EXIT.ok;
      }
      const asked = argv[0] === 'help' ? argv[1] : undefined;
      const missing = asked === undefined ? 'no command given' : `unknown command '${oneLine(asked)}'`;
      io.stderr.write(error.code === 'commander.help' ? `ceasefire: ${missing} (see \`ceasefire --help\`)\n` : visible(commanderErr));
      return EXIT.badInput;
    }
    io.stderr.write(visible(commanderErr));
    if (isScenarioError(error)) {
      io.stderr.write(problemLines(error));
      return EXIT.badInput;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`ceasefire: internal error: ${oneLine(message)}\n`);
    return EXIT.internal;
  }
}
