import { describe, expect, it } from 'vitest';
import { SimulatedClock, createActor, initialTransition, transition } from 'xstate';
import { EVENTS, ceasefireMachine, type CeasefireEvent, type CeasefireEventType } from '../../../src/index.js';

type Snapshot = ReturnType<typeof initialTransition<typeof ceasefireMachine>>[0];

/** Apply `[type, date]` events in order, failing loudly when the model refuses one. */
function apply(events: Array<[CeasefireEventType, string]>, from?: Snapshot): Snapshot {
  let snapshot = from ?? initialTransition(ceasefireMachine)[0];
  for (const [type, date] of events) {
    const event: CeasefireEvent = { type, date };
    expect(snapshot.can(event), `${type} on ${date} should be accepted`).toBe(true);
    snapshot = transition(ceasefireMachine, snapshot, event)[0];
  }
  return snapshot;
}

const TO_RUSSIA: Array<[CeasefireEventType, string]> = [
  ['proposal.table', '2025-03-11'],
  ['proposal.present', '2025-03-11'],
  ['ukraine.endorse', '2025-03-12'],
  ['proposal.putToRussia', '2025-03-12'],
];

describe('the ceasefire machine', () => {
  it('starts with no proposal, aid flowing and no calendar date', () => {
    const [snapshot] = initialTransition(ceasefireMachine);
    expect(snapshot.matches({ proposal: 'none', aid: 'flowing' })).toBe(true);
    expect(snapshot.context.date).toBeNull();
  });

  it('keeps the ceasefire pending after Russia answers with conditions', () => {
    const snapshot = apply([...TO_RUSSIA, ['russia.agreeInPrinciple', '2025-03-13']]);
    expect(snapshot.matches({ proposal: { underConsideration: 'agreedInPrinciple' } })).toBe(true);
    expect(snapshot.context.russia).toBe('conditional');
  });

  it('refuses a ceasefire in force before both sides have accepted terms', () => {
    const snapshot = apply([...TO_RUSSIA, ['russia.agreeInPrinciple', '2025-03-13']]);
    const start: CeasefireEvent = { type: 'ceasefire.start', date: '2025-03-14' };
    expect(snapshot.can(start)).toBe(false);
    expect(transition(ceasefireMachine, snapshot, start)[0].value).toEqual(snapshot.value);
  });

  it('lets the ceasefire come into force once terms are agreed by both', () => {
    const snapshot = apply([
      ...TO_RUSSIA,
      ['russia.agreeInPrinciple', '2025-03-13'],
      ['terms.negotiate', '2025-03-20'],
      ['terms.agree', '2025-03-25'],
      ['ukraine.acceptRevisedTerms', '2025-03-25'],
      ['ceasefire.start', '2025-03-26'],
    ]);
    expect(snapshot.matches({ proposal: { inForce: { term: 'running' } } })).toBe(true);
    expect(snapshot.context.truceEndsOn).toBe('2025-04-25');
  });

  it('refuses an event dated before the current date', () => {
    const snapshot = apply(TO_RUSSIA);
    expect(snapshot.context.date).toBe('2025-03-12');
    const backdated: CeasefireEvent = { type: 'russia.declineComment', date: '2025-03-10' };
    expect(snapshot.can(backdated)).toBe(false);
    expect(snapshot.can({ ...backdated, date: '2025-03-12' })).toBe(true);
  });

  it('refuses an event without a real date', () => {
    const [snapshot] = initialTransition(ceasefireMachine);
    expect(snapshot.can({ type: 'aid.suspend', date: '2025-02-30' })).toBe(false);
    expect(snapshot.can({ type: 'aid.suspend', date: 'March 3' })).toBe(false);
  });

  it('refuses sanctions that were neither threatened nor prompted by failed talks', () => {
    const pressed = apply([...TO_RUSSIA, ['us.pressRussia', '2025-03-12']]);
    expect(pressed.can({ type: 'us.imposeSanctions', date: '2025-03-20' })).toBe(false);
    const rejected = apply([['russia.reject', '2025-03-14']], pressed);
    expect(rejected.can({ type: 'us.imposeSanctions', date: '2025-03-20' })).toBe(true);
  });

  it('refuses a narrower deal unless the presidents have spoken', () => {
    const negotiating = apply([...TO_RUSSIA, ['russia.agreeInPrinciple', '2025-03-13'], ['terms.negotiate', '2025-03-14']]);
    expect(negotiating.can({ type: 'terms.agreeNarrowerDeal', date: '2025-03-20' })).toBe(false);
    const afterCall = apply([['leaders.call', '2025-03-18'], ['terms.agreeNarrowerDeal', '2025-03-20']], negotiating);
    expect(afterCall.matches({ proposal: 'narrowerDeal' })).toBe(true);
  });

  it('keeps a claim distinct from an assessment of the same town', () => {
    const claimed = apply([['russia.claimSudzha', '2025-03-13']]);
    expect(claimed.matches({ battlefield: { sudzha: { russianClaim: 'claimedRecaptured', thirdParty: 'noAssessment' } } })).toBe(true);
  });

  it('expires a running truce 30 days after it starts on a simulated clock', () => {
    const clock = new SimulatedClock();
    const actor = createActor(ceasefireMachine, { clock }).start();
    const steps: Array<[CeasefireEventType, string]> = [
      ...TO_RUSSIA,
      ['russia.accept', '2025-03-14'],
      ['ceasefire.start', '2025-03-15'],
    ];
    for (const [type, date] of steps) actor.send({ type, date });
    clock.increment(29 * 86_400_000);
    expect(actor.getSnapshot().matches({ proposal: 'inForce' })).toBe(true);
    clock.increment(86_400_000);
    expect(actor.getSnapshot().matches({ proposal: 'expired' })).toBe(true);
    expect(actor.getSnapshot().context.date).toBe('2025-04-14');
    actor.stop();
  });

  it('keeps Ukraine\'s endorsement and each of Russia\'s conditions in the state after Russia answers', () => {
    const snapshot = apply([...TO_RUSSIA, ['russia.agreeInPrinciple', '2025-03-13'], ['terms.negotiate', '2025-03-14']]);
    expect(snapshot.matches({ proposal: { underConsideration: 'termsUnderNegotiation' } })).toBe(true);
    expect(snapshot.value).toMatchObject({
      positions: { ukraine: 'endorsed', russia: 'agreedInPrinciple', lastingPeace: 'conditionAttached', rootCauses: 'conditionAttached' },
    });
  });

  it('does not let Ukraine\'s endorsement of the 30-day text start a ceasefire on revised terms', () => {
    const revised = apply([...TO_RUSSIA, ['russia.agreeInPrinciple', '2025-03-13'], ['terms.negotiate', '2025-03-14'], ['terms.agree', '2025-03-20']]);
    expect(revised.context).toMatchObject({ ukraine: 'endorsed', russia: 'revisedTermsAccepted' });
    expect(revised.can({ type: 'ceasefire.start', date: '2025-03-21' })).toBe(false);
    const accepted = apply([['ukraine.acceptRevisedTerms', '2025-03-21'], ['ceasefire.start', '2025-03-22']], revised);
    expect(accepted.matches({ proposal: 'inForce', positions: { ukraine: 'revisedTermsAccepted' } })).toBe(true);
  });

  it('refuses Ukraine\'s acceptance of revised terms before Russia has agreed any', () => {
    const negotiating = apply([...TO_RUSSIA, ['russia.agreeInPrinciple', '2025-03-13'], ['terms.negotiate', '2025-03-14']]);
    expect(negotiating.can({ type: 'ukraine.acceptRevisedTerms', date: '2025-03-15' })).toBe(false);
  });

  it('extends a truce by 30 days from its current end, not from the day of the extension', () => {
    const started = apply([...TO_RUSSIA, ['russia.accept', '2025-03-14'], ['ceasefire.start', '2025-03-16']]);
    expect(started.context.truceEndsOn).toBe('2025-04-15');
    const extended = apply([['truce.extend', '2025-04-10']], started);
    expect(extended.context.truceEndsOn).toBe('2025-05-15');
    expect(extended.matches({ proposal: { inForce: { term: 'extended' } } })).toBe(true);
  });

  it('refuses a second extension of a truce', () => {
    const extended = apply([...TO_RUSSIA, ['russia.accept', '2025-03-14'], ['ceasefire.start', '2025-03-16'], ['truce.extend', '2025-04-10']]);
    expect(extended.can({ type: 'truce.extend', date: '2025-05-10' })).toBe(false);
  });

  it('expires an extended truce on its new end date on a simulated clock', () => {
    const clock = new SimulatedClock();
    const actor = createActor(ceasefireMachine, { clock }).start();
    for (const [type, date] of [...TO_RUSSIA, ['russia.accept', '2025-03-14'], ['ceasefire.start', '2025-03-16']] as Array<[CeasefireEventType, string]>) {
      actor.send({ type, date });
    }
    clock.increment(25 * 86_400_000);
    actor.send({ type: 'truce.extend', date: '2025-04-10' });
    clock.increment(34 * 86_400_000);
    expect(actor.getSnapshot().matches({ proposal: 'inForce' })).toBe(true);
    clock.increment(86_400_000);
    expect(actor.getSnapshot().matches({ proposal: 'expired' })).toBe(true);
    expect(actor.getSnapshot().context.date).toBe('2025-05-15');
    actor.stop();
  });

  it('records a strike during a truce as a reported violation without collapsing the truce', () => {
    const inForce = apply([...TO_RUSSIA, ['russia.accept', '2025-03-14'], ['ceasefire.start', '2025-03-16']]);
    const struck = apply([['russia.bombardKursk', '2025-03-20']], inForce);
    expect(struck.matches({ proposal: { inForce: { term: 'running', violations: 'reported' } } })).toBe(true);
    const reported = apply([['truce.violate', '2025-03-21']], inForce);
    expect(reported.matches({ proposal: { inForce: { violations: 'reported' } } })).toBe(true);
  });

  it('collapses a truce once a reported violation is confirmed, or a party declares it over', () => {
    const inForce = apply([...TO_RUSSIA, ['russia.accept', '2025-03-14'], ['ceasefire.start', '2025-03-16']]);
    expect(inForce.can({ type: 'truce.confirmViolation', date: '2025-03-20' })).toBe(false);
    const confirmed = apply([['truce.violate', '2025-03-20'], ['truce.confirmViolation', '2025-03-22']], inForce);
    expect(confirmed.matches({ proposal: 'collapsed' })).toBe(true);
    expect(confirmed.context.truceEndsOn).toBeNull();
    expect(apply([['truce.declareOver', '2025-03-20']], inForce).matches({ proposal: 'collapsed' })).toBe(true);
  });

  it('refuses sanctions while a truce both parties accepted is in force', () => {
    const threatened = apply([...TO_RUSSIA, ['us.threatenSanctions', '2025-03-13'], ['russia.accept', '2025-03-14'], ['ceasefire.start', '2025-03-16']]);
    expect(threatened.can({ type: 'us.imposeSanctions', date: '2025-03-20' })).toBe(false);
    const expired = apply([['truce.declareOver', '2025-04-01']], threatened);
    expect(expired.can({ type: 'us.imposeSanctions', date: '2025-04-02' })).toBe(true);
  });

  it('keeps a claimed capture a claim until an independent assessment of its own', () => {
    const claimed = apply([
      ['ukraine.launchIncursion', '2024-08-01'],
      ['russia.pressFoothold', '2025-03-01'],
      ['russia.claimSettlements', '2025-03-14'],
      ['russia.claimNovenke', '2025-03-14'],
      ['us.reportEncirclement', '2025-03-14'],
      ['russia.bombardKursk', '2025-03-14'],
    ]);
    expect(claimed.matches({ battlefield: { kursk: 'recaptureClaimed', sumy: 'novenkeCaptureClaimed', sudzha: { damage: 'destructionClaimed' } }, troops: { encirclement: 'encirclementClaimed' } })).toBe(true);
    const assessed = apply([['isw.assessNovenke', '2025-03-15'], ['isw.assessSettlements', '2025-03-15'], ['isw.assessEncirclement', '2025-03-15']], claimed);
    expect(assessed.matches({ battlefield: { kursk: 'recaptureAssessed', sumy: 'novenkeCaptureAssessed' }, troops: { encirclement: 'encirclementAssessed' } })).toBe(true);
  });

  it('asks the envoy to convey Moscow\'s thoughts without saying they were delivered', () => {
    const asked = apply([['envoy.announce', '2025-03-13'], ['envoy.depart', '2025-03-13'], ['envoy.arrive', '2025-03-13'], ['envoy.meetPresident', '2025-03-13'], ['russia.askEnvoyToConvey', '2025-03-13']]);
    expect(asked.matches({ channel: { envoy: 'askedToConvey' } })).toBe(true);
    expect(apply([['envoy.conveyMessage', '2025-03-14']], asked).matches({ channel: { envoy: 'messageConveyed' } })).toBe(true);
  });

  it('describes every state and every event type', () => {
    const undescribed: string[] = [];
    const walk = (node: typeof ceasefireMachine.root) => {
      if (!node.description) undescribed.push(node.id);
      Object.values(node.states).forEach(walk);
    };
    walk(ceasefireMachine.root);
    expect(undescribed).toEqual([]);
    const handled = new Set<string>();
    const collect = (node: typeof ceasefireMachine.root) => {
      Object.keys(node.on).forEach((type) => handled.add(type));
      Object.values(node.states).forEach(collect);
    };
    collect(ceasefireMachine.root);
    expect([...handled].filter((type) => !type.startsWith('xstate.')).sort()).toEqual(Object.keys(EVENTS).sort());
    expect(Object.values(EVENTS).every((e) => e.description.length > 0)).toBe(true);
  });
});
