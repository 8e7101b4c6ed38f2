import { describe, expect, it } from 'vitest';
import { assign } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { ceasefireMachine, replay, type CeasefireEvent } from '../../src/index.js';
import { eventsToTry, explore, stateKey } from '../../src/engine/explore.js';
import type { Invariant } from '../../src/engine/model.js';
import { INVARIANTS } from '../../src/models/ceasefire-2025/invariants.js';
import { addDays } from '../../src/engine/calendar.js';
import record from '../../scenarios/march-2025.js';

const end = replay(record).snapshot;
// A truce in force with its term, extension and violations: small enough for xstate/graph's own search.
const truce = replay(record, { branch: 'encircled-troops-spared' }).snapshot;
const invariant = (name: string): Invariant => INVARIANTS.find((i) => i.name === name)!;

describe('the explorer', () => {
  it('finds exactly the reachable states xstate/graph finds on the shipped model', () => {
    const ours = explore(ceasefireMachine, truce);
    const theirs = getShortestPaths(ceasefireMachine, { fromState: truce, events: ((snapshot: never) => eventsToTry(ceasefireMachine, snapshot)) as never, serializeState: (s) => stateKey(s as never) });
    const reference = new Set(theirs.map((p) => stateKey(p.state as never)));
    const found = new Set(Array.from({ length: ours.size }, (_, i) => ours.keyOf(i)));
    expect(found.size).toBe(reference.size);
    expect([...found].filter((k) => !reference.has(k))).toEqual([]);
    expect(ours.size).toBeGreaterThan(1000);
  });

  it('finds the same graph whether or not it reuses effects across states', () => {
    const fast = explore(ceasefireMachine, truce);
    const plain = explore(ceasefireMachine, truce, { reuse: false });
    expect(fast.size).toBe(plain.size);
    expect(fast.transitions).toBe(plain.transitions);
    expect(Array.from({ length: fast.size }, (_, i) => fast.keyOf(i))).toEqual(Array.from({ length: plain.size }, (_, i) => plain.keyOf(i)));
    expect(fast.xstateCalls).toBeLessThan(plain.xstateCalls / 20);
  });

  it('holds every invariant on the shipped model', () => {
    expect(explore(ceasefireMachine, end, { invariants: INVARIANTS }).violations).toEqual([]);
  });

  it('stops at the depth limit and counts the states left unexpanded', () => {
    const graph = explore(ceasefireMachine, end, { maxDepth: 1 });
    expect(Math.max(...Array.from({ length: graph.size }, (_, s) => graph.depth(s)))).toBe(1);
    expect(graph.frontier).toBe(graph.size - 1);
  });

  it('stops expanding at the state limit: the states still queued keep empty rows and count as unexpanded', () => {
    const whole = explore(ceasefireMachine, end);
    const graph = explore(ceasefireMachine, end, { maxStates: 500 });
    expect(graph.stopped).toBe('states');
    expect(graph.size).toBe(500);
    expect(graph.expanded).toBeLessThan(500);
    expect(graph.frontier).toBe(500 - graph.expanded);
    for (let s = graph.expanded; s < graph.size; s++) expect(graph.edgeStart(s + 1)).toBe(graph.edgeStart(s));
    // The states it kept are the first 500 the whole exploration finds, in the same order.
    expect(Array.from({ length: 500 }, (_, s) => graph.keyOf(s))).toEqual(Array.from({ length: 500 }, (_, s) => whole.keyOf(s)));
  });
});

describe('the invariant checker on deliberately broken copies of the model', () => {
  it('catches a ceasefire in force without both parties, with the shortest trace', () => {
    const broken = ceasefireMachine.provide({ guards: { bothPartiesAccepted: () => true } });
    const graph = explore(broken, end, { invariants: [invariant('ceasefireNeedsBothParties')] });
    expect(graph.violations).toEqual([
      expect.objectContaining({ invariant: 'ceasefireNeedsBothParties', trace: [{ type: 'ceasefire.start', date: '2025-03-14' }] }),
    ]);
  });

  it('catches sanctions imposed without a threat or failed talks', () => {
    // From before the threat (after the U.S. first pressed Russia), with the guard removed.
    const start = replay(record, { stopAfter: 'us-presses-russia' }).snapshot;
    const broken = ceasefireMachine.provide({ guards: { talksFailed: () => true } });
    const graph = explore(broken, start, { invariants: [invariant('sanctionsFollowThreatOrFailure')], maxDepth: 2 });
    expect(graph.violations).toEqual([
      expect.objectContaining({ invariant: 'sanctionsFollowThreatOrFailure', trace: [{ type: 'us.imposeSanctions', date: '2025-03-12' }] }),
    ]);
  });

  it('catches a truce that outlives its end date', () => {
    const broken = ceasefireMachine.provide({ actions: { startTruce: assign({ truceEndsOn: ({ event }) => addDays((event as CeasefireEvent).date, -1) }) } });
    const graph = explore(broken, end, { invariants: [invariant('truceEndsOnTime')] });
    expect(graph.violations).toEqual([
      expect.objectContaining({
        invariant: 'truceEndsOnTime',
        trace: [
          { type: 'russia.accept', date: '2025-03-14' },
          { type: 'ceasefire.start', date: '2025-03-14' },
        ],
      }),
    ]);
  });

  it('catches a calendar that moves backwards', () => {
    const broken = ceasefireMachine.provide({ actions: { advanceCalendar: assign({ date: () => '2025-01-01' }) } });
    const graph = explore(broken, end, { invariants: [invariant('calendarNeverGoesBack')], maxDepth: 2 });
    expect(graph.violations).toHaveLength(1);
    expect(graph.violations[0]!.trace).toHaveLength(1);
    expect(graph.violations[0]!.trace[0]!.date).toBe('2025-01-01');
  });
});
