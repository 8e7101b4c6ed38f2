import { parentPort, workerData } from 'node:worker_threads';
import { sampleChunk, type SimulationGraph } from '../engine/simulate.js';

/** A worker thread of `ceasefire simulate`: samples the chunks it is given and sends back their counts. */
interface Job {
  readonly sim: SimulationGraph;
  readonly seed: number;
  readonly chunks: ReadonlyArray<{ readonly index: number; readonly runs: number }>;
}

const job = workerData as Job;
for (const chunk of job.chunks) {
  const counts = sampleChunk(job.sim, job.seed, chunk.index, chunk.runs);
  parentPort!.postMessage({ index: chunk.index, runs: chunk.runs, counts });
}
