import Table from 'cli-table3';
import { ScenarioError } from '../engine/errors.js';
import { totalmem } from 'node:os';
import { traceTo, type ExploredGraph, type ExploreProgress, type StateView, type TraceStep } from '../engine/explore.js';
import { canReach, reverseEdges, shortestPaths } from '../engine/paths.js';
import { exploreQuestion, type QuestionOptions, type Reduction } from '../engine/question.js';
import { eventLabel } from '../engine/view.js';
import { startPoint, type StartPoint } from '../engine/start.js';
import type { Model } from '../engine/model.js';
import { stateCondition, type StateCondition } from '../engine/state-condition.js';
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

/** Default cap on the states `simulate` samples on, so a start far back in the record stays quick. */
export const DEFAULT_MAX_STATES = 500_000;

/** Parse `--max-states` (`simulate` has a default; `explore` and `paths` stop only at the memory budget). */
export function maxStatesOption(value: string | undefined, fallback: number | null = DEFAULT_MAX_STATES): number | undefined {
  return value === undefined ? (fallback ?? undefined) : wholeNumberOption(value, '--max-states', 1);
}

/** The graph's memory budget by default: half of this machine's memory. */
export function defaultMemoryBudget(): number {
  return Math.floor(totalmem() / 2);
}

/** Parse `--max-memory <GB>` into bytes. */
export function maxMemoryOption(value: string | undefined): number {
  if (value === undefined) return defaultMemoryBudget();
  const gb = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || !(gb > 0)) throw new ScenarioError(`--max-memory: expected a number of gigabytes above 0, got '${value}'`);
  return Math.floor(gb * 2 ** 30);
}

/** `12.0 GB`, `51 MB`. */
function gigabytes(bytes: number): string {
  return bytes < 2 ** 30 ? `${Math.round(bytes / 2 ** 20)} MB` : `${(bytes / 2 ** 30).toFixed(1)} GB`;
}

/**
 * Stop in one line, exit 2, when the graph filled its memory budget: how far
 * it got and how to go further.
 */
export function memoryStop(command: string, graph: ExploredGraph, budget: number, seconds: number): ScenarioError | null {
  if (graph.stopped !== 'memory') return null;
  return new ScenarioError(
    `${command}: stopped at ${graph.size.toLocaleString('en-US')} states after ${Math.round(seconds)} s: the graph filled its memory budget of ${gigabytes(budget)}; allow more with --max-memory <GB>, start later with --from <scenario>@<step>, or leave out --full so that only the tracks the answers read are explored`,
  );
}

/** Say on stderr, in one line, that the state limit cut the exploration short. */
export function warnIfPartial(graph: ExploredGraph, io: CliIO): void {
  if (graph.stopped === 'states') {
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

/** A probability as a percentage with two decimals, as the odds and simulation tables print it. */
export const percent = (p: number): string => `${(p * 100).toFixed(2)}%`;

/** `a → b → c` with the date of the first step. */
export function formatTrace(trace: readonly TraceStep[]): string {
  if (trace.length === 0) return '(the start itself)';
  return trace.map((s) => eventLabel(s.type)).join(' → ');
}

/** The start as every output names it: `march-2025 (branch b) after 'step' (date)`. */
export function startLabel(start: StartPoint): string {
  return `${start.scenario}${start.branch ? ` (branch ${start.branch})` : ''} after '${start.step}' (${start.date})`;
}

/**
 * Explore what a command's question needs from `start`, with a progress line;
 * a memory stop is thrown as one line, a state limit warned about.
 */
function answer(
  command: string,
  start: StartPoint,
  question: Pick<QuestionOptions, 'invariants' | 'label'>,
  limits: Pick<QuestionOptions, 'maxDepth' | 'maxStates' | 'full'> & { maxBytes: number },
  io: CliIO,
): { graph: ExploredGraph; reduction: Reduction } {
  const began = performance.now();
  const result = exploreQuestion(start.model.machine, start.snapshot, { ...question, ...limits, onProgress: progressLine(io) });
  const stop = memoryStop(command, result.graph, limits.maxBytes, (performance.now() - began) / 1000);
  if (stop) throw stop;
  warnIfPartial(result.graph, io);
  return result;
}

/** The line that says what a reduced exploration left out and why the answers still hold. */
export function reductionLine(reduction: Reduction): string {
  const product = `the full product of all ${reduction.kept.length + reduction.leftOut.length} tracks has ${reduction.fullProduct.toLocaleString('en-US')} combinations`;
  if (reduction.leftOut.length === 0) return `Every track explored${reduction.why ? ` (${reduction.why})` : ''}; ${product}.`;
  return `Reduced to the ${reduction.kept.length} tracks the answers depend on (${reduction.kept.join(', ')}); the other ${reduction.leftOut.length} only add moves that cannot change them (${product}; --full explores it).`;
}

/** `ceasefire explore`: every reachable state, the outcomes and the roads to them, and every invariant checked. */
export async function exploreCommand(
  options: FromOptions & { maxDepth?: string; maxStates?: string; maxMemory?: string; full?: boolean; format: string },
  io: CliIO,
): Promise<number> {
  const maxDepth = depthOption(options.maxDepth);
  const maxStates = maxStatesOption(options.maxStates, null);
  const maxBytes = maxMemoryOption(options.maxMemory);
  const start = await resolveStart(options);
  const began = performance.now();
  const { model } = start;
  const { graph, reduction } = answer('explore', start, { invariants: model.invariants, label: (state) => model.outcomeOf(state) }, { maxDepth, maxStates, maxBytes, full: options.full }, io);
  const ms = Math.round(performance.now() - began);
  const outcomes = summarizeOutcomes(model, graph);
  const invariants = model.invariants.map((inv) => {
    const violation = graph.violations.find((v) => v.invariant === inv.name);
    return { name: inv.name, description: inv.description, ok: !violation, ...(violation ? { trace: violation.trace } : {}) };
  });
  if (options.format === 'json') {
    io.stdout.write(
      `${JSON.stringify(
        {
          start: { scenario: start.scenario, branch: start.branch, step: start.step, date: start.date },
          states: graph.size,
          transitions: graph.transitions,
          reduction: { tracks: reduction.kept, leftOut: reduction.leftOut, fullProduct: reduction.fullProduct },
          maxDepth: maxDepth ?? null,
          frontier: graph.frontier,
          complete: graph.complete,
          outcomes,
          invariants,
        },
        null,
        2,
      )}\n`,
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
      reductionLine(reduction),
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

/**
 * Per outcome of `model` present in the graph: how many states are in it, how
 * many can reach it, and the shortest road (the breadth-first tree's road to
 * its nearest state). Reads the graph's labels when it was explored with the
 * model's outcomes.
 */
export function summarizeOutcomes(model: Model, graph: ExploredGraph) {
  const labelled = graph.labels.length > 0;
  const names = labelled ? graph.labels : model.outcomeNames;
  const outcomeOfState = new Int32Array(graph.size);
  for (let s = 0; s < graph.size; s++) outcomeOfState[s] = labelled ? graph.labelOf(s) : names.indexOf(model.outcomeOf(graph.state(s)));
  const counts = new Float64Array(names.length);
  const nearest = new Int32Array(names.length).fill(-1);
  // States are numbered breadth first: the first of an outcome is among its nearest.
  for (let s = 0; s < graph.size; s++) {
    const o = outcomeOfState[s]!;
    counts[o]! += 1;
    if (nearest[o]! < 0) nearest[o] = s;
  }
  const reverse = reverseEdges(graph);
  return model.outcomeNames.filter((name) => names.includes(name) && counts[names.indexOf(name)]! > 0).map((name) => {
    const o = names.indexOf(name);
    const reach = canReach(graph, (s) => outcomeOfState[s] === o, reverse);
    return {
      outcome: name,
      resolved: model.resolvedOutcomes.has(name),
      description: model.outcomes[name],
      states: counts[o]!,
      reachableFrom: reach.reduce((n, r) => n + r, 0),
      shortest: traceTo(graph, nearest[o]!),
    };
  });
}

/** Parse `--to`: an outcome name or a dotted state path such as `proposal.inForce` (checked before any exploring). */
function targetOf(model: Model, to: string): StateCondition {
  const target = stateCondition(model, to);
  if (!target) throw new ScenarioError(`--to: '${to}' is neither an outcome (${model.outcomeNames.join(', ')}) nor a state path such as proposal.inForce`);
  return target;
}

/** The most roads `paths --max` lists: enough to read, few enough that the search stays quick. */
export const MAX_PATHS = 1000;

/** `ceasefire paths --to X`: the K shortest distinct event sequences that reach a state or outcome. */
export async function pathsCommand(
  options: FromOptions & { to: string; max?: string; maxDepth?: string; maxStates?: string; maxMemory?: string; full?: boolean; format: string },
  io: CliIO,
): Promise<number> {
  // Every option is checked before the exploration, which can take long.
  const max = options.max === undefined ? 3 : wholeNumberOption(options.max, '--max', 1, MAX_PATHS);
  const maxDepth = depthOption(options.maxDepth);
  const maxStates = maxStatesOption(options.maxStates, null);
  const maxBytes = maxMemoryOption(options.maxMemory);
  // The target is the start's model's: a scenario file names its own.
  const start = await resolveStart(options);
  const target = targetOf(start.model, options.to);
  // The question reads only the target: the exploration keeps the tracks that decide it.
  const { graph } = answer('paths', start, { label: (state) => (target.test(state) ? 'target' : 'elsewhere') }, { maxDepth, maxStates, maxBytes, full: options.full }, io);
  const targetLabel = graph.labels.indexOf('target');
  const found = targetLabel < 0 ? [] : shortestPaths(graph, (s) => graph.labelOf(s) === targetLabel, { max });
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
