import { describe, expect, it } from 'vitest';
import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import { truceMachine } from '../../../src/models/two-party-truce/truce.machine.js';
import type { TruceEventType } from '../../../src/models/two-party-truce/events.js';
import { outcomeOf, OUTCOMES } from '../../../src/models/two-party-truce/outcomes.js';
import { INVARIANTS } from '../../../src/models/two-party-truce/invariants.js';
import { explore } from '../../../src/engine/explore.js';

type Snapshot = SnapshotFrom<typeof truceMachine>;

/** Send dated events one by one, each of which the machine must accept. */
function apply(events: Array<[TruceEventType, string]>, from?: Snapshot): Snapshot {
  let snapshot = from ?? initialTransition(truceMachine)[0];
  for (const [type, date] of events) {
    expect(snapshot.can({ type, date }), `${type} on ${date}`).toBe(true);
    snapshot = transition(truceMachine, snapshot, { type, date })[0];
  }
  return snapshot;
}

const agreed = () => apply([['mediator.propose', '2026-01-05'], ['partyA.accept', '2026-01-06'], ['partyB.accept', '2026-01-08']]);

describe('the two-party truce template', () => {
  it('agrees once both parties accept the same terms, and starts a 30-day truce', () => {
    expect(outcomeOf(agreed())).toBe('agreed');
    const started = apply([['truce.start', '2026-01-10']], agreed());
    expect(outcomeOf(started)).toBe('truce-in-force');
    expect(started.context).toMatchObject({ truceEndsOn: '2026-02-09', partyA: 'accepted', partyB: 'accepted' });
  });

  it('waits for the other party after one acceptance, and keeps each answer standing', () => {
    const one = apply([['mediator.propose', '2026-01-05'], ['partyA.accept', '2026-01-06']]);
    expect(outcomeOf(one)).toBe('awaiting-answers');
    expect(one.matches({ answers: { partyA: 'accepted', partyB: 'pending' } })).toBe(true);
    expect(one.can({ type: 'partyA.accept', date: '2026-01-07' })).toBe(false);
  });

  it('asks both parties again after a counter-proposal and revised terms', () => {
    const countered = apply([['mediator.propose', '2026-01-05'], ['partyA.accept', '2026-01-06'], ['partyB.counter', '2026-01-07']]);
    expect(outcomeOf(countered)).toBe('countered');
    const revised = apply([['mediator.reviseTerms', '2026-01-09']], countered);
    expect(revised.matches({ process: 'onTable', answers: { partyA: 'pending', partyB: 'pending' } })).toBe(true);
    expect(revised.can({ type: 'truce.start', date: '2026-01-10' })).toBe(false);
  });

  it('extends the truce once, from its current end, keeping a reported violation', () => {
    const reported = apply([['truce.start', '2026-01-10'], ['truce.violate', '2026-01-20']], agreed());
    const extended = apply([['truce.extend', '2026-02-01']], reported);
    expect(extended.context.truceEndsOn).toBe('2026-03-11');
    expect(extended.matches({ process: { inForce: { violations: 'reported' } } })).toBe(true);
    expect(extended.can({ type: 'truce.extend', date: '2026-02-02' })).toBe(false);
  });

  it('collapses only when a reported violation is confirmed', () => {
    const started = apply([['truce.start', '2026-01-10']], agreed());
    expect(started.can({ type: 'truce.confirmViolation', date: '2026-01-11' })).toBe(false);
    const collapsed = apply([['truce.violate', '2026-01-12'], ['truce.confirmViolation', '2026-01-13']], started);
    expect(outcomeOf(collapsed)).toBe('truce-collapsed');
    expect(collapsed.context.truceEndsOn).toBeNull();
  });

  it('refuses an event dated before the calendar', () => {
    expect(agreed().can({ type: 'truce.start', date: '2026-01-01' })).toBe(false);
  });

  it('holds every invariant in every reachable state, and reaches every outcome', () => {
    const start = initialTransition(truceMachine)[0];
    const dated = transition(truceMachine, start, { type: 'mediator.propose', date: '2026-01-05' })[0];
    const graph = explore(truceMachine, dated, { invariants: INVARIANTS });
    expect(graph.complete).toBe(true);
    expect(graph.violations).toEqual([]);
    const reached = new Set(Array.from({ length: graph.size }, (_, i) => outcomeOf(graph.state(i))));
    expect([...reached].sort()).toEqual(Object.keys(OUTCOMES).filter((o) => o !== 'no-proposal').sort());
    expect(graph.size).toBeGreaterThan(20);
  });

  it('catches a copy that agrees on one acceptance, with the shortest trace', () => {
    const broken = truceMachine.provide({ guards: { bothAccepted: ({ context }) => context.partyA === 'accepted' || context.partyB === 'accepted' } });
    const dated = transition(broken, initialTransition(broken)[0], { type: 'mediator.propose', date: '2026-01-05' })[0];
    const graph = explore(broken, dated, { invariants: INVARIANTS.filter((i) => i.name === 'truceNeedsBothParties') });
    expect(graph.violations[0]).toMatchObject({ invariant: 'truceNeedsBothParties', trace: [{ type: 'partyA.accept' }, { type: 'truce.start' }] });
  });
});
