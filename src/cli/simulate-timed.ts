import Table from 'cli-table3';
import { addDays } from '../engine/calendar.js';
import { ScenarioError } from '../engine/errors.js';
import { edgeRates } from '../engine/odds-chain.js';
import { shares } from '../engine/simulate.js';
import { sampleTimed } from '../engine/timed-sample.js';
import { EXIT, type CliIO } from './io.js';
import { percent, startLabel } from './explore.js';
import { assumptionsLine, setUp, type OddsOptions } from './odds.js';

/** Options of `ceasefire simulate --assumptions`. */
export interface TimedSimulateOptions extends Pick<OddsOptions, 'from' | 'branch' | 'model' | 'assumptions' | 'horizon' | 'full'> {
  readonly weights?: string;
  readonly workers?: string;
  readonly maxStates?: string;
  readonly format: string;
}

/**
 * `ceasefire simulate --assumptions`: sample futures of the same timed chain
 * `odds` solves, seeded, and print where they stand at the horizon with 95%
 * intervals, and the mean days to each resolved outcome: a check of the exact
 * answer, and an answer where the chain is too big to solve.
 */
export async function simulateTimedCommand(options: TimedSimulateOptions, runs: number, seed: number, io: CliIO): Promise<number> {
  if (options.weights !== undefined) throw new ScenarioError('--weights: not with --assumptions (rates per day replace weights)');
  if (options.maxStates !== undefined) throw new ScenarioError('--max-states: not with --assumptions (the timed chain needs every state the odds depend on)');
  if (options.workers !== undefined) throw new ScenarioError('--workers: not with --assumptions (the timed chain is sampled in one thread)');
  const { start, assumptions, span, prepare } = await setUp(options, io, 'simulate');
  const prepared = prepare();
  const rates = edgeRates(prepared, assumptions);
  const sample = sampleTimed(prepared.chain, rates, span, runs, seed);
  const horizon = addDays(start.date, span - 1);
  const outcomes = prepared.chain.outcomes;
  const result = shares(outcomes, sample.counts, runs).map((share) => {
    const o = outcomes.indexOf(share.outcome);
    const resolved = prepared.chain.outcomeResolved[o] === 1;
    return { ...share, resolved, meanDays: resolved ? sample.daysSum[o]! / share.count : null };
  });
  if (options.format === 'json') {
    io.stdout.write(`${JSON.stringify({ start: { scenario: start.scenario, branch: start.branch, step: start.step, date: start.date }, runs, seed, horizon, assumptions: assumptions.file, outcomes: result }, null, 2)}\n`);
    return EXIT.ok;
  }
  const table = new Table({ head: ['Outcome', 'Futures', 'Share', '95% interval', 'Mean days'], style: { head: [], border: [], compact: true }, colAligns: ['left', 'right', 'right', 'right', 'right'] });
  for (const r of result) table.push([`${r.outcome}${r.resolved ? '' : ' *'}`, r.count.toLocaleString('en-US'), percent(r.share), `${percent(r.low)} – ${percent(r.high)}`, r.meanDays === null ? '—' : r.meanDays.toFixed(1)]);
  io.stdout.write(
    [
      `${runs.toLocaleString('en-US')} futures from ${startLabel(start)} to ${horizon}, seed ${seed}, where each stands at the horizon:`,
      assumptionsLine(assumptions),
      table.toString(),
      '* not resolved at the horizon. Mean days: from the start of the first day to the outcome, among the futures that reach it.',
      '',
    ].join('\n'),
  );
  return EXIT.ok;
}
