import { assign, setup } from 'xstate';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../src/engine/calendar.js';
import { assumptionsFrom, defaultAssumptions } from '../../src/engine/assumptions.js';
import { defineModel } from '../../src/engine/model.js';
import { edgeRates, prepareOdds } from '../../src/engine/odds-chain.js';
import { solveOdds } from '../../src/engine/odds.js';
import { shares } from '../../src/engine/simulate.js';
import { startPoint } from '../../src/engine/start.js';
import type { TimedChain } from '../../src/engine/timed-chain.js';
import { sampleTimed } from '../../src/engine/timed-sample.js';
import { ceasefire2025 } from '../../src/index.js';
import record from '../../scenarios/march-2025.js';

/** A hand-built chain: `edges` as [from, to], outcomes by node, `midnight` by node. */
function handChain(outcomes: string[], resolved: string[], nodeOutcome: string[], midnight: number[], edges: Array<[number, number]>): TimedChain {
  return {
    size: nodeOutcome.length,
    state: Int32Array.from(nodeOutcome, (_, i) => i),
    midnight: Int32Array.from(midnight),
    resolved: Uint8Array.from(nodeOutcome, (o) => (resolved.includes(o) ? 1 : 0)),
    outcome: Int32Array.from(nodeOutcome, (o) => outcomes.indexOf(o)),
    outcomes,
    outcomeResolved: Uint8Array.from(outcomes, (o) => (resolved.includes(o) ? 1 : 0)),
    edges: edges.map(([from, to]) => ({ from, to, event: 0 })),
    eventTypes: ['e'],
    maxTimers: 0,
  };
}

describe('odds on chains computed by hand', () => {
  it('one exponential event: P(done by the end of day d) = 1 − e^(−λ(d+1)), and the mean days among those done', () => {
    const chain = handChain(['open', 'done'], ['done'], ['open', 'done'], [0, 1], [[0, 1]]);
    const lambda = 0.1;
    const answer = solveOdds(chain, { rates: Float64Array.of(lambda), days: 30 });
    const done = answer.outcomes[1]!;
    for (const d of [0, 6, 29]) expect(done.byDay![d]).toBeCloseTo(1 - Math.exp(-lambda * (d + 1)), 10);
    const H = 30;
    const F = 1 - Math.exp(-lambda * H);
    // E[T | T ≤ H] for an exponential time.
    expect(done.meanDays).toBeCloseTo((1 / lambda - (H * Math.exp(-lambda * H)) / F), 8);
    expect(answer.open[29]).toBeCloseTo(Math.exp(-lambda * H), 10);
    expect(answer.error).toBeLessThan(1e-9);
  });

  it('a three-day timer racing an event: expiry with e^(−3μ), exactly on day 3', () => {
    // Nodes 0..2: the timer has 3, 2, 1 days left; midnight moves it on; node 3 expired, node 4 collapsed.
    const chain = handChain(['truce', 'expired', 'collapsed'], ['expired', 'collapsed'], ['truce', 'truce', 'truce', 'expired', 'collapsed'], [1, 2, 3, 3, 4], [[0, 4], [1, 4], [2, 4]]);
    const mu = 0.2;
    const answer = solveOdds(chain, { rates: Float64Array.of(mu, mu, mu), days: 10 });
    const [, expired, collapsed] = answer.outcomes;
    expect(expired!.byDay![2]).toBe(0);
    expect(expired!.byDay![3]).toBeCloseTo(Math.exp(-3 * mu), 10);
    expect(expired!.meanDays).toBeCloseTo(3, 10);
    expect(collapsed!.byDay![9]).toBeCloseTo(1 - Math.exp(-3 * mu), 10);
    expect(expired!.byDay![9]! + collapsed!.byDay![9]!).toBeCloseTo(1, 10);
  });

  it('first passage to an outcome the process leaves again: reached counts it, being in it does not', () => {
    // open → passing (rate 1) → done (rate 1): P(passing reached by t) = 1 − e^(−t).
    const chain = handChain(['open', 'passing', 'done'], ['done'], ['open', 'passing', 'done'], [0, 1, 2], [[0, 1], [1, 2]]);
    const answer = solveOdds(chain, { rates: Float64Array.of(1, 1), days: 5 });
    const passing = answer.outcomes[1]!;
    expect(passing.byDay![4]).toBeCloseTo(1 - Math.exp(-5), 10);
    // In it at t: t·e^(−t) for two unit-rate stages.
    expect(passing.inDay[4]).toBeCloseTo(5 * Math.exp(-5), 10);
  });

  it('refuses rates that do not fit the chain', () => {
    const chain = handChain(['open', 'done'], ['done'], ['open', 'done'], [0, 1], [[0, 1]]);
    expect(() => solveOdds(chain, { rates: Float64Array.of(1, 2), days: 3 })).toThrow(/rates has 2 entries/);
    expect(() => solveOdds(chain, { rates: Float64Array.of(-1), days: 3 })).toThrow(/rates\[0\]/);
    expect(() => solveOdds(chain, { rates: Float64Array.of(1), days: 0 })).toThrow(/days/);
  });
});

// A truce of 30 days from the day it starts, extended once by 30 days from its current end, as the ceasefire's is.
const DAY = 86_400_000;
type TruceContext = { date: string; endsOn: string | null };
type TruceEvent = { type: 'start' | 'extend' | 'collapse'; date: string };
const truceMachine = setup({
  types: { context: {} as TruceContext, events: {} as TruceEvent },
  delays: { untilEnd: ({ context }) => (context.endsOn === null ? 0 : Math.max(0, daysBetween(context.date, context.endsOn) * DAY)) },
}).createMachine({
  id: 'mini',
  context: { date: '2025-03-01', endsOn: null },
  initial: 'proposed',
  states: {
    proposed: { on: { start: { target: 'running', actions: assign({ endsOn: ({ event }) => addDays(event.date, 30) }) } } },
    running: {
      after: { untilEnd: { target: 'expired', actions: assign({ date: ({ context }) => context.endsOn!, endsOn: null }) } },
      on: { extend: { target: 'extended', actions: assign({ endsOn: ({ context }) => addDays(context.endsOn!, 30) }) }, collapse: 'collapsed' },
    },
    extended: {
      after: { untilEnd: { target: 'expired', actions: assign({ date: ({ context }) => context.endsOn!, endsOn: null }) } },
      on: { collapse: 'collapsed' },
    },
    expired: { type: 'final' },
    collapsed: { type: 'final' },
  },
});
const mini = defineModel({
  id: 'mini-truce',
  title: 'A truce',
  machine: truceMachine,
  events: {
    start: { description: 'The truce starts.', plover: null, context: 'military', cameo: '0871', recipient: null },
    extend: { description: 'The truce is extended.', plover: null, context: 'military', cameo: '0871', recipient: null },
    collapse: { description: 'The truce collapses.', plover: null, context: 'military', cameo: '196', recipient: null },
  },
  actors: {},
  outcomes: { proposed: 'Proposed.', running: 'Running.', extended: 'Extended.', expired: 'Expired.', collapsed: 'Collapsed.' },
  outcomeOf: (s) => (['running', 'extended', 'expired', 'collapsed'] as const).find((v) => (s.matches as (v: string) => boolean)(v)) ?? 'proposed',
  resolvedOutcomes: ['expired', 'collapsed'],
});
const miniStart = truceMachine.getInitialSnapshot(undefined as never);
const miniOdds = (data: unknown, days: number) => {
  const assumptions = assumptionsFrom(mini, data, 'mini.yaml');
  const prepared = prepareOdds(mini, { snapshot: miniStart, date: '2025-03-01', pendingTimers: [] }, assumptions);
  return { prepared, answer: solveOdds(prepared.chain, { rates: edgeRates(prepared, assumptions), days }) };
};
const odds = (answer: ReturnType<typeof solveOdds>, outcome: string) => answer.outcomes.find((o) => o.outcome === outcome)!;

describe('timers on the calendar, through the engine', () => {
  it('a 30-day truce racing a collapse at rate μ expires with e^(−30μ), in exactly 30 days', () => {
    // Started at once (rate 1000/day), never extended.
    const mu = 0.02;
    const { answer } = miniOdds({ events: { start: 1000, extend: 0, collapse: mu } }, 120);
    const expired = odds(answer, 'expired');
    expect(expired.byDay![119]).toBeCloseTo(Math.exp(-30 * mu), 4);
    // The truce starts within minutes of day 0 and runs 30 days: the timer fires as day 30 begins.
    expect(expired.byDay![29]).toBe(0);
    expect(expired.meanDays).toBeCloseTo(30, 6);
  });

  it('an extension runs 30 days from the current end, not from the day it is agreed', () => {
    // P(expired) = e^(−30(μ+ν)) + e^(−60μ)(1 − e^(−30ν)): an extension at any time before day 30 ends the truce on day 60.
    const [mu, nu] = [0.01, 0.05];
    const { answer } = miniOdds({ events: { start: 1000, extend: nu, collapse: mu } }, 120);
    const expected = Math.exp(-30 * (mu + nu)) + Math.exp(-60 * mu) * (1 - Math.exp(-30 * nu));
    expect(odds(answer, 'expired').byDay![119]).toBeCloseTo(expected, 4);
    // Nothing expires between day 31 and day 59: each truce ends on day 30 or day 60.
    const byDay = odds(answer, 'expired').byDay!;
    expect(byDay[58]! - byDay[30]!).toBeCloseTo(0, 12);
    expect(byDay[60]! - byDay[58]!).toBeGreaterThan(0.1);
  });

  it('keeps the calendar relative: the chain stays small however far the horizon', () => {
    const { prepared } = miniOdds({ events: { start: 1, extend: 0.1, collapse: 0.1 } }, 10);
    // A running truce has up to 30 days to count down, an extended one up to 60; whatever the horizon.
    expect(prepared.chain.size).toBeLessThan(200);
    expect(miniOdds({ events: { start: 1, extend: 0.1, collapse: 0.1 } }, 2000).prepared.chain.size).toBe(prepared.chain.size);
  });
});

describe('odds on the shipped model', () => {
  const start = startPoint(record, { step: 'plea-to-spare' });
  const at = { snapshot: start.snapshot, date: start.date!, pendingTimers: start.pendingTimers };
  const assumptions = defaultAssumptions(ceasefire2025);
  const prepared = prepareOdds(ceasefire2025, at, assumptions);
  const rates = edgeRates(prepared, assumptions);
  const days = 365;
  const answer = solveOdds(prepared.chain, { rates, days });

  it('sums to 1 over the outcomes, counting those still open at the horizon', () => {
    const resolved = answer.outcomes.filter((o) => o.resolved).reduce((sum, o) => sum + o.byDay![days - 1]!, 0);
    expect(resolved + answer.open[days - 1]!).toBeCloseTo(1, 9);
    for (let d = 0; d < days; d += 30) expect(answer.outcomes.reduce((sum, o) => sum + o.inDay[d]!, 0)).toBeCloseTo(1, 9);
    // Reaching an outcome by a day is never less likely than being in it then.
    for (const o of answer.outcomes) for (let d = 0; d < days; d += 30) expect(o.byDay![d]! + 1e-12).toBeGreaterThanOrEqual(o.inDay[d]!);
  });

  it('agrees with simulate sampling the same chain, within its 95% interval', () => {
    const runs = 20_000;
    const sample = sampleTimed(prepared.chain, rates, days, runs, 7);
    const sampled = shares(prepared.chain.outcomes, sample.counts, runs);
    expect(sampled.length).toBeGreaterThan(4);
    for (const share of sampled) {
      const exact = answer.outcomes.find((o) => o.outcome === share.outcome)!.inDay[days - 1]!;
      expect(exact, share.outcome).toBeGreaterThanOrEqual(share.low);
      expect(exact, share.outcome).toBeLessThanOrEqual(share.high);
    }
  });

  it('moves the odds as a state-dependent rate says: Russia rejects more once the leaders have spoken', () => {
    const rule = assumptionsFrom(ceasefire2025, { rules: [{ when: 'channel.leaders.callHeld', events: 'russia.reject', times: 10 }] }, 'rule.yaml');
    const ruled = prepareOdds(ceasefire2025, at, rule);
    const withRule = solveOdds(ruled.chain, { rates: edgeRates(ruled, rule), days });
    const p = (a: typeof answer, outcome: string) => a.outcomes.find((o) => o.outcome === outcome)!.byDay![days - 1]!;
    expect(p(withRule, 'rejected')).toBeGreaterThan(p(answer, 'rejected') + 0.05);
    expect(p(withRule, 'narrower-deal')).toBeLessThan(p(answer, 'narrower-deal'));
    // A rule whose condition never holds here changes nothing.
    const never = assumptionsFrom(ceasefire2025, { rules: [{ when: 'rejected', events: 'russia.reject', times: 10 }] }, 'never.yaml');
    const unchanged = prepareOdds(ceasefire2025, at, never);
    expect(p(solveOdds(unchanged.chain, { rates: edgeRates(unchanged, never), days }), 'rejected')).toBeCloseTo(p(answer, 'rejected'), 12);
  });
});
