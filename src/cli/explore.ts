import Table from 'cli-table3';
import { ScenarioError } from '../engine/errors.js';
import { explore, type ExploredGraph, type ExploreProgress, type StateView, type TraceStep } from '../engine/explore.js';
import { canReach, shortestPaths } from '../engine/paths.js';
import { eventLabel } from '../engine/view.js';
import { startPoint, type StartPoint } from '../engine/start.js';
import type { Model } from '../engine/model.js';
import { EXIT, wholeNumberOption, type CliIO } from './io.js';
import { loadScenario, shippedScenarioIds } from './load.js';
import { resolveModel } from './models.js';

/** Options shared by `explore`, `paths` and `simulate`: where to start. */
export interface FromOptions {
  readonly from?: string;
  readonly branch?: string;
  /** The model the start scenario must run on (`--model`). */
  readonly model?: string;
}

/**
 * Parse `--from <scenario>[@<step>]` and find that state. Without `--from`: the
 * end of the first shipped scenario of the model (`march-2025` for the default).
 */
export async function resolveStart(options: FromOptions): Promise<StartPoint> {
  const from = options.from ?? (await defaultStart(options.model));
  const at = from.lastIndexOf('@');
  const ref = at > 0 ? from.slice(0, at) : from;
  const step = at > 0 ? from.slice(at + 1) : null;
  const scenario = await loadScenario(ref, options.model);
  return startPoint(scenario, { branch: options.branch ?? null, step });
}

/** The first shipped scenario of the model `--model` names; a model with none needs `--from`. */
async function defaultStart(modelId: string | undefined): Promise<string> {
  const model = resolveModel(modelId);
  for (const id of shippedScenarioIds()) if ((await loadScenario(id)).model.id === model.id) return id;
  throw new ScenarioError(`--from: model '${model.id}' has no shipped scenario to start from; name one (--from <scenario file>[@<step>])`);
}

/** `1 state`, `2,400 states`. */
function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}

/** Default cap on explored states, so a start far back in the record cannot exhaust memory. */
export const DEFAULT_MAX_STATES = 500_000;

/** Parse `--max-states`. */
export function maxStatesOption(value: string | undefined): number {
  return value === undefined ? DEFAULT_MAX_STATES : wholeNumberOption(value, '--max-states', 1);
}

/** Say on stderr, in one line, that the state limit cut the exploration short. */
export function warnIfPartial(graph: ExploredGraph, io: CliIO): void {
  if (!graph.complete) {
    io.stderr.write(`ceasefire: warning: stopped at ${graph.size.toLocaleString('en-US')} states (--max-states); the results cover part of the space: use --max-depth or a later --from\n`);
  }
}

/** Parse `--max-depth`. */
export function depthOption(value: string | undefined): number | undefined {
  return value === undefined ? undefined : wholeNumberOption(value, '--max-depth', 0);
}

/** A progress line on a terminal's stderr (states seen, queue, rate); nothing when piped. */
export function progressLine(io: CliIO, started = Date.now()): ((p: ExploreProgress) => void) | undefined {
  if (!io.stderr.isTTY) return undefined;
  return (p) => {
    const seconds = Math.max((Date.now() - started) / 1000, 0.001);
    const line = `exploring: ${p.states.toLocaleString('en-US')} states, queue ${p.queue.toLocaleString('en-US')}, ${Math.round(p.states / seconds).toLocaleString('en-US')} states/s`;
    io.stderr.write(p.queue === 0 ? '\r\x1b[2K' : `\r\x1b[2K${line}`);
  };
}

/** `a → b → c` with the date of the first step. */
export function formatTrace(trace: readonly TraceStep[]): string {
  if (trace.length === 0) return '(the start itself)';
  return trace.map((s) => eventLabel(s.type)).join(' → ');
}

function startLabel(start: StartPoint): string {
  return `${start.scenario}${start.branch ? ` (branch ${start.branch})` : ''} after '${start.step}' (${start.date})`;
}

/** `ceasefire explore`: every reachable state, the outcomes and the roads to them, and every invariant checked. */
export async function exploreCommand(options: FromOptions & { maxDepth?: string; maxStates?: string; format: string }, io: CliIO): Promise<number> {
  const maxDepth = depthOption(options.maxDepth);
  const maxStates = maxStatesOption(options.maxStates);
  const start = await resolveStart(options);
  const began = performance.now();
  const { model } = start;
  const graph = explore(model.machine, start.snapshot, { invariants: model.invariants, maxDepth, maxStates, onProgress: progressLine(io) });
  warnIfPartial(graph, io);
  const ms = Math.round(performance.now() - began);
  const outcomes = summarizeOutcomes(model, graph);
  const invariants = model.invariants.map((inv) => {
    const violation = graph.violations.find((v) => v.invariant === inv.name);
    return { name: inv.name, description: inv.description, ok: !violation, ...(violation ? { trace: violation.trace } : {}) };
  });
  if (options.format === 'json') {
    io.stdout.write(
      `${JSON.stringify({ start: { scenario: start.scenario, branch: start.branch, step: start.step, date: start.date }, states: graph.size, transitions: graph.transitions, maxDepth: maxDepth ?? null, frontier: graph.frontier, complete: graph.complete, outcomes, invariants }, null, 2)}\n`,
    );
  } else {
    const table = new Table({
      head: ['Outcome', 'States', 'Reachable from', 'Shortest road there'],
      colWidths: [24, 9, 16, Math.max((io.stdout.columns ?? 120) - 24 - 9 - 16 - 13, 40)],
      wordWrap: true,
      style: { head: [], border: [] },
    });
    for (const o of outcomes) {
      table.push([`${o.outcome}${o.resolved ? '' : ' …'}`, o.states.toLocaleString('en-US'), count(o.reachableFrom, 'state'), formatTrace(o.shortest)]);
    }
    const lines = [
      `Explored from ${startLabel(start)}: ${count(graph.size, 'state')}, ${count(graph.transitions, 'transition')}${maxDepth !== undefined ? ` (depth ≤ ${maxDepth}; ${graph.frontier.toLocaleString('en-US')} states left unexpanded)` : ''}.`,
      table.toString(),
      // The footnote explains a mark; with none in the table it would explain nothing.
      ...(outcomes.some((o) => !o.resolved) ? ['… the process is still open in that outcome (not a final one).'] : []),
      '',
      'Invariants:',
      ...invariants.map((i) => (i.ok ? `  ✓ ${i.name}: ${i.description}` : `  ✗ ${i.name}: ${i.description}\n    counterexample: ${formatTrace(i.trace ?? [])}`)),
      '',
    ];
    io.stdout.write(lines.join('\n'));
  }
  // Timing only on a terminal, so that piped output is the same on every run.
  if (io.stderr.isTTY) io.stderr.write(`explored in ${ms} ms\n`);
  return graph.violations.length ? EXIT.failed : EXIT.ok;
}

/** Per outcome of `model` present in the graph: how many states are in it, how many can reach it, and the shortest road. */
export function summarizeOutcomes(model: Model, graph: ExploredGraph) {
  const outcomeOfState = Array.from({ length: graph.size }, (_, s) => model.outcomeOf(graph.state(s)));
  return model.outcomeNames.filter((name) => outcomeOfState.includes(name)).map((name) => {
    const isTarget = (s: number) => outcomeOfState[s] === name;
    const reach = canReach(graph, isTarget);
    return {
      outcome: name,
      resolved: model.resolvedOutcomes.has(name),
      description: model.outcomes[name],
      states: outcomeOfState.filter((o) => o === name).length,
      reachableFrom: reach.reduce((n, r) => n + r, 0),
      shortest: shortestPaths(graph, isTarget, { max: 1 })[0] ?? [],
    };
  });
}

/** Parse `--to`: an outcome name or a dotted state path such as `proposal.inForce` (checked before any exploring). */
function targetOf(model: Model, to: string): { label: string; test: (state: StateView) => boolean } {
  if (model.outcomeNames.includes(to)) return { label: `outcome ${to}`, test: (state) => model.outcomeOf(state) === to };
  const keys = to.split('.');
  try {
    model.machine.getStateNodeById(`${model.machine.id}.${to}`);
  } catch {
    throw new ScenarioError(`--to: '${to}' is neither an outcome (${model.outcomeNames.join(', ')}) nor a state path such as proposal.inForce`);
  }
  const value = keys.reduceRight<unknown>((inner, key) => (inner === undefined ? key : { [key]: inner }), undefined);
  return { label: `state ${to}`, test: (state) => state.matches(value as never) };
}

/** The most roads `paths --max` lists: enough to read, few enough that the search stays quick. */
export const MAX_PATHS = 1000;

/** `ceasefire paths --to X`: the K shortest distinct event sequences that reach a state or outcome. */
export async function pathsCommand(options: FromOptions & { to: string; max?: string; maxDepth?: string; maxStates?: string; format: string }, io: CliIO): Promise<number> {
  // Every option is checked before the exploration, which can take long.
  const max = options.max === undefined ? 3 : wholeNumberOption(options.max, '--max', 1, MAX_PATHS);
  const maxDepth = depthOption(options.maxDepth);
  const maxStates = maxStatesOption(options.maxStates);
  // The target is the start's model's: a scenario file names its own.
  const start = await resolveStart(options);
  const target = targetOf(start.model, options.to);
  const graph = explore(start.model.machine, start.snapshot, { maxDepth, maxStates, onProgress: progressLine(io) });
  warnIfPartial(graph, io);
  const found = shortestPaths(graph, (s) => target.test(graph.state(s)), { max });
  if (options.format === 'json') {
    io.stdout.write(`${JSON.stringify({ start: { scenario: start.scenario, branch: start.branch, step: start.step, date: start.date }, to: options.to, paths: found }, null, 2)}\n`);
  } else if (found.length === 0) {
    io.stdout.write(`No road from ${startLabel(start)} reaches ${target.label}.\n`);
  } else {
    io.stdout.write(`The ${found.length} shortest road(s) from ${startLabel(start)} to ${target.label}:\n`);
    found.forEach((path, i) => io.stdout.write(`  ${i + 1}. (${path.length} ${path.length === 1 ? 'event' : 'events'}) ${formatTrace(path)}\n`));
  }
  return found.length ? EXIT.ok : EXIT.failed;
}
