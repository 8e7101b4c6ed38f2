import { describe, expect, it } from 'vitest';
import { assign, createMachine, initialTransition, setup, stateIn, transition, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import { ceasefireMachine, replay } from '../../src/index.js';
import { eventFor, explore, type ExploredGraph, type StateView } from '../../src/engine/explore.js';
import { exploreQuestion } from '../../src/engine/question.js';
import type { Invariant } from '../../src/engine/model.js';
import { INVARIANTS } from '../../src/models/ceasefire-2025/invariants.js';
import { outcomeOf } from '../../src/models/ceasefire-2025/outcome.js';
import { truceMachine } from '../../src/models/two-party-truce/truce.machine.js';
import { INVARIANTS as TRUCE_INVARIANTS } from '../../src/models/two-party-truce/invariants.js';
import { twoPartyTruce } from '../../src/models/two-party-truce/index.js';
import record from '../../scenarios/march-2025.js';

/** What a question's answers are: each label reached and its nearest depth, each invariant's verdict and shortest trace length. */
function answers(graph: ExploredGraph, invariants: readonly Invariant[]) {
  const nearest = new Map<string, number>();
  for (let s = 0; s < graph.size; s++) {
    const label = graph.labels[graph.labelOf(s)]!;
    if (!nearest.has(label)) nearest.set(label, graph.depth(s));
  }
  return {
    labels: [...nearest].sort(([a], [b]) => a.localeCompare(b)),
    invariants: invariants.map((i) => {
      const v = graph.violations.find((x) => x.invariant === i.name);
      return [i.name, v ? v.trace.length : 'holds'];
    }),
  };
}

/** Replay a trace with the explorer's events from `start`; the snapshots along the way. */
function replayTrace(machine: AnyStateMachine, start: AnyMachineSnapshot, trace: ReadonlyArray<{ type: string }>): AnyMachineSnapshot[] {
  // A snapshot judges guards with the machine that made it: re-resolve the start with this one.
  const states = [machine.resolveState({ value: start.value, context: start.context }) as AnyMachineSnapshot];
  for (const step of trace) {
    const before = states.at(-1)!;
    states.push(transition(machine, before, eventFor(step.type, before.context))[0] as AnyMachineSnapshot);
  }
  return states;
}

const view = (s: AnyMachineSnapshot): StateView => ({ value: s.value, context: s.context, matches: (v) => s.matches(v as never) });

/** The answers reduced and full, compared; the reduced exploration must leave something out. */
function agree(machine: AnyStateMachine, start: AnyMachineSnapshot, invariants: readonly Invariant[], label: (s: StateView) => string, maxDepth?: number) {
  const { graph, reduction } = exploreQuestion(machine, start, { invariants, label, maxDepth });
  const full = explore(machine, start, { invariants, label, maxDepth });
  expect(answers(graph, invariants)).toEqual(answers(full, invariants));
  return { graph, full, reduction };
}

describe('answers on the cone of influence', () => {
  const starts = ['plea-to-spare', 'trump-hails-talks', 'zelenskyy-warns-of-stalling'];
  for (const step of starts) {
    it(`equal the full exploration's from '${step}': outcomes, nearest roads, invariant verdicts`, () => {
      const start = replay(record, { stopAfter: step }).snapshot;
      const { graph, full, reduction } = agree(ceasefireMachine, start, INVARIANTS, (s) => outcomeOf(s as never));
      expect(reduction.leftOut.length).toBeGreaterThan(0);
      expect(graph.size).toBeLessThan(full.size / 100);
      expect(reduction.fullProduct).toBeGreaterThan(full.size);
    }, 300_000);
  }

  it('equal the full exploration on a branch in a truce, and on the two-party template', () => {
    agree(ceasefireMachine, replay(record, { branch: 'encircled-troops-spared' }).snapshot, INVARIANTS, (s) => outcomeOf(s as never));
    const proposed = transition(truceMachine, initialTransition(truceMachine)[0], { type: 'mediator.propose', date: '2026-01-05' })[0];
    agree(truceMachine, proposed as AnyMachineSnapshot, TRUCE_INVARIANTS, (s) => twoPartyTruce.outcomeOf(s));
  }, 120_000);

  it('answers from the first step of the record in seconds, where the full space has tens of millions of states', () => {
    const start = replay(record, { stopAfter: record.steps[0]!.id }).snapshot;
    const began = performance.now();
    const { graph, reduction } = exploreQuestion(ceasefireMachine, start, { invariants: INVARIANTS, label: (s) => outcomeOf(s as never) });
    expect(performance.now() - began).toBeLessThan(60_000);
    expect(graph.labels).toEqual(expect.arrayContaining(['no-proposal', 'ceasefire-in-force', 'truce-expired', 'narrower-deal']));
    expect(graph.violations).toEqual([]);
    expect(reduction.kept).toEqual(['proposal', 'positions.ukraine', 'positions.russia', 'channel.leaders', 'leverage']);
  }, 120_000);
});

describe('broken copies of the shipped model', () => {
  const end = replay(record).snapshot;
  const only = (name: string) => INVARIANTS.filter((i) => i.name === name);
  const cases: Array<[string, AnyStateMachine, AnyMachineSnapshot, readonly Invariant[], number?]> = [
    ['a ceasefire without both parties', ceasefireMachine.provide({ guards: { bothPartiesAccepted: () => true } }), end, only('ceasefireNeedsBothParties')],
    ['sanctions without a threat', ceasefireMachine.provide({ guards: { talksFailed: () => true } }), replay(record, { stopAfter: 'us-presses-russia' }).snapshot, only('sanctionsFollowThreatOrFailure'), 3],
    ['a calendar that moves backwards', ceasefireMachine.provide({ actions: { advanceCalendar: assign({ date: () => '2025-01-01' }) } }), end, only('calendarNeverGoesBack')],
  ];
  for (const [what, machine, start, invariants, maxDepth] of cases) {
    it(`give the full exploration's verdict on ${what}, with a trace that replays`, () => {
      const { graph } = agree(machine, start, invariants, (s) => outcomeOf(s as never), maxDepth);
      const [violation] = graph.violations;
      const [rule] = invariants;
      const states = replayTrace(machine, start, violation!.trace);
      if (rule!.holdsIn) expect(rule!.holdsIn(view(states.at(-1)!))).toBe(false);
      else expect(rule!.holdsAcross!(view(states.at(-2)!), view(states.at(-1)!))).toBe(false);
    }, 300_000);
  }
});

describe('a model built to have dependent tracks', () => {
  // `talks` moves only when `pressure` is high (a guard reads it); `pressure` rises only once `ledger`
  // has written `committed` into the context; `noise` and `weather` move on their own and read nothing.
  const dependent = setup({
    types: { context: {} as { date: string | null; committed: boolean }, events: {} as { type: string; date?: string | null } },
    guards: { pressureHigh: stateIn('#deps.pressure.high'), committed: ({ context }) => context.committed },
  }).createMachine({
    id: 'deps',
    type: 'parallel',
    context: { date: '2025-03-11', committed: false },
    states: {
      talks: { initial: 'open', states: { open: { on: { 'talks.close': { target: 'closed', guard: 'pressureHigh' } } }, closed: { on: { 'talks.reopen': 'open' } } } },
      pressure: { initial: 'low', states: { low: { on: { 'pressure.rise': { target: 'high', guard: 'committed' } } }, high: {} } },
      ledger: { initial: 'empty', states: { empty: { on: { 'ledger.commit': { target: 'written', actions: assign({ committed: true }) } } }, written: {} } },
      noise: { initial: 'n0', states: { n0: { on: { tick: 'n1' } }, n1: { on: { tick: 'n2' } }, n2: { on: { tick: 'n3' } }, n3: { on: { tick: 'n0' } } } },
      weather: { initial: 'dry', states: { dry: { on: { rain: 'wet' } }, wet: { on: { sun: 'dry' } } } },
    },
  });
  const start = dependent.resolveState({ value: dependent.getInitialSnapshot(undefined as never).value, context: { date: '2025-03-11', committed: false } }) as AnyMachineSnapshot;
  const talksLabel = (s: StateView) => (s.matches({ talks: 'closed' }) ? 'closed' : 'open');
  // Broken on purpose: talks close, which needs the ledger and the pressure first.
  const neverClosed: Invariant = { name: 'neverClosed', description: 'The talks never close.', holdsIn: (s) => !s.matches({ talks: 'closed' }) };
  const closesQuietly: Invariant = { name: 'closesQuietly', description: 'Talks close only in dry weather.', holdsAcross: (a, b) => !(b.matches({ talks: 'closed' }) && !a.matches({ talks: 'closed' })) || b.matches({ weather: 'dry' }) };

  it('keeps the tracks a guard reads and the track that writes the context, and leaves out the independent ones', () => {
    const { graph, full, reduction } = agree(dependent, start, [neverClosed], talksLabel);
    expect(reduction.kept).toEqual(['talks', 'pressure', 'ledger']);
    expect(reduction.leftOut).toEqual(['noise', 'weather']);
    expect(reduction.fullProduct).toBe(2 * 2 * 2 * 4 * 2);
    expect(graph.size).toBe(full.size / 8);
    // The counterexample needs the whole chain, and replays on the machine to a state where the rule breaks.
    const [violation] = graph.violations;
    expect(violation!.trace.map((s) => s.type)).toEqual(['ledger.commit', 'pressure.rise', 'talks.close']);
    const states = replayTrace(dependent, start, violation!.trace);
    expect(neverClosed.holdsIn!(view(states.at(-1)!))).toBe(false);
  });

  it('widens the cone when the question turns out to read another track, and still agrees', () => {
    const { reduction, graph } = agree(dependent, start, [closesQuietly, neverClosed], talksLabel);
    expect(reduction.kept).toContain('weather');
    expect(reduction.leftOut).toEqual(['noise']);
    const violation = graph.violations.find((v) => v.invariant === 'closesQuietly')!;
    const states = replayTrace(dependent, start, violation.trace);
    expect(closesQuietly.holdsAcross!(view(states.at(-2)!), view(states.at(-1)!))).toBe(false);
  });

  it('explores every track when a guard reads the state in a way the analysis cannot follow', () => {
    const opaque = createMachine({
      type: 'parallel',
      states: {
        a: { initial: 'x', states: { x: { on: { go: { target: 'y', guard: stateIn('y') as never } } }, y: {} } },
        b: { initial: 'p', states: { p: { on: { flip: 'q' } }, q: {} } },
      },
    });
    const { reduction } = exploreQuestion(opaque, opaque.getInitialSnapshot(undefined as never) as AnyMachineSnapshot, { label: (s) => (s.matches({ a: 'y' }) ? 'y' : 'x') });
    expect(reduction.leftOut).toEqual([]);
    expect(reduction.why).toMatch(/guard/);
  });
});
