import { describe, expect, it } from 'vitest';
import { assumptionsFrom, defaultAssumptions, DEFAULT_MEAN_DAYS } from '../../src/engine/assumptions.js';
import { ceasefire2025, replay, type Model } from '../../src/index.js';
import { twoPartyTruce } from '../../src/models/index.js';
import record from '../../scenarios/march-2025.js';

// Real states of the ceasefire model: the record ends with sanctions threatened and a conditional yes;
// one branch ends rejected with sanctions imposed, another with an expired truce and sanctions threatened.
const onRecord = replay(record).snapshot;
const sanctioned = replay(record, { branch: 'russia-rejects-sanctions-follow' }).snapshot;
const expired = replay(record, { branch: 'russia-accepts-truce-expires' }).snapshot;
const truceStart = twoPartyTruce.machine.getInitialSnapshot(undefined as never);
const FILE = 'assumptions.yaml';
const from = (data: unknown) => assumptionsFrom(ceasefire2025, data, FILE);
const truceFrom = (data: unknown) => assumptionsFrom(twoPartyTruce, data, FILE);
const refusal = (data: unknown, model: Model = ceasefire2025) => {
  try {
    assumptionsFrom(model, data, FILE);
  } catch (error) {
    expect((error as Error).name).toBe('ScenarioError');
    expect((error as Error).message).not.toContain('\n');
    return (error as Error).message;
  }
  throw new Error('no refusal');
};

describe('built-in defaults', () => {
  const assumptions = defaultAssumptions(ceasefire2025);

  it('gives every event a mean delay of 30 days', () => {
    expect(assumptions.rateOf('russia.reject', onRecord)).toBe(1 / DEFAULT_MEAN_DAYS);
    expect(assumptions.baseRates).toHaveLength(ceasefire2025.eventTypes.length);
    expect(assumptions.baseRates.every((s) => s.from === 'default' && s.rate === 1 / 30)).toBe(true);
  });

  it('lists the base rates in catalogue order', () => {
    expect(assumptions.baseRates.map((s) => s.event)).toEqual(ceasefire2025.eventTypes);
  });

  it('says it holds defaults only, from no file, with no rules', () => {
    expect(assumptions).toMatchObject({ file: null, defaultsOnly: true, ruleLines: [] });
    expect(assumptions.conditionsOf(onRecord)).toBe('');
  });
});

describe('base rates from a file', () => {
  it('reads `days` as a mean delay and `rate` or a bare number as occurrences per day', () => {
    const assumptions = from({ default: { days: 10 }, events: { 'russia.reject': { rate: 0.25 }, 'russia.accept': 0.5, 'terms.agree': { days: 4 } } });
    expect(assumptions.rateOf('russia.reject', onRecord)).toBe(0.25);
    expect(assumptions.rateOf('russia.accept', onRecord)).toBe(0.5);
    expect(assumptions.rateOf('terms.agree', onRecord)).toBe(0.25);
    expect(assumptions.rateOf('aid.restore', onRecord)).toBe(0.1);
  });

  it('takes an exact event over a pattern, and the longest pattern over a shorter one', () => {
    const assumptions = from({ events: { 'russia.*': { days: 20 }, 'russia.reject': { rate: 0.01 }, 'russia.claim*': { days: 5 }, '*': { days: 100 } } });
    const source = (event: string) => assumptions.baseRates.find((s) => s.event === event);
    expect(source('russia.reject')).toEqual({ event: 'russia.reject', rate: 0.01, from: 'event' });
    expect(source('russia.accept')).toEqual({ event: 'russia.accept', rate: 1 / 20, from: 'pattern' });
    expect(source('russia.claimSudzha')).toEqual({ event: 'russia.claimSudzha', rate: 1 / 5, from: 'pattern' });
    expect(source('aid.restore')).toEqual({ event: 'aid.restore', rate: 1 / 100, from: 'pattern' });
  });

  it('takes a pattern over an actor, and an actor over the default', () => {
    const assumptions = truceFrom({ default: { days: 50 }, events: { 'partyA.*': { days: 2 } }, actors: { 'party-a': { days: 8 }, mediator: { days: 10 } } });
    const source = (event: string) => assumptions.baseRates.find((s) => s.event === event);
    expect(source('partyA.accept')).toEqual({ event: 'partyA.accept', rate: 0.5, from: 'pattern' });
    expect(source('mediator.propose')).toEqual({ event: 'mediator.propose', rate: 0.1, from: 'actor' });
    expect(source('partyB.accept')).toEqual({ event: 'partyB.accept', rate: 1 / 50, from: 'default' });
  });

  it('adds the rates of several named actors who may send the same event', () => {
    const assumptions = truceFrom({ actors: { 'party-a': { rate: 0.25 }, 'party-b': 0.5 } });
    expect(assumptions.rateOf('truce.violate', truceStart)).toBe(0.75);
    expect(assumptions.rateOf('partyB.reject', truceStart)).toBe(0.5);
    expect(assumptions.baseRates.find((s) => s.event === 'truce.violate')!.from).toBe('actor');
  });

  it('lets a rate of 0 say an event never happens', () => {
    expect(from({ events: { 'russia.reject': 0 } }).rateOf('russia.reject', onRecord)).toBe(0);
  });

  it('holds more than defaults once a file sets a rate, and names the file', () => {
    const assumptions = from({ events: { 'russia.reject': { days: 20 } } });
    expect(assumptions).toMatchObject({ file: FILE, defaultsOnly: false });
  });

  it('holds defaults only when a file sets nothing, or only the built-in default again', () => {
    expect(from({}).defaultsOnly).toBe(true);
    expect(from({ default: { days: 30 } }).defaultsOnly).toBe(true);
    expect(from({ default: { days: 31 } }).defaultsOnly).toBe(false);
  });
});

describe('rules that depend on the state', () => {
  const rules = [
    { when: 'leverage.sanctionsImposed', events: ['russia.reject'], times: 3 },
    { when: 'truce-expired', events: ['russia.*'], rate: 0.2 },
    { when: ['leverage.sanctionsThreatened', 'truce-expired'], events: ['aid.restore'], days: 5 },
  ];
  const assumptions = from({ events: { 'russia.reject': { rate: 0.01 } }, rules });

  it('multiplies a rate only where its state condition holds', () => {
    expect(assumptions.rateOf('russia.reject', sanctioned)).toBeCloseTo(0.03, 12);
    expect(assumptions.rateOf('russia.reject', onRecord)).toBe(0.01);
  });

  it('sets a rate where an outcome holds, for every event a pattern selects', () => {
    expect(assumptions.rateOf('russia.reject', expired)).toBe(0.2);
    expect(assumptions.rateOf('russia.accept', expired)).toBe(0.2);
    expect(assumptions.rateOf('russia.accept', onRecord)).toBe(1 / 30);
    expect(assumptions.rateOf('aid.suspend', expired)).toBe(1 / 30);
  });

  it('applies a list of conditions only where all of them hold', () => {
    expect(assumptions.rateOf('aid.restore', expired)).toBe(0.2);
    // Sanctions threatened, but no truce expired: the rule does not apply.
    expect(assumptions.rateOf('aid.restore', onRecord)).toBe(1 / 30);
  });

  it('applies the rules in file order', () => {
    const ordered = from({ rules: [{ when: 'rejected', events: ['russia.reject'], rate: 0.1 }, { when: 'leverage.sanctionsImposed', events: ['russia.reject'], times: 3 }] });
    const reversed = from({ rules: [{ when: 'leverage.sanctionsImposed', events: ['russia.reject'], times: 3 }, { when: 'rejected', events: ['russia.reject'], rate: 0.1 }] });
    expect(ordered.rateOf('russia.reject', sanctioned)).toBeCloseTo(0.3, 12);
    expect(reversed.rateOf('russia.reject', sanctioned)).toBe(0.1);
  });

  it('selects the events an actor sends', () => {
    const truce = truceFrom({ rules: [{ when: 'no-proposal', actor: 'mediator', times: 2 }] });
    expect(truce.rateOf('mediator.propose', truceStart)).toBe(2 / 30);
    expect(truce.rateOf('truce.start', truceStart)).toBe(2 / 30);
    expect(truce.rateOf('partyA.accept', truceStart)).toBe(1 / 30);
  });

  it('keys states apart that the rules treat differently, and alike otherwise', () => {
    expect(assumptions.conditionsOf(sanctioned)).not.toBe(assumptions.conditionsOf(onRecord));
    expect(assumptions.conditionsOf(expired)).not.toBe(assumptions.conditionsOf(onRecord));
    const initial = ceasefire2025.machine.getInitialSnapshot(undefined as never);
    expect(assumptions.conditionsOf(initial)).toBe(assumptions.conditionsOf(onRecord));
  });

  it('reads each rule as an analyst would', () => {
    expect(assumptions.ruleLines).toEqual([
      '×3 on russia.reject where leverage.sanctionsImposed',
      'rate 0.2 per day on russia.* where outcome truce-expired',
      'a mean delay of 5 days on aid.restore where leverage.sanctionsThreatened and outcome truce-expired',
    ]);
    expect(truceFrom({ rules: [{ when: 'agreed', events: 'truce.start', actor: 'mediator', times: 0.5 }] }).ruleLines).toEqual([
      '×0.5 on truce.start and events sent by mediator where outcome agreed',
    ]);
  });

  it('keeps the base rates before rules and holds more than defaults', () => {
    expect(assumptions.baseRates.find((s) => s.event === 'russia.reject')).toEqual({ event: 'russia.reject', rate: 0.01, from: 'event' });
    expect(from({ rules: [rules[0]] }).defaultsOnly).toBe(false);
  });
});

describe('refusals, one line naming the file and the field', () => {
  it.each([
    [{ events: { 'russia.rejct': 1 } }, "assumptions.yaml: field 'events.russia.rejct': unknown event type 'russia.rejct'; did you mean 'russia.reject'?"],
    [{ rules: [{ when: 'leverage.sanctionsImposd', events: ['russia.reject'], times: 3 }] }, "assumptions.yaml: field 'rules.0.when': 'leverage.sanctionsImposd' is neither an outcome (no-proposal, "],
    [{ rules: [{ when: ['rejected', 'leverage.nowhere'], events: ['russia.reject'], times: 3 }] }, "assumptions.yaml: field 'rules.0.when.1': 'leverage.nowhere' is neither an outcome"],
    [{ rules: [{ when: 'rejected', events: ['russia.reject'], times: 3 }, { when: 'rejected', events: ['russia.reject'], times: 3, days: 2 }] }, "assumptions.yaml: field 'rules.1': give exactly one of times, rate, days"],
    [{ rules: [{ when: 'rejected', events: ['russia.reject'] }] }, "assumptions.yaml: field 'rules.0': give exactly one of times, rate, days"],
    [{ rules: [{ when: 'rejected', times: 2 }] }, "assumptions.yaml: field 'rules.0': give events, actor or both"],
    [{ rules: [{ when: '', events: ['russia.reject'], times: 2 }] }, "assumptions.yaml: field 'rules.0.when': '' is neither an outcome"],
    [{ rules: [{ when: 'leverage.', events: ['russia.reject'], times: 2 }] }, "assumptions.yaml: field 'rules.0.when': 'leverage.' is neither an outcome"],
    [{ rules: [{ when: 'rejected', events: ['russia.rejct'], rate: 1, days: 2 }] }, "assumptions.yaml: field 'rules.0': give exactly one of times, rate, days"],
    [{ rules: [{ events: ['russia.reject'], times: 2 }] }, "assumptions.yaml: field 'rules.0.when': is missing"],
    [{ rules: [{ when: [], events: ['russia.reject'], times: 2 }] }, "assumptions.yaml: field 'rules.0.when': is an empty list"],
    [{ rules: [{ when: 'rejected', events: ['russia.reject'], times: -1 }] }, "assumptions.yaml: field 'rules.0.times': a factor cannot be negative"],
    [{ rules: [{ when: 'rejected', events: ['russia.reject'], times: 2, often: true }] }, "assumptions.yaml: field 'rules.0.often': is not part of an assumptions file here (known: when, events, actor, times, rate, days)"],
    [{ rules: [{ when: 'rejected', events: ['nobody.*'], times: 2 }] }, "assumptions.yaml: field 'rules.0.events.0': pattern 'nobody.*' matches no event type of model 'ceasefire-2025'"],
    [{ evnts: {} }, "assumptions.yaml: field 'evnts': is not part of an assumptions file here (known: default, events, actors, rules)"],
    [{ events: { 'russia.reject': -0.5 } }, "assumptions.yaml: field 'events.russia.reject': a rate cannot be negative"],
    [{ events: { 'russia.reject': { rate: -1 } } }, "assumptions.yaml: field 'events.russia.reject.rate': a rate cannot be negative"],
    [{ default: { days: 0 } }, "assumptions.yaml: field 'default.days': a mean delay must be more than 0 days"],
    [{ default: { days: 3, rate: 1 } }, "assumptions.yaml: field 'default': give exactly one of rate, days"],
    [{ default: {} }, "assumptions.yaml: field 'default': give exactly one of rate, days"],
    [{ default: 'often' }, "assumptions.yaml: field 'default': expected a rate: a number per day, { rate: x } or { days: n }, got 'often'"],
    [{ default: { often: 1 } }, "assumptions.yaml: field 'default.often': is not part of an assumptions file here (known: rate, days)"],
    [{ events: { 'nobody.*': 1 } }, "assumptions.yaml: field 'events.nobody.*': pattern 'nobody.*' matches no event type of model 'ceasefire-2025'"],
    [{ events: { 'xstate.after.truceEnds': 1 } }, "assumptions.yaml: field 'events.xstate.after.truceEnds': 'xstate.after.truceEnds' names XState's own events: timers (xstate.after.*) are fixed delays and take no rate"],
    [{ events: { 'xstate.after.*': 1 } }, "assumptions.yaml: field 'events.xstate.after.*': 'xstate.after.*' names XState's own events"],
    [{ rules: [{ when: 'rejected', events: 'xstate.after.1000', times: 2 }] }, "assumptions.yaml: field 'rules.0.events': 'xstate.after.1000' names XState's own events"],
    [{ events: [1] }, "assumptions.yaml: field 'events': expected a mapping of event types and patterns to rates, got a list"],
    [{ rules: { when: 'rejected' } }, "assumptions.yaml: field 'rules': expected a list of rules, got a mapping"],
    [{ rules: ['russia.reject'] }, "assumptions.yaml: field 'rules.0': expected a rule with when, events or actor, and times, rate or days, got 'russia.reject'"],
    ['just some words', 'assumptions.yaml: not an assumptions file (expected a mapping of default, events, actors, rules, got text)'],
    [[1, 2], 'assumptions.yaml: not an assumptions file (expected a mapping of default, events, actors, rules, got a list)'],
    [null, 'assumptions.yaml: the file is empty (expected any of default, events, actors, rules)'],
    [{ events: { 'bad\nname': 1 } }, "assumptions.yaml: field 'events.bad\\nname': unknown event type 'bad\\nname'"],
  ])('refuses %j', (data, message) => {
    expect(refusal(data)).toContain(message);
  });

  it.each([
    [{ actors: { mediatr: 1 } }, "assumptions.yaml: field 'actors.mediatr': unknown actor 'mediatr'; did you mean 'mediator'?"],
    [{ actors: { mediator: { days: -3 } } }, "assumptions.yaml: field 'actors.mediator.days': a mean delay must be more than 0 days"],
    [{ rules: [{ when: 'agreed', actor: 'party-c', times: 2 }] }, "assumptions.yaml: field 'rules.0.actor': unknown actor 'party-c'"],
    [{ rules: [{ when: 'process.nowhere', actor: 'mediator', times: 2 }] }, "assumptions.yaml: field 'rules.0.when': 'process.nowhere' is neither an outcome (no-proposal, awaiting-answers, "],
  ])('refuses %j for the truce model', (data, message) => {
    expect(refusal(data, twoPartyTruce)).toContain(message);
  });

  it('refuses an actor of a model whose events declare no senders', () => {
    expect(refusal({ actors: { putin: 1 } })).toBe(
      "assumptions.yaml: field 'actors.putin': actor 'putin' sends no event type: no event of model 'ceasefire-2025' lists it among its senders",
    );
  });

  it('gives a state path of the model itself as the example', () => {
    expect(refusal({ rules: [{ when: 'nowhere', actor: 'mediator', times: 2 }] }, twoPartyTruce)).toMatch(/nor a state path such as process\.noProposal$/);
  });
});

describe('rates of events outside the catalogue', () => {
  it('is never asked about a timer event', () => {
    expect(() => defaultAssumptions(ceasefire2025).rateOf('xstate.after.truceEnds', onRecord)).toThrow(/timer event/);
  });
});
