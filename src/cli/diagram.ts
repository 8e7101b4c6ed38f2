import { initialTransition, type StateValue } from 'xstate';
import { ScenarioError } from '../engine/errors.js';
import { toDot } from '../engine/formats/dot.js';
import { machineToJson } from '../engine/formats/machine-json.js';
import { toMermaid } from '../engine/formats/mermaid.js';
import { replay } from '../engine/replay.js';
import { leafPaths } from '../engine/view.js';
import type { Model } from '../engine/model.js';
import { EXIT, type CliIO } from './io.js';
import { isScenarioPath, loadScenario } from './load.js';
import { resolveModel } from './models.js';
import { prepareOutput, writeOutput } from './output.js';

const FORMATS = ['mermaid', 'dot', 'json'];

/** Where a highlighted run stands: the active states after one of its steps. */
interface Highlight {
  readonly scenario: string;
  readonly branch: string | null;
  /** 1-based; 0 is the model's initial state, before any step. */
  readonly step: number;
  readonly stepId: string | null;
  readonly date: string | null;
  readonly active: string[];
  readonly model: Model;
}

function stepNumber(raw: string | undefined, count: number): number {
  if (raw === undefined) return count;
  if (!/^\d+$/.test(raw) || Number(raw) > count) {
    throw new ScenarioError(`--step: '${raw}' is not a step number of this run (0 to ${count}; 0 is before the first step)`);
  }
  return Number(raw);
}

async function highlight(ref: string, modelId: string | undefined, branch: string | undefined, rawStep: string | undefined): Promise<Highlight> {
  const scenario = await loadScenario(ref, modelId);
  const result = replay(scenario, { branch: branch ?? null });
  const step = stepNumber(rawStep, result.steps.length);
  const at = result.steps[step - 1];
  const value: StateValue = at ? at.state : initialTransition(scenario.model.machine)[0].value;
  return { model: scenario.model, scenario: scenario.id, branch: result.branch, step, stepId: at?.id ?? null, date: at?.date ?? null, active: leafPaths(value) };
}

function caption(h: Highlight): string {
  const where = h.stepId ? `after step ${h.step} '${h.stepId}' (${h.date})` : 'before its first step';
  return `active states: ${h.scenario}${h.branch ? ` branch ${h.branch}` : ''}, ${where}`;
}

/**
 * `ceasefire diagram [--format mermaid|dot|json] [--highlight <scenario>]
 * [--branch] [--step N] [--out]`: the statechart as a Mermaid state diagram,
 * a Graphviz DOT graph or normalized JSON, with the active states of a
 * replayed scenario marked after step N (default: its last).
 */
export async function diagramCommand(
  options: { format: string; highlight?: string; branch?: string; step?: string; out?: string; model?: string },
  io: CliIO,
): Promise<number> {
  const chosen = resolveModel(options.model);
  const format = options.format ?? 'mermaid';
  if (!FORMATS.includes(format)) throw new ScenarioError(`--format: unknown diagram format '${format}' (known: ${FORMATS.join(', ')})`);
  if (options.highlight === undefined && (options.branch !== undefined || options.step !== undefined)) {
    throw new ScenarioError('--branch and --step choose the run to highlight; give the scenario with --highlight <scenario>');
  }
  const highlighted = options.highlight !== undefined && isScenarioPath(options.highlight) ? options.highlight : undefined;
  const out = options.out === undefined ? undefined : prepareOutput(options.out, '--out', [highlighted]);
  const h = options.highlight === undefined ? undefined : await highlight(options.highlight, options.model, options.branch, options.step);
  const marks = h ? { active: h.active, caption: caption(h) } : {};
  const model = h?.model ?? chosen;
  let text: string;
  if (format === 'mermaid') text = toMermaid(model, marks);
  else if (format === 'dot') text = toDot(model, marks);
  else {
    const json = machineToJson(model.machine, h ? { active: h.active } : {});
    const about = h ? { highlight: { scenario: h.scenario, branch: h.branch, step: h.step, stepId: h.stepId, date: h.date } } : {};
    text = `${JSON.stringify({ ...json, ...about }, null, 2)}\n`;
  }
  writeOutput(text, out, io, `the ${format} diagram`);
  return EXIT.ok;
}
