/**
 * `npm run bench`: speed figures measured in one run on this machine.
 * `npm run bench -- --json` prints them as one JSON object.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { getShortestPaths } from 'xstate/graph';
import { eventsToTry, explore, stateKey } from '../src/engine/explore.js';
import { exploreQuestion } from '../src/engine/question.js';
import { outcomeOf } from '../src/models/ceasefire-2025/outcome.js';
import { ceasefireMachine, replay } from '../src/index.js';
import { renderTimeline } from '../src/cli/render-timeline.js';
import { INVARIANTS } from '../src/models/ceasefire-2025/invariants.js';
import record from '../scenarios/march-2025.js';
import { startPoint } from '../src/engine/start.js';
import { defaultAssumptions } from '../src/engine/assumptions.js';
import { edgeRates, prepareOdds } from '../src/engine/odds-chain.js';
import { solveOdds } from '../src/engine/odds.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = fileURLToPath(new URL('../node_modules/.bin/ceasefire', import.meta.url));

function timeMs(command: string, args: string[]): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd: root, stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function best<T>(times: number, run: () => T): { ms: number; result: T } {
  let ms = Number.POSITIVE_INFINITY;
  let result!: T;
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    result = run();
    ms = Math.min(ms, performance.now() - start);
  }
  return { ms, result };
}

const json = process.argv.includes('--json');
const log = (line: string) => json || console.log(line);

// Startup: the installed binary against a bare node, interleaved so that a busy moment of the machine weighs on both alike.
const nodeTimes: number[] = [];
const runTimes: number[] = [];
for (let i = 0; i < 11; i++) {
  nodeTimes.push(timeMs(process.execPath, ['-e', '0']));
  runTimes.push(timeMs(bin, ['run', 'march-2025']));
}
const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
const nodeMs = median(nodeTimes);
const runMs = median(runTimes);
log(`startup:  \`ceasefire run march-2025\` ${Math.round(runMs)} ms vs \`node -e 0\` ${Math.round(nodeMs)} ms: ${(runMs / nodeMs).toFixed(2)}× (target ≤ 5×)`);

// Exploration against xstate/graph on the same model and events, from a truce in force (the end of a
// branch: a space xstate/graph's own search finishes), then ours alone from the end of the record.
const start = replay(record, { branch: 'encircled-troops-spared' }).snapshot;
// Both sides are timed warm: the best of several runs in this process.
const ours = best(25, () => explore(ceasefireMachine, start));
const withInvariants = best(10, () => explore(ceasefireMachine, start, { invariants: INVARIANTS }));
const theirs = best(3, () => getShortestPaths(ceasefireMachine, { fromState: start, events: ((snapshot: never) => eventsToTry(ceasefireMachine, snapshot)) as never, serializeState: (s) => stateKey(s as never) }));
if (theirs.result.length !== ours.result.size) throw new Error(`reachable states differ: xstate/graph ${theirs.result.length}, explorer ${ours.result.size}`);
const speedup = theirs.ms / ours.ms;
log(
  `explore:  from the end of branch encircled-troops-spared, ${ours.result.size.toLocaleString('en-US')} states (same count as xstate/graph) in ${ours.ms.toFixed(1)} ms (${withInvariants.ms.toFixed(1)} ms with every invariant) vs getShortestPaths ${Math.round(theirs.ms)} ms, best warm runs: ${speedup.toFixed(1)}× faster (target ≥ 20×)`,
);
const end = replay(record).snapshot;
const fromEnd = best(3, () => explore(ceasefireMachine, end, { invariants: INVARIANTS }));
log(`explore:  from the end of the record, ${fromEnd.result.size.toLocaleString('en-US')} states with every invariant in ${Math.round(fromEnd.ms)} ms (best of 3)`);

// Every start point: the answers on their cone (in this process), then the full graph in a process of
// its own (its peak memory above its footprint before exploring), then xstate/graph where the full
// graph is small enough for it to have a chance within a minute.
const option = (name: string) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const fullCap = Number(option('--full-states') ?? 1_000_000);
const child = (args: string[], timeout?: number) => {
  const result = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./bench-full.ts', import.meta.url)), ...args], { cwd: root, encoding: 'utf8', timeout, maxBuffer: 1 << 20 });
  return result.status === 0 ? JSON.parse(result.stdout) : null;
};
const startPoints = [record.steps[0]!.id, 'saudi-arabia-talks', 'ukraine-endorses', 'putin-yes-but', 'envoy-announced', record.steps.at(-1)!.id];
const perStart = startPoints.map((step) => {
  const snapshot = replay(record, { stopAfter: step }).snapshot;
  const reduced = best(3, () => exploreQuestion(ceasefireMachine, snapshot, { invariants: INVARIANTS, label: (s) => outcomeOf(s as never) }));
  const full = child(['full', step, String(fullCap)]);
  const graph = full.complete && full.states <= 150_000 ? child(['xstate-graph', step], 60_000) : null;
  const row = {
    step,
    reduced: { states: reduced.result.graph.size, transitions: reduced.result.graph.transitions, ms: Number(reduced.ms.toFixed(1)), tracks: reduced.result.reduction.kept.length, fullProduct: reduced.result.reduction.fullProduct },
    full: { states: full.states, transitions: full.transitions, complete: full.complete, ms: full.ms, bytesPerState: full.bytesPerState, statesPerSecond: Math.round(full.states / (full.ms / 1000)) },
    xstateGraph: graph ? { ms: graph.ms, ratio: Number((graph.ms / full.ms).toFixed(1)) } : null,
  };
  log(
    `explore:  from '${step}': reduced ${row.reduced.states.toLocaleString('en-US')} states, ${row.reduced.transitions.toLocaleString('en-US')} transitions in ${row.reduced.ms} ms (${row.reduced.tracks} tracks); ` +
      `full ${full.complete ? '' : '≥ '}${full.states.toLocaleString('en-US')} states, ${full.transitions.toLocaleString('en-US')} transitions in ${full.ms.toLocaleString('en-US')} ms, ${full.bytesPerState} B/state peak above idle` +
      (graph ? `; xstate/graph ${graph.ms.toLocaleString('en-US')} ms (${row.xstateGraph!.ratio}×)` : full.complete && full.states <= 150_000 ? '; xstate/graph did not finish within a minute' : ''),
  );
  return row;
});

// With --deep: the full graph from the record's first step, up to 50 million states (about 1.5 hours on the 2-core machine).
const deep = process.argv.includes('--deep') ? child(['full', record.steps[0]!.id, option('--deep-states') ?? '50000000']) : null;
if (deep) {
  log(
    `explore:  --deep from '${record.steps[0]!.id}': ${deep.complete ? '' : '≥ '}${deep.states.toLocaleString('en-US')} states, ${deep.transitions.toLocaleString('en-US')} transitions in ${Math.round(deep.ms / 1000)} s, ` +
      `${(deep.peakBytes / 2 ** 30).toFixed(1)} GB peak, ${deep.bytesPerState} B/state above idle`,
  );
}

// Simulation: one million futures through the real command, exploration and start-up included.
const runs = 1_000_000;
const simulateMs = timeMs(bin, ['simulate', '--runs', String(runs), '--seed', '1', '--format', 'json']);
const futuresPerSecond = Math.round(runs / (simulateMs / 1000));
log(`simulate: ${runs.toLocaleString('en-US')} futures in ${Math.round(simulateMs)} ms, exploration and start-up included: ${futuresPerSecond.toLocaleString('en-US')} futures/s (target: under 10 s)`);

// Exact odds from the record's first step (the largest start point; the full graph there has tens of millions of states):
// building the timed chain, then one solve over a year, every outcome's first passage included.
const first = startPoint(record, { step: record.steps[0]!.id });
const assumptions = defaultAssumptions(first.model);
const built = best(1, () => prepareOdds(first.model, { snapshot: first.snapshot, date: first.date!, pendingTimers: first.pendingTimers }, assumptions));
const rates = edgeRates(built.result, assumptions);
const solved = best(3, () => solveOdds(built.result.chain, { rates, days: 365 }));
const odds = { from: record.steps[0]!.id, states: built.result.graph.size, nodes: built.result.chain.size, transitions: built.result.chain.edges.length, prepareMs: Math.round(built.ms), solveMs: Math.round(solved.ms), error: solved.result.error };
log(
  `odds:     from '${odds.from}': a chain of ${odds.nodes.toLocaleString('en-US')} nodes and ${odds.transitions.toLocaleString('en-US')} transitions (${odds.states.toLocaleString('en-US')} states) built in ${odds.prepareMs} ms, ` +
    `365 days solved exactly in ${odds.solveMs} ms (error ≤ ${odds.error.toExponential(0)})`,
);

// The text timeline: 40,000 steps should take about ten times as long as 4,000 (linear, not quadratic).
const recordRun = replay(record);
const longRun = (steps: number) => ({ ...recordRun, steps: Array.from({ length: steps }, (_, i) => recordRun.steps[i % recordRun.steps.length]!) });
const [small, large] = [longRun(4_000), longRun(40_000)];
const timelineSmall = best(3, () => renderTimeline(record.model, small)).ms;
const timelineLarge = best(1, () => renderTimeline(record.model, large)).ms;
const timelineRatio = timelineLarge / timelineSmall;
log(`timeline: 4,000 steps in ${Math.round(timelineSmall)} ms, 40,000 in ${Math.round(timelineLarge)} ms: ${timelineRatio.toFixed(1)}× for 10× the steps (target ≤ 15×, linear)`);

if (json) {
  console.log(
    JSON.stringify({
      startup: { nodeMs: Math.round(nodeMs), runMs: Math.round(runMs), ratio: Number((runMs / nodeMs).toFixed(2)) },
      explore: { states: ours.result.size, ms: Number(ours.ms.toFixed(1)), msWithInvariants: Number(withInvariants.ms.toFixed(1)), xstateGraphMs: Math.round(theirs.ms), speedup: Number(speedup.toFixed(1)) },
      exploreFromEnd: { states: fromEnd.result.size, msWithInvariants: Math.round(fromEnd.ms) },
      startPoints: perStart,
      ...(deep ? { deep } : {}),
      simulate: { runs, ms: Math.round(simulateMs), futuresPerSecond },
      odds,
      timeline: { smallSteps: 4_000, smallMs: Math.round(timelineSmall), largeSteps: 40_000, largeMs: Math.round(timelineLarge), ratio: Number(timelineRatio.toFixed(1)) },
    }),
  );
}
