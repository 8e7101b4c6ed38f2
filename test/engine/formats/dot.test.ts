import { describe, expect, it } from 'vitest';
import { ceasefire2025 } from '../../../src/models/ceasefire-2025/index.js';
import { createMachine, type AnyStateNode } from 'xstate';
import { toDot } from '../../../src/engine/formats/dot.js';
import { stateTransitions } from '../../../src/engine/statechart.js';
import { replay } from '../../../src/engine/replay.js';
import { defineModel } from '../../../src/engine/model.js';
import { leafPaths } from '../../../src/engine/view.js';
import { ceasefireMachine } from '../../../src/models/ceasefire-2025/ceasefire.machine.js';
import record from '../../../scenarios/march-2025.js';
import { parseDot, type DotGraph } from './_parsers.js';

function statesOf(node: AnyStateNode): AnyStateNode[] {
  return Object.values(node.states).flatMap((child) => [child, ...statesOf(child)]);
}
const path = (node: AnyStateNode): string => node.path.join('.');
const ALL = statesOf(ceasefireMachine.root);
const COMPOSITE = ALL.filter((s) => Object.keys(s.states).length > 0);
const ATOMIC = ALL.filter((s) => Object.keys(s.states).length === 0);

/** The subgraphs a node or subgraph sits in, innermost first. */
function ancestry(graph: DotGraph, subgraph: string | null): string[] {
  const out: string[] = [];
  for (let at = subgraph; at !== null; at = graph.subgraphs.get(at)?.parent ?? null) out.push(at);
  return out;
}

describe('Graphviz DOT export', () => {
  const graph = parseDot(toDot(ceasefire2025));

  it('parses as one directed graph with compound edges enabled', () => {
    expect(graph.directed).toBe(true);
    expect(graph.name).toBe('ceasefire');
    expect(graph.attributes.compound).toBe('true');
  });

  it('draws a cluster for every compound and parallel state, nested as in the machine', () => {
    for (const state of COMPOSITE) {
      const cluster = graph.subgraphs.get(`cluster_${path(state)}`);
      expect(cluster, path(state)).toBeDefined();
      expect(cluster!.attributes.label).toBe(ceasefire2025.stateLabel(state.key));
      const parent = state.parent!;
      expect(cluster!.parent).toBe(parent.path.length ? `cluster_${path(parent)}` : null);
    }
    expect([...graph.subgraphs.keys()].every((name) => name.startsWith('cluster_'))).toBe(true);
    expect(graph.subgraphs.size).toBe(COMPOSITE.length);
  });

  it('dashes the regions of parallel states (the tracks, the channel, the battlefield), not other clusters', () => {
    for (const state of COMPOSITE) {
      const dashed = /dashed/.test(graph.subgraphs.get(`cluster_${path(state)}`)!.attributes.style ?? '');
      expect(dashed, path(state)).toBe(state.parent!.type === 'parallel');
    }
    expect(graph.subgraphs.get('cluster_channel.envoy')!.attributes.style).toMatch(/dashed/);
    expect(graph.subgraphs.get('cluster_proposal.underConsideration')!.attributes.style).not.toMatch(/dashed/);
  });

  it('declares every atomic state as a node inside its parent cluster, with its label', () => {
    for (const state of ATOMIC) {
      const node = graph.nodes.get(path(state));
      expect(node, path(state)).toBeDefined();
      expect(node!.subgraph).toBe(`cluster_${path(state.parent!)}`);
      expect(node!.attributes.label).toBe(ceasefire2025.stateLabel(state.key));
    }
  });

  it('draws every transition as an edge labelled with its event, clipped at cluster borders', () => {
    const labelled = graph.edges.filter((e) => e.attributes.label !== undefined);
    const transitions = stateTransitions(ceasefireMachine.root);
    expect(labelled.map((e) => e.attributes.label).sort()).toEqual(transitions.map((t) => t.label).sort());
    expect(labelled.map((e) => e.attributes.label)).toContain('after untilTruceEnds');
    for (const edge of graph.edges) {
      expect(graph.nodes.has(edge.from), edge.from).toBe(true);
      expect(graph.nodes.has(edge.to), edge.to).toBe(true);
      for (const [end, cluster] of [[edge.from, edge.attributes.ltail], [edge.to, edge.attributes.lhead]] as const) {
        if (cluster === undefined) continue;
        expect(graph.subgraphs.has(cluster), cluster).toBe(true);
        expect(ancestry(graph, graph.nodes.get(end)!.subgraph)).toContain(cluster);
      }
    }
    const start = labelled.find((e) => e.attributes.label === 'ceasefire.start')!;
    expect(start.attributes).toMatchObject({ ltail: 'cluster_proposal.underConsideration', lhead: 'cluster_proposal.inForce' });
  });

  it('fills the active states of a replayed run, and nothing else', () => {
    const active = leafPaths(replay(record).final.state);
    const lit = parseDot(toDot(ceasefire2025, { active, caption: 'march-2025 after its last step' }));
    const filled = [...lit.nodes].filter(([, n]) => /filled/.test(n.attributes.style ?? '')).map(([id]) => id);
    expect(filled.sort()).toEqual([...active].sort());
    expect(lit.nodes.get('proposal.underConsideration.agreedInPrinciple')!.attributes).toMatchObject({ fillcolor: '#ffe08a' });
    expect(graph.edges.length).toBe(lit.edges.length);
  });

  it('escapes quotes and backslashes in labels', () => {
    const machine = createMachine({ id: 'm', description: 'say "hi" \\ here', initial: 'a', states: { a: { on: { go: 'b' } }, b: {} } });
    const model = defineModel({ id: 'm', title: 'm', machine, events: {}, actors: {}, outcomes: { open: 'open' }, outcomeOf: () => 'open', resolvedOutcomes: [] });
    const small = parseDot(toDot(model));
    expect(small.attributes.label).toContain('hi');
    expect(small.edges.map((e) => e.attributes.label)).toEqual([undefined, 'go']);
  });
});
