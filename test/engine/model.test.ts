import { describe, expect, it } from 'vitest';
import { assign, setup } from 'xstate';
import { describeTracks } from '../../src/engine/view.js';
import { explore } from '../../src/engine/explore.js';
import { toMermaid } from '../../src/engine/formats/mermaid.js';
import { defineModel, splitWords } from '../../src/engine/model.js';
import { parseScenarioFile } from '../../src/engine/parse.js';
import { parseSavedRun, toSavedRun } from '../../src/engine/persist.js';
import { replay } from '../../src/engine/replay.js';
import { defineScenario } from '../../src/engine/scenario.js';
import { scenarioFileSchema } from '../../src/engine/schema.js';
import { prepareSimulation } from '../../src/engine/simulate.js';
import { validateScenario } from '../../src/engine/validate.js';
import record from '../../scenarios/march-2025.js';
import { ceasefire2025 } from '../../src/models/index.js';

type TruceEvent = { type: 'proposal.table' | 'northland.accept' | 'southland.accept' | 'truce.violate'; date: string };

// A two-party truce that shares nothing with the ceasefire model: its own events, actors, outcomes and words.
const machine = setup({
  types: { context: {} as { date: string | null }, events: {} as TruceEvent },
  actions: { advance: assign({ date: ({ event }) => event.date }) },
  delays: { truceLength: 10 * 86_400_000 },
}).createMachine({
  id: 'truce',
  type: 'parallel',
  context: { date: null },
  states: {
    talks: {
      description: 'The proposal and the answers to it.',
      initial: 'none',
      states: {
        none: { on: { 'proposal.table': { target: 'tabled', actions: 'advance' } } },
        tabled: { on: { 'northland.accept': { target: 'northlandAccepted', actions: 'advance' } } },
        northlandAccepted: { on: { 'southland.accept': { target: 'inForce', actions: 'advance' } } },
        inForce: { after: { truceLength: 'expired' }, on: { 'truce.violate': { target: 'collapsed', actions: 'advance' } } },
        expired: {},
        collapsed: {},
      },
    },
    press: {
      initial: 'quiet',
      states: { quiet: { on: { 'northland.accept': 'reporting' } }, reporting: {} },
    },
  },
});

const truce = defineModel({
  id: 'two-party-truce',
  title: 'Two-party truce',
  machine,
  events: {
    'proposal.table': { description: 'A mediator tables a truce.', plover: 'REQUEST', context: 'diplomatic', cameo: '0256', recipient: 'NLD', senders: ['mediator'] },
    'northland.accept': { description: 'Northland accepts.', plover: 'AGREE', context: 'diplomatic', cameo: '0356', recipient: null },
    'southland.accept': { description: 'Southland accepts.', plover: 'AGREE', context: 'diplomatic', cameo: '0356', recipient: null },
    'truce.violate': { description: 'A violation breaks the truce.', plover: 'ASSAULT', context: 'military', cameo: '196', recipient: null },
  },
  actors: {
    mediator: { name: 'The mediator', role: 'Third party', country: null },
    northland: { name: 'Northland', role: 'Party', country: 'NLD' },
    southland: { name: 'Southland', role: 'Party', country: 'SLD' },
  },
  outcomes: { 'no-truce': 'No truce yet.', 'truce-in-force': 'The truce holds.', 'truce-expired': 'The truce ran out.', 'truce-collapsed': 'The truce broke.' },
  outcomeOf: (state) => {
    const m = (value: object) => (state.matches as (value: object) => boolean)(value);
    if (m({ talks: 'inForce' })) return 'truce-in-force';
    if (m({ talks: 'expired' })) return 'truce-expired';
    if (m({ talks: 'collapsed' })) return 'truce-collapsed';
    return 'no-truce';
  },
  resolvedOutcomes: ['truce-expired', 'truce-collapsed'],
  contextFields: { date: 'day|null' },
  properWords: { northland: 'Northland', southland: 'Southland' },
  trackLabel: (key) => (key === 'press' ? 'the press' : key),
});

const article = { id: 'a', file: 'a.txt', date: '2030-01-01', outlet: null };
const scenario = defineScenario(truce, {
  id: 'example-truce',
  title: 'An example, not a record',
  description: 'Hypothetical.',
  articles: [article],
  expectedOutcome: 'truce-in-force',
  steps: [
    { id: 'tabled', date: '2030-01-01', actor: 'mediator', event: 'proposal.table' },
    { id: 'north-yes', date: '2030-01-02', actor: 'northland', event: 'northland.accept' },
    { id: 'south-yes', date: '2030-01-03', actor: 'southland', event: 'southland.accept', expect: { outcome: 'truce-in-force' } },
  ],
  branches: [
    { name: 'broken', title: 'Broken', from: 'south-yes', motivation: { article: 'a', quote: 'q' }, expectedOutcome: 'truce-collapsed', steps: [{ id: 'shots', date: '2030-01-05', actor: 'southland', event: 'truce.violate' }] },
  ],
});

describe('a model the engine is handed', () => {
  it('gathers its names, outcomes and labels', () => {
    expect(truce.eventTypes).toEqual(['proposal.table', 'northland.accept', 'southland.accept', 'truce.violate']);
    expect(truce.actorIds).toEqual(['mediator', 'northland', 'southland']);
    expect(truce.outcomeNames).toEqual(['no-truce', 'truce-in-force', 'truce-expired', 'truce-collapsed']);
    expect(truce.isEventType('russia.accept')).toBe(false);
    expect(truce.stateLabel('northlandAccepted')).toBe('Northland accepted');
    expect(truce.trackLabel('talks')).toBe('talks');
    expect(truce.trackLabel('press')).toBe('the press');
    expect(splitWords('awaitingRussia')).toBe('awaiting russia');
  });

  it('replays a scenario of its own, with its outcomes, labels and calendar', () => {
    const result = replay(scenario);
    expect(result.ok).toBe(true);
    expect(result.final.outcome).toBe('truce-in-force');
    expect(result.steps.map((s) => s.actor.name)).toEqual(['The mediator', 'Northland', 'Southland']);
    expect(result.steps[1]!.changes).toEqual([
      { track: 'talks', from: ['tabled'], to: ['Northland accepted'] },
      { track: 'press', from: ['quiet'], to: ['reporting'] },
    ]);
    expect(describeTracks(truce, result.final.state)).toMatchObject([
      { track: 'talks', label: 'talks', description: 'The proposal and the answers to it.' },
      { track: 'press', label: 'the press', states: [{ path: 'press.reporting', label: 'reporting' }] },
    ]);
    expect(replay(scenario, { until: '2030-01-20' }).final.outcome).toBe('truce-expired');
    expect(replay(scenario, { branch: 'broken' }).final.outcome).toBe('truce-collapsed');
  });

  it("refuses another model's events, and an actor its event does not allow", () => {
    const foreign = { ...scenario, steps: [{ ...scenario.steps[0]!, event: 'russia.accept' as never }] };
    expect(() => validateScenario(foreign, 'x.yaml')).toThrow("x.yaml: step 1 'tabled': field 'event': unknown event type 'russia.accept'");
    const wrongSender = { ...scenario, steps: [{ ...scenario.steps[0]!, actor: 'northland' as const }] };
    expect(() => validateScenario(wrongSender, 'x.yaml')).toThrow(
      "x.yaml: step 1 'tabled': field 'actor': 'northland' may not send 'proposal.table' (it may come from: mediator)",
    );
    expect(() =>
      defineScenario(truce, {
        id: 'typed',
        title: 't',
        description: 'd',
        articles: [],
        // @ts-expect-error an event type of the ceasefire model is no event of this one
        steps: [{ id: 's', date: '2030-01-01', actor: 'mediator', event: 'russia.accept' }],
      }),
    ).not.toThrow();
  });

  it('explores and simulates on its own outcomes', () => {
    const start = replay(scenario, { stopAfter: 'tabled' }).snapshot;
    const graph = explore(truce.machine, start, { invariants: truce.invariants });
    expect(graph.complete).toBe(true);
    const sim = prepareSimulation(truce, graph);
    expect(sim.outcomes).toEqual(['no-truce', 'truce-in-force', 'truce-expired', 'truce-collapsed', 'unresolved']);
  });

  it("reads its scenario files and saved runs with its own names and context", () => {
    const schema = scenarioFileSchema(truce);
    const file = { id: 'f', title: 't', steps: [{ id: 's', date: '2030-01-01', actor: 'mediator', event: 'proposal.table' }] };
    expect(schema.safeParse(file).success).toBe(true);
    expect(schema.safeParse({ ...file, steps: [{ ...file.steps[0], event: 'russia.accept' }] }).success).toBe(false);
    const result = replay(scenario);
    const saved = parseSavedRun(JSON.stringify(toSavedRun(result, 'example-truce', truce)), 'saved.json', truce);
    expect(saved.state.context).toEqual({ date: '2030-01-03' });
    const tampered = JSON.stringify({ ...toSavedRun(result, 'example-truce', truce), state: { ...result.state, context: { date: '2030-01-03', extra: 1 } } });
    expect(() => parseSavedRun(tampered, 'saved.json', truce)).toThrow("saved.json: field 'state.context.extra': is not part of a saved run");
    expect(JSON.parse(JSON.stringify(toSavedRun(result, 'example-truce', truce))).model).toBe(truce.id);
    expect(() => parseSavedRun(JSON.stringify(toSavedRun(result, 'example-truce', truce)), 'saved.json', ceasefire2025)).toThrow("saved.json: field 'model'");
  });

  it("reads a file that names it, and refuses to continue another model's scenario", async () => {
    const text = ['model: two-party-truce', 'id: f', 'title: t', 'steps:', '  - { id: s, date: 2030-01-01, actor: mediator, event: proposal.table }'].join('\n');
    const models = (id: string | undefined) => {
      if (id !== undefined && id !== truce.id) throw new Error(`unknown model '${id}'`);
      return truce;
    };
    const parsed = await parseScenarioFile(text, 'f.yaml', async () => record, models);
    expect(parsed.model).toBe(truce);
    expect(replay(parsed).final.state).toMatchObject({ talks: 'tabled' });
    await expect(parseScenarioFile(text.replace('two-party-truce', 'other'), 'f.yaml', async () => record, models)).rejects.toThrow(
      "f.yaml:1:8: scenario: field 'model': unknown model 'other'",
    );
    await expect(parseScenarioFile(text, 'f.yaml', async () => record, record.model)).rejects.toThrow(
      "f.yaml:1:8: scenario: field 'model': 'two-party-truce' is not the model this file is read with ('ceasefire-2025')",
    );
    const continuing = `${text}\nextends: march-2025\nfrom: plea-to-spare`;
    await expect(parseScenarioFile(continuing, 'f.yaml', async () => record, models)).rejects.toThrow(
      "f.yaml:6:10: scenario: field 'extends': scenario 'march-2025' runs on model 'ceasefire-2025', not 'two-party-truce'",
    );
  });

  it('draws its machine with its own words', () => {
    expect(toMermaid(truce)).toContain('state "Northland accepted" as truce_talks_northlandAccepted');
  });
});
