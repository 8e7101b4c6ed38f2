import Table from 'cli-table3';
import { compareRuns } from '../engine/compare.js';
import { ScenarioError } from '../engine/errors.js';
import { replay, type ReplayResult } from '../engine/replay.js';
import type { Model } from '../engine/model.js';
import { EXIT, type CliIO } from './io.js';
import { loadScenario } from './load.js';

const RECORD = 'record';

/** One side of a comparison: its run, the label it is shown under, and where it came from. */
interface Side {
  readonly model: Model;
  readonly run: ReplayResult;
  readonly label: string;
  readonly scenario: string;
}

/** Replay `<scenario>[#<branch>]`: a shipped id or a file, its record or one of its branches. */
async function sideOf(ref: string, model: string | undefined): Promise<Side> {
  const hash = ref.lastIndexOf('#');
  const [scenarioRef, branch] = hash < 0 ? [ref, RECORD] : [ref.slice(0, hash), ref.slice(hash + 1)];
  if (scenarioRef === '' || branch === '') throw new ScenarioError(`compare: '${ref}' is not a run (write <scenario>[#<branch>], e.g. march-2025#truce-collapses)`);
  const scenario = await loadScenario(scenarioRef, model);
  return { model: scenario.model, run: replay(scenario, { branch: branch === RECORD ? null : branch }), label: ref, scenario: scenario.id };
}

/**
 * `ceasefire compare`: two runs side by side per track — `<scenario>[#<branch>]`
 * twice (any two scenarios, shipped or files), or one scenario and two of its
 * branches (or `record`).
 */
export async function compareCommand(refs: readonly string[], options: { format: string; model?: string }, io: CliIO): Promise<number> {
  let sides: [Side, Side];
  let title: string;
  if (refs.length === 3) {
    const [ref, a, b] = refs as [string, string, string];
    const scenario = await loadScenario(ref, options.model);
    const side = (name: string): Side => ({ model: scenario.model, run: replay(scenario, { branch: name === RECORD ? null : name }), label: name, scenario: scenario.id });
    sides = [side(a), side(b)];
    title = scenario.title;
  } else if (refs.length === 2) {
    sides = [await sideOf(refs[0]!, options.model), await sideOf(refs[1]!, options.model)];
    title = 'Two runs';
    if (sides[0].model !== sides[1].model) {
      throw new ScenarioError(`compare: '${refs[0]}' runs model ${sides[0].model.id} and '${refs[1]}' model ${sides[1].model.id}; compare runs of one model`);
    }
  } else {
    throw new ScenarioError(`compare: give two runs (<scenario>[#<branch>] each) or a scenario and two of its branches, not ${refs.length} argument${refs.length === 1 ? '' : 's'}`);
  }
  const [a, b] = sides.map((s) => s.label) as [string, string];
  const model = sides[0].model;
  const comparison = compareRuns(model, sides[0].run, sides[1].run);
  if (options.format === 'json') {
    const json =
      refs.length === 3
        ? { scenario: sides[0].scenario, ...comparison }
        : { ...comparison, a: { ...comparison.a, scenario: sides[0].scenario }, b: { ...comparison.b, scenario: sides[1].scenario } };
    io.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    return EXIT.ok;
  }
  const width = Math.max(io.stdout.columns ?? 120, 100) - 10;
  const table = new Table({
    head: ['Track', a, b],
    colWidths: [14, Math.floor((width - 14) / 2), Math.ceil((width - 14) / 2)],
    wordWrap: true,
    style: { head: [], border: [] },
  });
  table.push(['outcome', comparison.a.outcome, comparison.b.outcome]);
  for (const t of comparison.tracks) table.push([t.same ? t.track : `${t.track} *`, t.a.join('\n'), t.b.join('\n')]);
  const split = comparison.divergesAfter
    ? `They share the record up to '${comparison.divergesAfter.id}' (${comparison.divergesAfter.date}); then '${comparison.firstDifferent.a ?? '(end)'}' vs '${comparison.firstDifferent.b ?? '(end)'}'.`
    : 'They differ from the first step.';
  io.stdout.write(
    [
      `${title}: ${a} vs ${b}`,
      split,
      table.toString(),
      '* the track ends differently.',
      `${a}: ${model.outcomes[comparison.a.outcome]}`,
      `${b}: ${model.outcomes[comparison.b.outcome]}`,
      '',
    ].join('\n'),
  );
  return EXIT.ok;
}
