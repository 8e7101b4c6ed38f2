/**
 * One full exploration for `npm run bench`, in a process of its own so that
 * its peak memory is its own: `tsx scripts/bench-full.ts full <step> <max states>`
 * prints states, transitions, time and peak resident memory above the
 * footprint the process had before exploring, as JSON;
 * `tsx scripts/bench-full.ts xstate-graph <step>` times xstate/graph's search.
 */
import { explore } from '../src/engine/explore.js';
import { replay } from '../src/index.js';
import { ceasefire2025 as ceasefireModel } from '../src/models/ceasefire-2025/index.js';
import record from '../scenarios/march-2025.js';

const [mode, step, cap] = process.argv.slice(2);
const start = replay(record, { stopAfter: step }).snapshot;
if (mode === 'xstate-graph') {
  // The same exploration by xstate/graph's own search, with the same events, for the ratio.
  const { getShortestPaths } = await import('xstate/graph');
  const { eventsToTry, stateKey } = await import('../src/engine/explore.js');
  const began = performance.now();
  const paths = getShortestPaths(ceasefireModel.machine, { fromState: start, events: ((s: never) => eventsToTry(ceasefireModel.machine, s)) as never, serializeState: (s) => stateKey(s as never) });
  console.log(JSON.stringify({ states: paths.length, ms: Math.round(performance.now() - began) }));
  process.exit(0);
}
const idleKb = process.resourceUsage().maxRSS;
const began = performance.now();
const graph = explore(ceasefireModel.machine, start, {
  invariants: ceasefireModel.invariants,
  label: (state) => ceasefireModel.outcomeOf(state),
  maxStates: Number(cap),
});
const ms = performance.now() - began;
const peakKb = process.resourceUsage().maxRSS;
console.log(
  JSON.stringify({
    states: graph.size,
    transitions: graph.transitions,
    complete: graph.complete,
    ms: Math.round(ms),
    graphBytes: graph.bytes,
    idleBytes: idleKb * 1024,
    peakBytes: peakKb * 1024,
    bytesPerState: Math.round(((peakKb - idleKb) * 1024) / graph.size),
  }),
);
