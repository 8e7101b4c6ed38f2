import { createRequire } from 'node:module';
import type { ELK as ElkEngine, ELKConstructorArguments, ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import type { AnyStateNode } from 'xstate';
import { allStates, childStates, isWithin, pathOf, stateTransitions } from '../engine/statechart.js';
import type { Model } from '../engine/model.js';
import type { DiagramEdge, DiagramLayout, DiagramNode } from './view-data.js';

// elkjs is CommonJS; its bundled build exports the constructor itself.
const ELK = createRequire(import.meta.url)('elkjs/lib/elk.bundled.js') as new (args?: ELKConstructorArguments) => ElkEngine;

const CHAR_WIDTH = 7;
/** Tracks are laid out one by one, then placed in rows no wider than this. */
const ROW_WIDTH = 2400;
const GAP = 24;
const EDGE_CHAR_WIDTH = 6;

// Words for a state key, as the model labels it.
type Label = (key: string) => string;

function toElkNode(node: AnyStateNode, labelOf: Label): ElkNode {
  const id = node.path.join('.');
  const label = labelOf(node.key);
  const children = Object.values(node.states);
  if (children.length === 0) {
    return { id, width: Math.max(60, label.length * CHAR_WIDTH + 24), height: 32, labels: [{ text: label }] };
  }
  return {
    id,
    labels: [{ text: label, width: label.length * CHAR_WIDTH, height: 16 }],
    layoutOptions: {
      'elk.padding': '[top=30,left=12,bottom=12,right=12]',
      'elk.direction': node.type === 'parallel' ? 'RIGHT' : 'DOWN',
    },
    children: children.map((child) => toElkNode(child, labelOf)),
  };
}

function collectNodes(elk: ElkNode, states: Map<string, AnyStateNode>, into: DiagramNode[], depth: number, labelOf: Label): void {
  for (const child of elk.children ?? []) {
    const state = states.get(child.id)!;
    into.push({
      id: child.id,
      label: labelOf(state.key),
      description: state.description ?? '',
      kind: state.type === 'parallel' ? 'parallel' : Object.keys(state.states).length ? 'compound' : 'atomic',
      x: child.x ?? 0,
      y: child.y ?? 0,
      width: child.width ?? 0,
      height: child.height ?? 0,
      depth,
    });
    collectNodes(child, states, into, depth + 1, labelOf);
  }
}

const LAYOUT_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.direction': 'DOWN',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.layered.spacing.nodeNodeBetweenLayers': '36',
  'elk.spacing.nodeNode': '20',
  'elk.spacing.edgeLabel': '4',
  'elk.json.shapeCoords': 'ROOT',
  'elk.json.edgeCoords': 'ROOT',
};

/** Lay out `parts` (one track, or every state of a machine whose transitions cross regions) with the transitions among them, at the origin. */
async function layoutPart(elk: ElkEngine, parts: readonly AnyStateNode[], states: Map<string, AnyStateNode>, offset: number, labelOf: Label): Promise<DiagramLayout> {
  const transitions = parts
    .flatMap(stateTransitions)
    // An arrow to a state outside the drawn parts (the machine itself) has nowhere to land.
    .filter((t) => parts.some((part) => isWithin(t.target, part)))
    .map((t) => ({ source: pathOf(t.source), target: pathOf(t.target), event: t.event, label: t.label }));
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: LAYOUT_OPTIONS,
    children: parts.map((part) => toElkNode(part, labelOf)),
    edges: transitions.map((t, i): ElkExtendedEdge => {
      return { id: `e${offset + i}`, sources: [t.source], targets: [t.target], labels: [{ text: t.label, width: t.label.length * EDGE_CHAR_WIDTH, height: 14 }] };
    }),
  };
  const laidOut = await elk.layout(graph);
  const nodes: DiagramNode[] = [];
  collectNodes(laidOut, states, nodes, 0, labelOf);
  const edges = (laidOut.edges ?? []).map((edge, i): DiagramEdge => {
    const section = edge.sections?.[0];
    const points = section ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map((p) => [p.x, p.y] as const) : [];
    const label = edge.labels?.[0];
    const t = transitions[i]!;
    return { id: edge.id, source: t.source, target: t.target, event: t.event, label: t.label, points, labelAt: label ? [label.x ?? 0, label.y ?? 0] : (points[0] ?? [0, 0]) };
  });
  return { width: laidOut.width ?? 0, height: laidOut.height ?? 0, nodes, edges };
}

function shifted(layout: DiagramLayout, dx: number, dy: number): Pick<DiagramLayout, 'nodes' | 'edges'> {
  return {
    nodes: layout.nodes.map((n) => ({ ...n, x: n.x + dx, y: n.y + dy })),
    edges: layout.edges.map((e) => ({
      ...e,
      points: e.points.map(([x, y]) => [x + dx, y + dy] as const),
      labelAt: [e.labelAt[0] + dx, e.labelAt[1] + dy] as const,
    })),
  };
}

/**
 * Lay out a model's statechart with ELK: each track (top-level region) as
 * nested boxes with labelled transition arrows, tracks placed in rows, all in
 * absolute coordinates.
 */
export function layoutMachine(model: Model): Promise<DiagramLayout> {
  return layoutStatechart(model.machine.root, (key) => model.stateLabel(key));
}

/** The parts laid out one by one: the tracks of a parallel root whose transitions stay within their track, else the whole machine as one. */
function partsOf(root: AnyStateNode): AnyStateNode[][] {
  const children = childStates(root);
  if (root.type !== 'parallel') return children.length ? [children] : [];
  const staysWithin = (track: AnyStateNode) => stateTransitions(track).every((t) => isWithin(t.target, track));
  return children.every(staysWithin) ? children.map((track) => [track]) : [children];
}

/**
 * Lay out any statechart under `root` with ELK: nested boxes, labelled
 * transition arrows, the tracks of a parallel machine placed in rows, all in
 * absolute coordinates; state boxes are named by their dotted paths.
 */
export async function layoutStatechart(root: AnyStateNode, labelOf: (key: string) => string): Promise<DiagramLayout> {
  const elk = new ELK();
  const states = new Map(allStates(root).map((node) => [pathOf(node), node]));
  const nodes: DiagramNode[] = [];
  const edges: DiagramEdge[] = [];
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  let width = 0;
  for (const part of partsOf(root)) {
    const layout = await layoutPart(elk, part, states, edges.length, labelOf);
    if (x > 0 && x + layout.width > ROW_WIDTH) {
      x = 0;
      y += rowHeight + GAP;
      rowHeight = 0;
    }
    const placed = shifted(layout, x, y);
    nodes.push(...placed.nodes);
    edges.push(...placed.edges);
    x += layout.width + GAP;
    width = Math.max(width, x - GAP);
    rowHeight = Math.max(rowHeight, layout.height);
  }
  return { width, height: y + rowHeight, nodes, edges };
}
