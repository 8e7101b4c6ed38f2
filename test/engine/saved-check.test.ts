import { describe, expect, it } from 'vitest';
import { ceasefire2025 } from '../../src/models/ceasefire-2025/index.js';
import { createMachine } from 'xstate';
import { defineScenario, planSteps, replay, resumeRun, ScenarioError, type ReplayResult } from '../../src/index.js';
import { parseSavedRun, toSavedRun } from '../../src/engine/persist.js';
import { checkStateValue } from '../../src/engine/saved-check.js';
import record from '../../scenarios/march-2025.js';

/** A saved run as JSON that a test may edit freely. */
type Json = any;

const saveText = (result: ReplayResult) => `${JSON.stringify(toSavedRun(result, 'march-2025', ceasefire2025), null, 2)}\n`;
const parse = (text: string) => parseSavedRun(text, 'spared.json', ceasefire2025);

/** The message a tampered save is refused with ('accepted' when it is not). */
function refusal(text: string, tamper: (run: Json) => void): string {
  const run = JSON.parse(text) as Json;
  tamper(run);
  try {
    parse(JSON.stringify(run));
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return (error as Error).message;
  }
  return 'accepted';
}

// Paused while the truce runs: a pending expiry timer, due 2025-04-29.
const spared = saveText(replay(record, { branch: 'encircled-troops-spared', stopAfter: 'truce-starts' }));
// Paused in the record before any truce: no timer.
const jeddah = saveText(replay(record, { stopAfter: 'saudi-arabia-talks' }));

describe('saved runs the engine wrote', () => {
  const roads = [null, ...record.branches.map((b) => b.name)];

  it.each(roads.map((road) => [road ?? 'the record', road] as const))('accepts a save of %s at every kind of stop point, as saved', (_, branch) => {
    const ids = planSteps(record, branch).steps.map((p) => p.step.id);
    const fork = branch ? ids.indexOf(record.branches.find((b) => b.name === branch)!.from) : 5;
    const stops = new Set([ids[0]!, ids[2]!, ids[fork]!, ids[fork + 1] ?? ids.at(-1)!, ids[Math.floor((fork + ids.length) / 2)]!, ids.at(-1)!]);
    for (const stopAfter of stops) {
      const text = saveText(replay(record, { branch, stopAfter }));
      expect(parse(text).state, `stopped after ${stopAfter}`).toEqual(JSON.parse(text).state);
    }
  });

  it('accepts a run saved at its end with the calendar run forward and timers fired', () => {
    const text = saveText(replay(record, { branch: 'russia-accepts-truce-expires', until: '2025-06-01' }));
    expect(parse(text).state.steps.at(-1)).toMatchObject({ kind: 'timer', date: '2025-04-15' });
  });

  it('accepts a continued run saved again, further steps and timers fired', () => {
    const paused = replay(record, { stopAfter: 'saudi-arabia-talks' });
    const more = [
      { step: { id: 'accept', date: '2025-03-20', actor: 'putin', event: 'russia.accept' }, hypothetical: true, origin: 'more.yaml' },
      { step: { id: 'start', date: '2025-03-21', actor: 'russia', event: 'ceasefire.start' }, hypothetical: true, origin: 'more.yaml' },
    ] as const;
    const continued = resumeRun(record, JSON.parse(JSON.stringify(paused.state)), {
      branch: null, applied: paused.position.applied, lastStep: paused.position.lastStep, paused: true, extraSteps: more, until: '2025-04-25',
    });
    const text = saveText(continued);
    expect(parse(text).state.steps.slice(-3).map((s) => s.id)).toEqual(['accept', 'start', 'timer-2025-04-20']);
  });

  it('accepts a lenient run that skipped a step the model refused', () => {
    const scenario = defineScenario({
      id: 'skips', title: 'Skips', description: 'A refused step in the middle.', articles: [],
      steps: [
        { id: 'table', date: '2025-03-11', actor: 'united-states', event: 'proposal.table' },
        { id: 'too-soon', date: '2025-03-12', actor: 'putin', event: 'russia.accept' },
        { id: 'present', date: '2025-03-13', actor: 'united-states', event: 'proposal.present' },
      ],
    });
    const result = replay(scenario, { lenient: true, stopAfter: 'present' });
    expect(result.warnings).toHaveLength(1);
    expect(parse(saveText(result)).state.warnings).toEqual(result.warnings);
  });
});

describe('tampered saved runs', () => {
  const cases: Array<[string, string, (run: Json) => void, string]> = [
    ['a state that does not exist', spared, (r) => (r.state.value.proposal = 'inFroce'),
      "spared.json: field 'state.value.proposal': 'inFroce' is not a state of track proposal (known: none, tabled, presentedInSaudiArabia, underConsideration, inForce, expired, collapsed, rejected, lapsed, withdrawn, narrowerDeal)"],
    ['a nested state that does not exist', spared, (r) => (r.state.value.proposal = { inForce: 'runing' }),
      "spared.json: field 'state.value.proposal.inForce': expected state proposal.inForce to have a state in each of term, violations, got 'runing'"],
    ['a compound state without its substate', spared, (r) => (r.state.value.proposal = 'inForce'),
      "spared.json: field 'state.value.proposal': 'inForce' is incomplete: state proposal.inForce needs a state in each of term, violations"],
    ['a missing track', spared, (r) => delete r.state.value.troops,
      "spared.json: field 'state.value.troops': is missing: track troops needs a state in each of encirclement, fate"],
    ['a missing region of a parallel state', spared, (r) => delete r.state.value.battlefield.sudzha.damage,
      "spared.json: field 'state.value.battlefield.sudzha.damage': is missing: state battlefield.sudzha.damage needs one of standing, destructionClaimed"],
    ['a track the model does not have', spared, (r) => (r.state.value.weather = 'sunny'),
      "spared.json: field 'state.value.weather': 'weather' is not a track of the model (known: proposal, positions, aid, channel, leverage, battlefield, troops, assessments)"],
    ['a real state the recorded steps never reach', spared, (r) => (r.state.value.aid = 'suspended'),
      "spared.json: field 'state.value.aid': 'suspended' is not the state the recorded steps reach ('restored')"],
    ['a pending timer moved before the calendar', spared, (r) => (r.state.pendingTimers[0].due = '2025-03-10'),
      "spared.json: field 'state.pendingTimers[0].due': 2025-03-10 is not after the calendar 2025-03-30: a timer due by then has fired"],
    ['a pending timer moved later', spared, (r) => (r.state.pendingTimers[0].due = '2025-05-10'),
      "spared.json: field 'state.pendingTimers[0].due': 2025-05-10 is not when the timer falls due (2025-04-29, set when its state was entered)"],
    ['a pending timer turned into another event', spared, (r) => (r.state.pendingTimers[0].event.type = 'russia.reject'),
      "spared.json: field 'state.pendingTimers[0].event.type': 'russia.reject' is not the event of timer 'xstate.after.untilTruceEnds.ceasefire.proposal.inForce.te...'"],
    ['a pending timer of a state that is not active', spared, (r) => {
      r.state.pendingTimers[0].id = 'xstate.after.truceLength.ceasefire.proposal.inForce.extended';
      r.state.pendingTimers[0].event.type = r.state.pendingTimers[0].id;
    }, "spared.json: field 'state.pendingTimers[0].id': timer 'xstate.after.truceLength.ceasefire.proposal.inForce.extended' is not armed by any active state (armed: xstate.after.untilTruceEnds.ceasefire.proposal.inForce.term.running)"],
    ['the timers removed while a truce is in force', spared, (r) => (r.state.pendingTimers = []),
      "spared.json: field 'state.pendingTimers': the timer 'xstate.after.untilTruceEnds.ceasefire.proposal.inForce.term.running' of state proposal.inForce.term.running, due 2025-04-29, is missing"],
    ['a timer added where no state arms one', jeddah, (r) => r.state.pendingTimers.push({ id: 't', event: { type: 't' }, due: '2025-04-01', description: 'soon' }),
      "spared.json: field 'state.pendingTimers[0].id': timer 't' is not armed by any active state (armed: none)"],
    ['a timer pending twice', spared, (r) => r.state.pendingTimers.push(r.state.pendingTimers[0]),
      "spared.json: field 'state.pendingTimers[1].id': timer 'xstate.after.untilTruceEnds.ceasefire.proposal.inForce.te...' is pending twice"],
    ['an impossible calendar date', spared, (r) => (r.state.calendar = '2025-02-30'),
      "spared.json: field 'state.calendar': '2025-02-30' is not a real day (YYYY-MM-DD)"],
    ['a calendar moved past the step the run paused after', spared, (r) => (r.state.calendar = '2025-04-02'),
      "spared.json: field 'state.calendar': 2025-04-02 is not the date of the step the run paused after (2025-03-30)"],
    ["a model date after the calendar", spared, (r) => (r.state.context.date = '2025-04-01'),
      "spared.json: field 'state.context.date': 2025-04-01 is after the calendar 2025-03-30"],
    ['an impossible truce end', spared, (r) => (r.state.context.truceEndsOn = '2025-04-31'),
      "spared.json: field 'state.context.truceEndsOn': '2025-04-31' is not a real day (YYYY-MM-DD)"],
    ['a truce end the truce start does not give', spared, (r) => (r.state.context.truceEndsOn = '2025-05-01'),
      "spared.json: field 'state.context.truceEndsOn': '2025-05-01' is not what the recorded steps leave ('2025-04-29')"],
    ['a position the model does not have', spared, (r) => (r.state.context.russia = 'undecidable'),
      "spared.json: field 'state.context.russia': 'undecidable' is not one of 'undecided', 'conditional', 'accepted', 'revisedTermsAccepted', 'rejected'"],
    ['a position the recorded steps do not leave', spared, (r) => (r.state.context.russia = 'rejected'),
      "spared.json: field 'state.context.russia': 'rejected' is not what the recorded steps leave ('revisedTermsAccepted')"],
    ['a context field the model does not have', spared, (r) => (r.state.context.mood = 'calm'),
      "spared.json: field 'state.context.mood': is not part of a saved run"],
    ['steps out of date order', spared, (r) => (r.state.steps[5].date = '2025-01-01'),
      "spared.json: field 'state.steps[5].date': 2025-01-01 is before the previous step's 2025-03-11"],
    ['an impossible step date', spared, (r) => (r.state.steps[5].date = '2025-02-29'),
      "spared.json: field 'state.steps[5].date': '2025-02-29' is not a real day (YYYY-MM-DD)"],
    ['a step whose state is not what its event leads to', spared, (r) => (r.state.steps[5].state.aid = 'suspended'),
      "spared.json: field 'state.steps[5].state.aid': 'suspended' is not the state this step reaches ('restored')"],
    ['a step turned into an event the model refuses there', spared, (r) => (r.state.steps[5].event.type = 'russia.accept'),
      "spared.json: field 'state.steps[5].event.type': the model refuses 'russia.accept' on 2025-03-11 in the state the steps before it reach"],
    ['a step turned into a delayed event', spared, (r) => (r.state.steps[5].event.type = 'xstate.after.truceLength.ceasefire.proposal.inForce.running'),
      "spared.json: field 'state.steps[5].event.type': 'xstate.after.truceLength.ceasefire.proposal.inForce.running' is not an event of the model"],
    ['a step whose listed changes are not its own', spared, (r) => (r.state.steps[5].changes = []),
      "spared.json: field 'state.steps[5].changes': [] is not what changes in this step ([{\"track\":\"aid\",\"from\":[\"suspended\"],\"to\":[\"restored\"]}])"],
    ["an actor's name changed", spared, (r) => (r.state.steps[5].actor.name = 'Someone'),
      "spared.json: field 'state.steps[5].actor.name': 'Someone' is not the name of actor 'united-states' ('United States')"],
    ['a step removed from the record', spared, (r) => r.state.steps.splice(5, 1),
      "spared.json: field 'position.applied': 42 does not match the 41 steps recorded and 0 skipped"],
    ['sources that are not a list', spared, (r) => (r.state.steps[0].sources = 'none'),
      "spared.json: field 'state.steps[0].sources': expected array, got 'none'"],
    ['a step without its attribution field', spared, (r) => delete r.state.steps[0].attribution,
      "spared.json: field 'state.steps[0].attribution': is missing"],
    ['an empty attribution', spared, (r) => (r.state.steps[0].attribution = ''),
      "spared.json: field 'state.steps[0].attribution': is empty"],
    ['a date precision the format does not have', spared, (r) => (r.state.steps[0].datePrecision = 'week'),
      "spared.json: field 'state.steps[0].datePrecision': 'week' is not one of 'day', 'month', 'undated'"],
    ['an expectation whose verdict was flipped', spared, (r) => (r.state.expectations[0].ok = false),
      "spared.json: field 'state.expectations[0].ok': false, but what was expected and what was found say true"],
    ['an expectation with another outcome', spared, (r) => (r.state.expectations[0].actual.outcome = 'rejected'),
      "spared.json: field 'state.expectations[0].actual.outcome': 'rejected' is not the outcome of its state ('no-proposal')"],
    ['an expectation found in a state the run never reached', spared, (r) => (r.state.expectations[0].actual.state = 'anywhere'),
      "spared.json: field 'state.expectations[0].actual.state': 'anywhere' is not a state the run reaches from step 'aid-restored' on"],
    ['a warning that is not text', spared, (r) => (r.state.warnings = [3]),
      "spared.json: field 'state.warnings[0]': expected string, got 3"],
    ['more steps applied than the run has', spared, (r) => (r.position.applied = 99),
      "spared.json: field 'position.applied': 99 is more than the 42 steps of the run ('position.of')"],
    ['a run marked finished before its end', jeddah, (r) => (r.position.paused = false),
      "spared.json: field 'position.paused': false, but the run stopped at step 5 of 37"],
    ['a last step that is not the one recorded', jeddah, (r) => (r.position.lastStep = 'aid-restored'),
      "spared.json: field 'position.lastStep': 'aid-restored' is not the last step recorded ('saudi-arabia-talks')"],
    ['a field the format does not have', spared, (r) => (r.notes = 'mine'),
      "spared.json: field 'notes': is not part of a saved run"],
    ['a missing list of steps', spared, (r) => delete r.state.steps,
      "spared.json: field 'state.steps': is missing"],
    ['an empty scenario reference', spared, (r) => (r.scenario.ref = ''),
      "spared.json: field 'scenario.ref': is empty"],
    ['a key that reaches for the prototype', spared, (r) => (r.state.value = JSON.parse('{"__proto__": "none"}')),
      "spared.json: field 'state.value.__proto__': '__proto__' is not a track of the model (known: proposal, positions, aid, channel, leverage, battlefield, troops, assessments)"],
  ];

  it.each(cases)('refuses %s in one line naming the file and the field', (_, text, tamper, message) => {
    expect(refusal(text, tamper)).toBe(message);
  });

  it('refuses a step the calendar fired that carries an attribution or an undated precision', () => {
    const expired = saveText(replay(record, { branch: 'russia-accepts-truce-expires', until: '2025-06-01' }));
    const last = JSON.parse(expired).state.steps.length - 1;
    expect(refusal(expired, (r) => (r.state.steps.at(-1).attribution = 'reports'))).toBe(`spared.json: field 'state.steps[${last}].attribution': a timer has no attribution`);
    expect(refusal(expired, (r) => (r.state.steps.at(-1).datePrecision = 'undated'))).toBe(`spared.json: field 'state.steps[${last}].datePrecision': a timer falls due on a day, not a 'undated'`);
  });

  it('accepts the untampered saves the cases start from', () => {
    expect(refusal(spared, () => {})).toBe('accepted');
    expect(refusal(jeddah, () => {})).toBe('accepted');
  });

  it('refuses text that is not JSON, and JSON of another tool', () => {
    expect(() => parse('{')).toThrowError(new ScenarioError('spared.json: not a saved run (not JSON)'));
    expect(() => parse('[1]')).toThrowError(new ScenarioError("spared.json: not a saved run of this tool: field 'format': expected 'ceasefire-lab/run@1', got none"));
  });
});

describe('checking a state value against a machine', () => {
  const machine = createMachine({
    id: 'm',
    type: 'parallel',
    states: {
      lamp: {},
      door: { initial: 'shut', states: { shut: {}, open: { initial: 'ajar', states: { ajar: {}, wide: {} } }, back: { type: 'history' } } },
    },
  });
  const fail = (path: ReadonlyArray<string | number>, message: string): never => {
    throw new ScenarioError(`${path.join('.')}: ${message}`);
  };

  it('accepts a full value of any machine and returns its active states', () => {
    const active = checkStateValue(machine, { lamp: {}, door: { open: 'wide' } }, ['value'], fail);
    expect(active.map((n) => n.id)).toEqual(['m', 'm.lamp', 'm.door', 'm.door.open', 'm.door.open.wide']);
    expect(() => machine.resolveState({ value: { lamp: {}, door: { open: 'wide' } }, context: undefined })).not.toThrow();
  });

  it('refuses a history pseudo-state, a value for a state without substates, and a wrong kind of value', () => {
    expect(() => checkStateValue(machine, { lamp: {}, door: 'back' }, ['value'], fail)).toThrowError("value.door: 'back' is not a state of track door (known: shut, open)");
    expect(() => checkStateValue(machine, { lamp: 'on', door: 'shut' }, ['value'], fail)).toThrowError("value.lamp: expected {} (track lamp has no substates), got 'on'");
    expect(() => checkStateValue(machine, { lamp: {}, door: { shut: {} } }, ['value'], fail)).toThrowError("value.door: expected 'shut' (state door.shut has no substates), got {\"shut\":{}}");
    expect(() => checkStateValue(machine, ['lamp'], ['value'], fail)).toThrowError('value: expected the model to have a state in each of lamp, door, got ["lamp"]');
  });
});
