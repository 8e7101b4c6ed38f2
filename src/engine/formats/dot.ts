import type { AnyStateNode } from 'xstate';
import type { Model } from '../model.js';
import {
  ACTIVE_FILL,
  ACTIVE_STROKE,
  childStates,
  initialChild,
  isWithin,
  pathOf,
  stateLabel,
  stateTransitions,
  type DiagramOptions,
} from '../statechart.js';

/** A DOT string literal: double-quoted, with `"` and `\` escaped and line breaks as `\n`. */
function q(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}

// Node ids are the dotted state paths; a cluster's name must start with `cluster` for Graphviz to draw a box.
const nodeId = (node: AnyStateNode): string => q(pathOf(node));
const clusterId = (node: AnyStateNode): string => q(`cluster_${pathOf(node)}`);
// Edges cannot end on a cluster, so each composite state has a hidden anchor node inside it; lhead/ltail clip the edge at the box.
const anchorId = (node: AnyStateNode): string => q(`${pathOf(node)}#anchor`);
const initialId = (node: AnyStateNode): string => q(`${pathOf(node)}#initial`);

const isComposite = (node: AnyStateNode): boolean => childStates(node).length > 0;

function cluster(model: Model, node: AnyStateNode, parent: AnyStateNode, active: ReadonlySet<string>, depth: number, lines: string[]): void {
  const pad = '  '.repeat(depth);
  if (!isComposite(node)) {
    const lit = active.has(pathOf(node)) ? `, style="rounded,filled", fillcolor=${q(ACTIVE_FILL)}, color=${q(ACTIVE_STROKE)}` : '';
    lines.push(`${pad}${nodeId(node)} [label=${q(stateLabel(model, node))}${lit}];`);
    return;
  }
  lines.push(`${pad}subgraph ${clusterId(node)} {`);
  // A region of a parallel state is dashed: all regions are active together.
  const style = parent.type === 'parallel' ? 'rounded,dashed' : 'rounded';
  lines.push(`${pad}  label=${q(stateLabel(model, node))}; style=${q(style)};`);
  lines.push(`${pad}  ${anchorId(node)} [shape=point, style=invis, width=0.01, label=""];`);
  startArrow(node, `${pad}  `, lines);
  for (const child of childStates(node)) cluster(model, child, node, active, depth + 1, lines);
  lines.push(`${pad}}`);
}

function endpoint(node: AnyStateNode): string {
  return isComposite(node) ? anchorId(node) : nodeId(node);
}

/** A compound state's start dot and its arrow to the initial state (the `[*] -->` of a state diagram). */
function startArrow(node: AnyStateNode, pad: string, lines: string[]): void {
  const initial = initialChild(node);
  if (!initial) return;
  lines.push(`${pad}${initialId(node)} [shape=point, width=0.12, label=""];`);
  lines.push(`${pad}${initialId(node)} -> ${endpoint(initial)}${isComposite(initial) ? ` [lhead=${clusterId(initial)}]` : ''};`);
}

/**
 * The model's machine as a Graphviz DOT digraph: a cluster per compound or parallel
 * state (regions of a parallel state dashed), a node per atomic state, and an
 * edge per transition labelled with its event; active states are filled.
 */
export function toDot(model: Model, options: DiagramOptions = {}): string {
  const active = new Set(options.active ?? []);
  const root = model.machine.root;
  const lines = [`digraph ${q(root.id)} {`];
  if (options.caption) lines.push(`  // ${options.caption.replace(/\s+/g, ' ')}`);
  lines.push(`  compound=true; newrank=true; fontname="Helvetica"; label=${q(root.description ?? root.id)}; labelloc=t;`);
  lines.push('  node [shape=box, style=rounded, fontname="Helvetica", fontsize=11];');
  lines.push('  edge [fontname="Helvetica", fontsize=9];');
  startArrow(root, '  ', lines);
  for (const child of childStates(root)) cluster(model, child, root, active, 1, lines);
  for (const t of stateTransitions(root)) {
    const clip = [
      // Clip at a composite end's box, unless the other end lies inside it (Graphviz would ignore it with a warning).
      isComposite(t.source) && !isWithin(t.target, t.source) ? `ltail=${clusterId(t.source)}` : '',
      isComposite(t.target) && !isWithin(t.source, t.target) ? `lhead=${clusterId(t.target)}` : '',
    ].filter(Boolean);
    lines.push(`  ${endpoint(t.source)} -> ${endpoint(t.target)} [label=${q(t.label)}${clip.map((c) => `, ${c}`).join('')}];`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
