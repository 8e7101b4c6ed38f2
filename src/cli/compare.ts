import Table from 'cli-table3';
import { compareRuns } from '../engine/compare.js';
import { replay } from '../engine/replay.js';
import { EXIT, type CliIO } from './io.js';
import { loadScenario } from './load.js';

const RECORD = 'record';

/** `ceasefire compare <scenario> <a> <b>`: two branches (or `record`) side by side per track. */
export async function compareCommand(ref: string, a: string, b: string, options: { format: string; model?: string }, io: CliIO): Promise<number> {
  const scenario = await loadScenario(ref, options.model);
  const run = (name: string) => replay(scenario, { branch: name === RECORD ? null : name });
  const comparison = compareRuns(scenario.model, run(a), run(b));
  if (options.format === 'json') {
    io.stdout.write(`${JSON.stringify({ scenario: scenario.id, ...comparison }, null, 2)}\n`);
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
      `${scenario.title}: ${a} vs ${b}`,
      split,
      table.toString(),
      '* the track ends differently.',
      `${a}: ${scenario.model.outcomes[comparison.a.outcome]}`,
      `${b}: ${scenario.model.outcomes[comparison.b.outcome]}`,
      '',
    ].join('\n'),
  );
  return EXIT.ok;
}
