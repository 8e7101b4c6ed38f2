import { describe, expect, it } from 'vitest';
import { ceasefire2025 } from '../../src/models/ceasefire-2025/index.js';
import { ceasefireMachine, replay } from '../../src/index.js';
import { explore } from '../../src/engine/explore.js';
import { shortestPaths } from '../../src/engine/paths.js';
import { chunksFor, prepareSimulation, sampleChunk, shares } from '../../src/engine/simulate.js';
import { outcomeOf } from '../../src/models/ceasefire-2025/outcome.js';
import record from '../../scenarios/march-2025.js';

const graph = explore(ceasefireMachine, replay(record).snapshot);
const total = (counts: Float64Array) => counts.reduce((a, b) => a + b, 0);

describe('shortest paths', () => {
  it('lists the shortest distinct roads to a ceasefire in force, shortest first', () => {
    const roads = shortestPaths(graph, (s) => outcomeOf(graph.state(s)) === 'ceasefire-in-force', { max: 4 });
    expect(roads[0]!.map((s) => s.type)).toEqual(['russia.accept', 'ceasefire.start']);
    expect(roads.map((r) => r.length)).toEqual([...roads.map((r) => r.length)].sort((a, b) => a - b));
    expect(new Set(roads.map((r) => r.map((s) => s.type).join())).size).toBe(4);
  });
});

describe('simulation', () => {
  const sim = prepareSimulation(ceasefire2025, graph);

  it('gives the same counts for the same seed and chunk, and other counts for another seed', () => {
    expect(sampleChunk(sim, 42, 0, 5000)).toEqual(sampleChunk(sim, 42, 0, 5000));
    expect(sampleChunk(sim, 43, 0, 5000)).not.toEqual(sampleChunk(sim, 42, 0, 5000));
    expect(total(sampleChunk(sim, 42, 3, 5000))).toBe(5000);
  });

  it('splits runs into fixed chunks so the result does not depend on the number of workers', () => {
    expect(chunksFor(120_000)).toEqual([50_000, 50_000, 20_000]);
  });

  it('never picks an event weighted zero', () => {
    const noRejection = prepareSimulation(ceasefire2025, graph, { weight: (type) => (type === 'russia.reject' || type === 'proposal.lapse' ? 0 : 1) });
    const counts = sampleChunk(noRejection, 1, 0, 20_000);
    const byName = Object.fromEntries(noRejection.outcomes.map((o, i) => [o, counts[i]]));
    expect(byName.rejected).toBe(0);
    expect(byName.lapsed).toBe(0);
    expect(byName['endorsement-withdrawn']).toBeGreaterThan(0);
  });

  it('stops the calendar at the horizon: no truce expires before its 30 days', () => {
    const short = prepareSimulation(ceasefire2025, graph, { horizon: '2025-04-01' });
    const counts = sampleChunk(short, 1, 0, 20_000);
    expect(counts[short.outcomes.indexOf('truce-expired')]).toBe(0);
    expect(counts[short.outcomes.indexOf('ceasefire-in-force')]! + counts[short.outcomes.indexOf('truce-extended')]!).toBeGreaterThan(0);
  });

  it('reports shares with 95% intervals that contain them', () => {
    const counts = sampleChunk(sim, 7, 0, 10_000);
    const result = shares(sim.outcomes, counts, 10_000);
    expect(result.reduce((n, r) => n + r.count, 0)).toBe(10_000);
    for (const r of result) {
      expect(r.low).toBeLessThanOrEqual(r.share);
      expect(r.high).toBeGreaterThanOrEqual(r.share);
      expect(r.high - r.low).toBeLessThan(0.05);
    }
  });
});
