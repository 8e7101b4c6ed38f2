import type { AnyStateNode } from 'xstate';
import type { Model } from '../model.js';
import {
  ACTIVE_FILL,
  ACTIVE_STROKE,
  allStates,
  childStates,
  initialChild,
  pathOf,
  stateLabel,
  stateTransitions,
  type DiagramOptions,
} from '../statechart.js';

/** A Mermaid state id: the XState id with every character outside `\w` replaced (`ceasefire_proposal_none`). */
export function mermaidId(node: AnyStateNode): string {
  // Prefixing with the machine id keeps ids unique and clear of keywords (`state`, `note`, `class`).
  return node.id.replace(/\W/g, '_');
}

// A display name sits inside double quotes and on one line; Mermaid has no escape for `"`.
const quoted = (text: string): string => `"${text.replace(/"/g, "'").replace(/\s+/g, ' ')}"`;
// A transition label runs to the end of the line and may not contain `:` or `;`.
const edgeText = (text: string): string => text.replace(/[:;]/g, ' ').replace(/\s+/g, ' ');

function declare(model: Model, node: AnyStateNode, depth: number, lines: string[]): void {
  const pad = '  '.repeat(depth);
  const id = mermaidId(node);
  lines.push(`${pad}state ${quoted(stateLabel(model, node))} as ${id}`);
  const children = childStates(node);
  if (children.length === 0) return;
  // The name is declared on its own line: `state "x" as id {` keeps a trailing space in the id on some Mermaid versions.
  lines.push(`${pad}state ${id} {`);
  const initial = initialChild(node);
  if (initial) lines.push(`${pad}  [*] --> ${mermaidId(initial)}`);
  children.forEach((child, i) => {
    // Regions of a parallel state are Mermaid's concurrent sections, separated by `--`.
    if (node.type === 'parallel' && i > 0) lines.push(`${pad}  --`);
    declare(model, child, depth + 1, lines);
  });
  lines.push(`${pad}}`);
}

/**
 * The model's machine as a Mermaid `stateDiagram-v2`: nested composite states,
 * parallel regions split by `--`, each transition labelled with its event,
 * and the given active states marked with the `active` class.
 */
export function toMermaid(model: Model, options: DiagramOptions = {}): string {
  const { machine } = model;
  const lines = ['stateDiagram-v2'];
  if (options.caption) lines.push(`  %% ${options.caption.replace(/\s+/g, ' ')}`);
  declare(model, machine.root, 1, lines);
  // Transitions come after every state is placed, at the top level: a state is a child of
  // the block that first names it, and a transition inside another block would move it there.
  for (const t of stateTransitions(machine.root)) {
    lines.push(`  ${mermaidId(t.source)} --> ${mermaidId(t.target)} : ${edgeText(t.label)}`);
  }
  const active = new Set(options.active ?? []);
  const marked = allStates(machine.root).filter((node) => active.has(pathOf(node))).map(mermaidId);
  if (marked.length) {
    lines.push(`  classDef active fill:${ACTIVE_FILL},stroke:${ACTIVE_STROKE}`);
    lines.push(`  class ${marked.join(',')} active`);
  }
  return `${lines.join('\n')}\n`;
}
