import { describe, expect, it } from 'vitest';
import { stateIn } from 'xstate';
import { extendModel } from '../../src/engine/extend.js';
import { explore } from '../../src/engine/explore.js';
import { toMermaid } from '../../src/engine/formats/mermaid.js';
import { buildsOn } from '../../src/engine/model.js';
import { replay } from '../../src/engine/replay.js';
import { defineScenario } from '../../src/engine/scenario.js';
import { prepareSimulation } from '../../src/engine/simulate.js';
import { validateScenario } from '../../src/engine/validate.js';
import { describeTracks } from '../../src/engine/view.js';
import { ceasefire2025 } from '../../src/models/index.js';
import record from '../../scenarios/march-2025.js';

/** The next round of talks as an analyst adds it: a narrower truce on strikes against energy infrastructure. */
const energy = extendModel(ceasefire2025, {
  id: 'ceasefire-energy',
  title: 'March 2025 ceasefire, with a truce on energy strikes',
  tracks: {
    energyTruce: {
      description: 'A narrower truce: no strikes on energy infrastructure.',
      initial: 'notProposed',
      states: {
        notProposed: { on: { 'energy.propose': { target: 'proposed', guard: 'isNotBackdated', actions: 'advanceCalendar' } } },
        proposed: { on: { 'energy.agree': { target: 'agreed', guard: 'russiaStillTalking', actions: 'advanceCalendar' } } },
        agreed: { on: { 'energy.reportStrike': { target: 'strikeReported', guard: 'isNotBackdated', actions: 'advanceCalendar' } } },
        strikeReported: {},
      },
    },
  },
  events: {
    'energy.propose': { description: 'The U.S. proposes a truce on strikes against energy infrastructure.', cameo: '0256', plover: 'REQUEST', mode: 'yield', context: 'military', recipient: 'RUS', senders: ['trump'] },
    'energy.agree': { description: 'Russia agrees to stop strikes on energy infrastructure.', cameo: '0356', plover: 'AGREE', context: 'military', recipient: 'USA', senders: ['putin'] },
    'energy.reportStrike': { description: 'A strike on energy infrastructure is reported.', cameo: '195', plover: 'ASSAULT', mode: 'aerial', context: 'military', recipient: 'UKR' },
  },
  // A guard of the new track reads the base model's proposal track.
  guards: { russiaStillTalking: stateIn('#ceasefire.proposal.underConsideration') },
  outcomes: { 'energy-truce': 'Russia agreed in principle and an energy-strikes truce is agreed.' },
  outcomeOf: (state, base) => (base === 'agreed-in-principle' && state.matches({ energyTruce: 'agreed' } as never) ? 'energy-truce' : base),
  invariants: [
    {
      name: 'energyTruceNeedsTalks',
      description: 'An energy truce is agreed only while the proposal is under consideration or after.',
      holdsAcross: (before, after) => !after.matches({ energyTruce: 'agreed' }) || before.matches({ energyTruce: 'agreed' }) || before.matches({ proposal: 'underConsideration' }),
    },
  ],
  trackLabels: { energyTruce: 'energy truce' },
});

const afterRecord = defineScenario(energy, {
  id: 'energy-round',
  title: 'The next round: a truce on energy strikes',
  description: 'Continues the record on the extended model (hypothetical).',
  articles: record.articles,
  extends: { scenario: record, from: 'plea-to-spare' },
  steps: [
    { id: 'energy-proposed', date: '2025-03-17', actor: 'trump', event: 'energy.propose' },
    { id: 'energy-agreed', date: '2025-03-18', actor: 'putin', event: 'energy.agree', expect: { outcome: 'energy-truce', state: { energyTruce: 'agreed', positions: { ukraine: 'endorsed' } } } },
  ],
});

describe('extendModel', () => {
  it('adds a track, its events and an outcome without changing the base model', () => {
    expect(energy.eventTypes).toEqual([...ceasefire2025.eventTypes, 'energy.propose', 'energy.agree', 'energy.reportStrike']);
    expect(Object.keys(energy.machine.root.states)).toEqual([...Object.keys(ceasefire2025.machine.root.states), 'energyTruce']);
    expect(Object.keys(ceasefire2025.machine.root.states)).not.toContain('energyTruce');
    expect(ceasefire2025.eventTypes).not.toContain('energy.propose');
    expect(buildsOn(energy, ceasefire2025)).toBe(true);
    expect(buildsOn(ceasefire2025, energy)).toBe(false);
  });

  it('continues the record past 14 March on the extended model, the base tracks as they were', () => {
    const run = replay(validateScenario(afterRecord, 'energy-round.ts'));
    expect(run.expectations.every((e) => e.ok)).toBe(true);
    expect(run.final.outcome).toBe('energy-truce');
    const base = replay(record);
    expect(run.final.state).toMatchObject(base.final.state as object);
    expect(describeTracks(energy, run.final.state).find((t) => t.track === 'energyTruce')).toMatchObject({ label: 'energy truce', states: [{ label: 'agreed' }] });
  });

  it("guards the new track with the base model's state: no energy truce once Russia has rejected", () => {
    const rejected = replay(defineScenario(energy, { ...afterRecord, id: 'x', steps: [{ id: 'no', date: '2025-03-15', actor: 'putin', event: 'russia.reject' }, { id: 'p', date: '2025-03-16', actor: 'trump', event: 'energy.propose' }] }));
    expect(rejected.snapshot.can({ type: 'energy.agree', date: '2025-03-17' })).toBe(false);
  });

  it('explores, checks the added invariant, draws and simulates the extended model', () => {
    const graph = explore(energy.machine, replay(afterRecord, { stopAfter: 'plea-to-spare' }).snapshot, { invariants: energy.invariants, maxDepth: 2 });
    expect(graph.violations).toEqual([]);
    expect(Array.from({ length: graph.size }, (_, i) => energy.outcomeOf(graph.state(i)))).toContain('energy-truce');
    expect(toMermaid(energy)).toContain('energyTruce_agreed');
    expect(() => prepareSimulation(energy, graph)).not.toThrow();
  });

  it('refuses a track, event or outcome the base model already has', () => {
    expect(() => extendModel(ceasefire2025, { id: 'x', title: 'x', tracks: { proposal: {} }, events: {} })).toThrow("extendModel: track 'proposal' is already model 'ceasefire-2025's");
    expect(() => extendModel(ceasefire2025, { id: 'x', title: 'x', tracks: {}, events: { 'russia.reject': ceasefire2025.events['russia.reject']! } })).toThrow("event type 'russia.reject'");
  });
});
