import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import Table from 'cli-table3';
import { SingleBar } from 'cli-progress';
import { ScenarioError } from '../engine/errors.js';
import { explore } from '../engine/explore.js';
import { chunksFor, prepareSimulation, sampleChunk, shares, type SimulationGraph } from '../engine/simulate.js';
import { isIsoDate } from '../engine/calendar.js';
import type { Model } from '../engine/model.js';
import { EXIT, wholeNumberOption, type CliIO } from './io.js';
import { readInput } from './input.js';
import { defaultMemoryBudget, maxStatesOption, memoryStop, percent, progressLine, resolveStart, warnIfPartial, type FromOptions } from './explore.js';
import { resolveModel } from './models.js';

/** Options of `ceasefire simulate`. */
export interface SimulateOptions extends FromOptions {
  readonly runs: string;
  readonly seed: string;
  readonly weights?: string;
  readonly assumptions?: string;
  readonly horizon?: string;
  readonly workers?: string;
  readonly maxStates?: string;
  readonly format: string;
}

// Worker threads run the built JavaScript; from TypeScript sources (tests) sampling stays in this thread.
const WORKER_URL = import.meta.url.endsWith('.js') ? new URL('./simulate-worker.js', import.meta.url) : null;
/** Seeds are 32-bit: the random generator takes no more, so a larger one would repeat a smaller one's run. */
export const MAX_SEED = 0xffff_ffff;
/** Below this many futures one thread is faster than starting workers. */
const PARALLEL_FROM = 100_000;

/** Read a weights file: `weights: { <event type>: <weight>, default: <weight>, after: <weight> }`. */
async function readWeights(model: Model, path: string): Promise<(type: string) => number> {
  const [{ parse }, { z }] = await Promise.all([import('yaml'), import('zod')]);
  const text = readInput(path);
  let data: unknown;
  try {
    data = parse(text, { logLevel: 'error', maxAliasCount: 100 });
  } catch (error) {
    throw new ScenarioError(`${path}: ${(error as Error).message.split('\n')[0]}`);
  }
  const schema = z.strictObject({ weights: z.record(z.string(), z.number().nonnegative().finite()) });
  const result = schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ScenarioError(`${path}: field '${issue.path.join('.') || 'weights'}': ${issue.message}`);
  }
  const weights = result.data.weights;
  for (const key of Object.keys(weights)) {
    if (key !== 'default' && key !== 'after' && !model.isEventType(key)) {
      throw new ScenarioError(`${path}: field 'weights.${key}': unknown event type '${key}' (use an event type, 'after' for delayed transitions, or 'default')`);
    }
  }
  const fallback = weights.default ?? 1;
  return (type) => (type.startsWith('xstate.after.') ? (weights.after ?? fallback) : (weights[type] ?? fallback));
}

async function sampleInWorkers(sim: SimulationGraph, seed: number, chunks: number[], workers: number, tick: (runs: number) => void): Promise<Float64Array> {
  const total = new Float64Array(sim.outcomes.length);
  const jobs = Array.from({ length: workers }, () => [] as Array<{ index: number; runs: number }>);
  chunks.forEach((runs, index) => jobs[index % workers]!.push({ index, runs }));
  await Promise.all(
    jobs
      .filter((job) => job.length)
      .map(
        (job) =>
          new Promise<void>((resolve, reject) => {
            const worker = new Worker(WORKER_URL!, { workerData: { sim, seed, chunks: job } });
            worker.on('message', (m: { runs: number; counts: Float64Array }) => {
              m.counts.forEach((c, i) => (total[i]! += c));
              tick(m.runs);
            });
            worker.on('error', reject);
            worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`a simulation worker stopped with code ${code}`))));
          }),
      ),
  );
  return total;
}

/**
 * `ceasefire simulate`: sample N futures from a start point, choosing among the
 * enabled events by analyst weights, seeded; print each outcome's share with a
 * 95% confidence interval. The same seed gives the same output on any number of cores.
 */
export async function simulateCommand(options: SimulateOptions, io: CliIO): Promise<number> {
  const model = resolveModel(options.model);
  const runs = wholeNumberOption(options.runs, '--runs', 1);
  const seed = wholeNumberOption(options.seed, '--seed', 0, MAX_SEED);
  if (options.assumptions !== undefined) return (await import('./simulate-timed.js')).simulateTimedCommand(options, runs, seed, io);
  if (options.horizon !== undefined && !isIsoDate(options.horizon)) throw new ScenarioError(`--horizon: '${options.horizon}' is not a YYYY-MM-DD date`);
  const weight = options.weights === undefined ? undefined : await readWeights(model, options.weights);
  const workers = options.workers === undefined ? availableParallelism() : wholeNumberOption(options.workers, '--workers', 1);
  const start = await resolveStart(options);
  const began = performance.now();
  const maxBytes = defaultMemoryBudget();
  // Every track: the futures choose among every enabled event, so none can be left out.
  const graph = explore(start.model.machine, start.snapshot, {
    label: (state) => start.model.outcomeOf(state),
    maxStates: maxStatesOption(options.maxStates),
    maxBytes,
    onProgress: progressLine(io),
  });
  const stop = memoryStop('simulate', graph, maxBytes, (performance.now() - began) / 1000);
  if (stop) throw stop;
  warnIfPartial(graph, io);
  const sim = prepareSimulation(start.model, graph, { ...(weight ? { weight } : {}), ...(options.horizon ? { horizon: options.horizon } : {}) });
  const chunks = chunksFor(runs);
  const bar = io.stderr.isTTY ? new SingleBar({ format: 'simulating {bar} {percentage}% | {value}/{total} futures | eta {eta}s', stream: io.stderr as NodeJS.WriteStream, clearOnComplete: true, hideCursor: true }) : null;
  bar?.start(runs, 0);
  let done = 0;
  const tick = (n: number) => bar?.update((done += n));
  let counts: Float64Array;
  if (WORKER_URL && workers > 1 && runs >= PARALLEL_FROM) {
    counts = await sampleInWorkers(sim, seed, chunks, Math.min(workers, chunks.length), tick);
  } else {
    counts = new Float64Array(sim.outcomes.length);
    chunks.forEach((chunkRuns, index) => {
      sampleChunk(sim, seed, index, chunkRuns).forEach((c, i) => (counts[i]! += c));
      tick(chunkRuns);
    });
  }
  bar?.stop();
  const ms = Math.round(performance.now() - began);
  const result = shares(sim.outcomes, counts, runs);
  if (options.format === 'json') {
    // Timing is left out so that the same seed gives byte-identical output.
    io.stdout.write(`${JSON.stringify({ start: { scenario: start.scenario, branch: start.branch, step: start.step, date: start.date }, runs, seed, horizon: options.horizon ?? null, states: graph.size, outcomes: result }, null, 2)}\n`);
    return EXIT.ok;
  }
  const table = new Table({ head: ['Outcome', 'Futures', 'Share', '95% interval'], style: { head: [], border: [] }, colAligns: ['left', 'right', 'right', 'right'] });
  for (const r of result) table.push([r.outcome, r.count.toLocaleString('en-US'), percent(r.share), `${percent(r.low)} – ${percent(r.high)}`]);
  io.stdout.write(
    `${runs.toLocaleString('en-US')} futures from ${start.scenario}${start.branch ? ` (branch ${start.branch})` : ''} after '${start.step}' (${start.date}), seed ${seed}${options.weights ? `, weights ${options.weights}` : ', every enabled event equally likely'}${options.horizon ? `, horizon ${options.horizon}` : ''}:\n${table.toString()}\n`,
  );
  // Timing only on a terminal: piped output stays byte-identical for a given seed.
  if (io.stderr.isTTY) io.stderr.write(`simulated in ${ms} ms (${graph.size.toLocaleString('en-US')} states explored)\n`);
  return EXIT.ok;
}
