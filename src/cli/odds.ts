import Table from 'cli-table3';
import { defaultAssumptions, withEventRate, DEFAULT_MEAN_DAYS, type Assumptions } from '../engine/assumptions.js';
import { addDays, daysBetween, isIsoDate } from '../engine/calendar.js';
import { ScenarioError } from '../engine/errors.js';
import type { Model } from '../engine/model.js';
import { edgeRates, prepareOdds, type PreparedOdds } from '../engine/odds-chain.js';
import { reachedByDay, solveOdds, type OddsAnswer } from '../engine/odds.js';
import type { StartPoint } from '../engine/start.js';
import { readAssumptionsData } from './assumptions-file.js';
import { defaultMemoryBudget, memoryStop, percent, progressLine, reductionLine, resolveStart, startLabel, type FromOptions } from './explore.js';
import { EXIT, wholeNumberOption, type CliIO } from './io.js';
import { prepareOutput, writeOutputFile } from './output.js';

/** Options of `ceasefire odds`. */
export interface OddsOptions extends FromOptions {
  readonly assumptions?: string;
  readonly horizon?: string;
  readonly at?: string;
  readonly sweep?: string;
  readonly steps?: string;
  readonly tornado?: string;
  readonly plot?: string;
  readonly full?: boolean;
  readonly format: string;
}

/** Days followed when `--horizon` is not given: a year from the start's day. */
export const DEFAULT_HORIZON_DAYS = 365;
/** The most days `--horizon` may ask for. */
const MAX_HORIZON_DAYS = 3653;
/** Values a sweep takes by default, evenly from lo to hi. */
const DEFAULT_SWEEP_STEPS = 5;
/** The tornado varies each event's rate by these factors. */
const TORNADO_FACTORS = [0.5, 2] as const;
/** Rows of the tornado shown in a table (JSON has every one). */
const TORNADO_ROWS = 10;

const days = (d: number | null) => (d === null ? '—' : d.toFixed(1));

/** The horizon as a day count from the start's day: `--horizon` a `YYYY-MM-DD` day or a number of days. */
function horizonDays(value: string | undefined, startDate: string): number {
  if (value === undefined) return DEFAULT_HORIZON_DAYS;
  if (isIsoDate(value)) {
    const span = daysBetween(startDate, value) + 1;
    if (span < 1) throw new ScenarioError(`--horizon: ${value} is before the start's day ${startDate}`);
    if (span > MAX_HORIZON_DAYS) throw new ScenarioError(`--horizon: ${value} is more than ${MAX_HORIZON_DAYS} days after the start's day ${startDate}`);
    return span;
  }
  if (/^[0-9]+$/.test(value)) return wholeNumberOption(value, '--horizon', 1, MAX_HORIZON_DAYS);
  throw new ScenarioError(`--horizon: '${value}' is neither a YYYY-MM-DD day nor a number of days`);
}

/** The days (indexes from the start's day) `--at` names, or the defaults: 30 and 90 days on, and the horizon. */
function reportDays(value: string | undefined, startDate: string, span: number): number[] {
  if (value === undefined) return [...new Set([29, 89, span - 1].filter((d) => d < span))].sort((a, b) => a - b);
  const picked = value.split(',').map((text) => {
    const day = text.trim();
    if (!isIsoDate(day)) throw new ScenarioError(`--at: '${day}' is not a YYYY-MM-DD day`);
    const index = daysBetween(startDate, day);
    if (index < 0 || index >= span) throw new ScenarioError(`--at: ${day} is outside the days followed (${startDate} to ${addDays(startDate, span - 1)}; see --horizon)`);
    return index;
  });
  return [...new Set(picked)].sort((a, b) => a - b);
}

/** `--sweep <event>=<lo>:<hi>`: the event and the rates per day it takes. */
function sweepOption(value: string, steps: number, model: Model): { event: string; rates: number[] } {
  const match = /^([^=]+)=([^:]+):(.+)$/.exec(value);
  if (!match) throw new ScenarioError(`--sweep: expected <event>=<lo>:<hi> (rates per day), got '${value}'`);
  const [, event, loText, hiText] = match as unknown as [string, string, string, string];
  if (!model.isEventType(event)) throw new ScenarioError(`--sweep: '${event}' is not an event type of model '${model.id}' (see \`ceasefire events\`)`);
  const rate = (text: string) => {
    const r = Number(text);
    if (!/^\s*[0-9.eE+-]+\s*$/.test(text) || !Number.isFinite(r) || r < 0) throw new ScenarioError(`--sweep: '${text}' is not a rate per day (a number ≥ 0)`);
    return r;
  };
  const [lo, hi] = [rate(loText), rate(hiText)];
  if (hi < lo) throw new ScenarioError(`--sweep: the high rate ${hi} is below the low rate ${lo}`);
  const count = lo === hi ? 1 : steps;
  return { event, rates: Array.from({ length: count }, (_, i) => (count === 1 ? lo : lo + ((hi - lo) * i) / (count - 1))) };
}

/** One line on where the rates come from; a run on the defaults alone says so. */
export function assumptionsLine(assumptions: Assumptions): string {
  const days = `every event a mean delay of ${DEFAULT_MEAN_DAYS} days (rate ${(1 / DEFAULT_MEAN_DAYS).toFixed(4)} per day)`;
  if (assumptions.defaultsOnly) return `Assumptions: the built-in defaults alone: ${days}, no rules; give your own with --assumptions <file>.`;
  const set = assumptions.baseRates.filter((r) => r.from !== 'default').length;
  const rules = assumptions.ruleLines.length;
  return `Assumptions: ${assumptions.file ?? 'built-in'}: ${set} event rate${set === 1 ? '' : 's'} set, ${rules} rule${rules === 1 ? '' : 's'}; any other event a mean delay of ${DEFAULT_MEAN_DAYS} days.`;
}

/** Outcome indexes worth a row: those the chain can reach. */
function shownOutcomes(answer: OddsAnswer): number[] {
  return answer.outcomes.map((_, o) => o).filter((o) => answer.outcomes[o]!.byDay!.some((p) => p > 0) || answer.outcomes[o]!.inDay.some((p) => p > 0));
}

/** What `odds` works on: the start, the assumptions (and the file's data, to vary), the days followed, and the chain to build. */
export interface OddsSetup {
  readonly start: StartPoint & { date: string };
  readonly assumptions: Assumptions;
  readonly data: unknown;
  readonly span: number;
  /** Explore and build the timed chain: the slow part, after every option is checked. */
  prepare(): PreparedOdds;
}

/** Resolve the start and the horizon, read the assumptions: what `odds` and `simulate --assumptions` share. */
export async function setUp(options: Pick<OddsOptions, 'from' | 'branch' | 'model' | 'assumptions' | 'horizon' | 'full'>, io: CliIO, command: string): Promise<OddsSetup> {
  const start = await resolveStart(options);
  if (start.date === null) throw new ScenarioError(`${command}: the start point has no date; odds need a day to count from`);
  const date = start.date;
  const span = horizonDays(options.horizon, date);
  const { assumptions, data } = options.assumptions === undefined ? { assumptions: defaultAssumptions(start.model), data: {} } : await readAssumptionsData(start.model, options.assumptions);
  const prepare = () => {
    const began = performance.now();
    const maxBytes = defaultMemoryBudget();
    const progress = progressLine(io);
    const prepared = prepareOdds(start.model, { snapshot: start.snapshot, date, pendingTimers: start.pendingTimers }, assumptions, {
      maxBytes,
      ...(options.full ? { full: true } : {}),
      ...(progress ? { onProgress: progress } : {}),
    });
    const stop = memoryStop(command, prepared.graph, maxBytes, (performance.now() - began) / 1000);
    if (stop) throw stop;
    return prepared;
  };
  return { start: { ...start, date }, assumptions, data, span, prepare };
}

/**
 * `ceasefire odds`: the exact odds of each outcome from a start point under an
 * analyst's assumptions: the chance of being in it on given days, of reaching
 * it by the horizon, the expected days to reach it; a sweep of one rate, a
 * tornado of every rate, a plot.
 */
export async function oddsCommand(options: OddsOptions, io: CliIO): Promise<number> {
  const { start, assumptions, data, span, prepare } = await setUp(options, io, 'odds');
  const model = start.model;
  if (!['text', 'json', 'csv'].includes(options.format)) throw new ScenarioError(`--format: '${options.format}' is not one of text, json, csv`);
  const steps = options.steps === undefined ? DEFAULT_SWEEP_STEPS : wholeNumberOption(options.steps, '--steps', 2, 101);
  if (options.steps !== undefined && options.sweep === undefined) throw new ScenarioError('--steps: only with --sweep');
  const sweep = options.sweep === undefined ? null : sweepOption(options.sweep, steps, model);
  if (options.tornado !== undefined && !model.isOutcome(options.tornado)) {
    throw new ScenarioError(`--tornado: '${options.tornado}' is not an outcome of model '${model.id}' (one of ${model.outcomeNames.join(', ')})`);
  }
  const plot = options.plot === undefined ? undefined : prepareOutput(options.plot, '--plot', [options.assumptions]);
  const at = reportDays(options.at, start.date, span);
  const prepared = prepare();
  const dateOf = (d: number) => addDays(start.date, d);
  const horizon = dateOf(span - 1);

  const began = performance.now();
  const answer = solveOdds(prepared.chain, { rates: edgeRates(prepared, assumptions), days: span });
  const solveMs = performance.now() - began;
  const rows = shownOutcomes(answer);

  const sweepRows = sweep?.rates.map((rate) => {
    const varied = withEventRate(model, data, assumptions.file, sweep.event, rate);
    return { rate, answer: solveOdds(prepared.chain, { rates: edgeRates(prepared, varied), days: span }) };
  });
  const tornado = options.tornado === undefined ? null : tornadoOf(prepared, assumptions, data, options.tornado, span);

  if (plot) {
    const { oddsSvg } = await import('../engine/formats/odds-svg.js');
    const svg = oddsSvg({
      title: `Odds of each outcome from ${startLabel(start)}`,
      subtitle: assumptionsLine(assumptions),
      days: Array.from({ length: span }, (_, d) => dateOf(d)),
      lines: rows.map((o) => ({ outcome: answer.outcomes[o]!.outcome, values: Array.from(answer.outcomes[o]!.inDay) })),
    });
    writeOutputFile(plot, svg);
  }

  if (options.format === 'json') {
    io.stdout.write(`${JSON.stringify(jsonOf(start, assumptions, prepared, answer, rows, at, dateOf, sweep, sweepRows, tornado), null, 2)}\n`);
  } else if (options.format === 'csv') {
    const lines = ['date,outcome,in,reached'];
    for (let d = 0; d < span; d++) for (const o of rows) lines.push(`${dateOf(d)},${answer.outcomes[o]!.outcome},${answer.outcomes[o]!.inDay[d]!.toPrecision(6)},${answer.outcomes[o]!.byDay![d]!.toPrecision(6)}`);
    io.stdout.write(`${lines.join('\n')}\n`);
  } else {
    const table = new Table({
      head: ['Outcome', ...at.map((d) => `In it on\n${dateOf(d)}`), `Reached by\n${horizon}`, 'Mean days\nto reach'],
      style: { head: [], border: [], compact: true },
      colAligns: ['left', ...at.map(() => 'right' as const), 'right', 'right'],
    });
    for (const o of rows) {
      const odds = answer.outcomes[o]!;
      table.push([`${odds.outcome}${odds.resolved ? '' : ' *'}`, ...at.map((d) => percent(odds.inDay[d]!)), percent(odds.byDay![span - 1]!), days(odds.meanDays)]);
    }
    table.push(['still open', ...at.map((d) => percent(answer.open[d]!)), '', '']);
    const chain = prepared.chain;
    const out = [
      `Odds from ${startLabel(start)} to ${horizon} (${span} days).`,
      assumptionsLine(assumptions),
      ...assumptions.ruleLines.map((line) => `  rule: ${line}`),
      table.toString(),
      `* not resolved: the process can move on from it. "Mean days to reach" counts from the start of ${start.date}, among the futures that reach it by ${horizon}.`,
      `Exact on a chain of ${chain.size.toLocaleString('en-US')} nodes and ${chain.edges.length.toLocaleString('en-US')} transitions (${prepared.graph.size.toLocaleString('en-US')} states; timers fire on their day, as the calendar does); every probability within ${answer.error.toExponential(0)}.`,
      reductionLine(prepared.reduction),
    ];
    if (sweep && sweepRows) out.push('', sweepTable(sweep.event, sweepRows, horizon, assumptions.baseRates.find((r) => r.event === sweep.event)!.rate));
    if (tornado) out.push('', tornadoTable(tornado, options.tornado!, horizon));
    if (plot) out.push('', `Wrote the plot to ${plot.shown}.`);
    io.stdout.write(`${out.join('\n')}\n`);
  }
  if (io.stderr.isTTY) io.stderr.write(`solved in ${Math.round(solveMs)} ms\n`);
  return EXIT.ok;
}

/** One row of the tornado: an event, its base rate, the outcome's odds at each factor, and the swing. */
interface TornadoRow {
  readonly event: string;
  readonly rate: number;
  readonly low: number;
  readonly high: number;
  readonly swing: number;
}

/** For every event the chain rates, the odds of reaching `outcome` by the horizon with its rate halved and doubled, largest swing first. */
function tornadoOf(prepared: PreparedOdds, assumptions: Assumptions, data: unknown, outcome: string, span: number): { base: number; rows: TornadoRow[] } {
  const model = prepared.model;
  const o = model.outcomeNames.indexOf(outcome);
  const reached = (a: Assumptions) => reachedByDay(prepared.chain, edgeRates(prepared, a), span, o).byDay[span - 1]!;
  const base = reached(assumptions);
  const rows = prepared.chain.eventTypes.map((event): TornadoRow => {
    const rate = assumptions.baseRates.find((r) => r.event === event)!.rate;
    const [low, high] = TORNADO_FACTORS.map((f) => reached(withEventRate(model, data, assumptions.file, event, rate * f))) as [number, number];
    return { event, rate, low, high, swing: Math.abs(high - low) };
  });
  rows.sort((a, b) => b.swing - a.swing || a.event.localeCompare(b.event));
  return { base, rows };
}

function sweepTable(event: string, rows: ReadonlyArray<{ rate: number; answer: OddsAnswer }>, horizon: string, base: number): string {
  const shown = [...new Set(rows.flatMap((r) => shownOutcomes(r.answer)))].sort((a, b) => a - b);
  const table = new Table({ head: ['Outcome', ...rows.map((r) => `${r.rate.toPrecision(3)}/day`)], style: { head: [], border: [], compact: true }, colAligns: ['left', ...rows.map(() => 'right' as const)] });
  for (const o of shown) table.push([rows[0]!.answer.outcomes[o]!.outcome, ...rows.map((r) => percent(r.answer.outcomes[o]!.byDay![r.answer.days - 1]!))]);
  return `Sweep of ${event} (assumed ${base.toPrecision(3)} per day): the chance of reaching each outcome by ${horizon}\n${table.toString()}`;
}

function tornadoTable(tornado: { base: number; rows: readonly TornadoRow[] }, outcome: string, horizon: string): string {
  const table = new Table({ head: ['Event', 'Rate/day', `×${TORNADO_FACTORS[0]}`, `×${TORNADO_FACTORS[1]}`, 'Swing'], style: { head: [], border: [], compact: true }, colAligns: ['left', 'right', 'right', 'right', 'right'] });
  for (const r of tornado.rows.slice(0, TORNADO_ROWS)) table.push([r.event, r.rate.toPrecision(3), percent(r.low), percent(r.high), percent(r.swing)]);
  const more = tornado.rows.length > TORNADO_ROWS ? `\n${tornado.rows.length - TORNADO_ROWS} more events swing it less (--format json lists them).` : '';
  return `Tornado: the chance of reaching ${outcome} by ${horizon} is ${percent(tornado.base)}; with each event's rate halved and doubled:\n${table.toString()}${more}`;
}

function jsonOf(
  start: StartPoint,
  assumptions: Assumptions,
  prepared: PreparedOdds,
  answer: OddsAnswer,
  rows: readonly number[],
  at: readonly number[],
  dateOf: (d: number) => string,
  sweep: { event: string; rates: number[] } | null,
  sweepRows: ReadonlyArray<{ rate: number; answer: OddsAnswer }> | undefined,
  tornado: { base: number; rows: readonly TornadoRow[] } | null,
): unknown {
  const horizonDay = answer.days - 1;
  const used = new Set(prepared.chain.eventTypes);
  return {
    start: { scenario: start.scenario, branch: start.branch, step: start.step, date: start.date },
    horizon: dateOf(horizonDay),
    days: answer.days,
    assumptions: {
      file: assumptions.file,
      defaultsOnly: assumptions.defaultsOnly,
      rates: assumptions.baseRates.filter((r) => used.has(r.event)),
      rules: assumptions.ruleLines,
    },
    chain: { nodes: prepared.chain.size, transitions: prepared.chain.edges.length, states: prepared.graph.size, tracks: prepared.reduction.kept },
    error: answer.error,
    outcomes: rows.map((o) => {
      const odds = answer.outcomes[o]!;
      return {
        outcome: odds.outcome,
        resolved: odds.resolved,
        in: Object.fromEntries(at.map((d) => [dateOf(d), odds.inDay[d]!])),
        reached: odds.byDay![horizonDay]!,
        meanDays: odds.meanDays,
      };
    }),
    open: Object.fromEntries(at.map((d) => [dateOf(d), answer.open[d]!])),
    ...(sweep && sweepRows
      ? { sweep: { event: sweep.event, values: sweepRows.map((r) => ({ rate: r.rate, reached: Object.fromEntries(shownOutcomes(r.answer).map((o) => [r.answer.outcomes[o]!.outcome, r.answer.outcomes[o]!.byDay![horizonDay]!])) })) } }
      : {}),
    ...(tornado ? { tornado } : {}),
  };
}
