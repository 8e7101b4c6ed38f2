import { assign, not, or, setup, stateIn } from 'xstate';
import type { CeasefireEvent } from './events.js';
import {
  bothPartiesAccepted,
  extendedTruceEnd,
  isNotBackdated,
  msUntilTruceEnds,
  russiaHasAccepted,
  truceEndFrom,
  type CeasefireContext,
} from './positions.js';

/**
 * The named guards, actions and delays of the ceasefire model, shared by the
 * machine and each of its tracks (`createStateConfig`).
 */
export const ceasefireSetup = setup({
  types: {
    context: {} as CeasefireContext,
    events: {} as CeasefireEvent,
  },
  guards: {
    isNotBackdated: ({ context, event }) => isNotBackdated(context, event.date),
    bothPartiesAccepted: ({ context }) => bothPartiesAccepted(context),
    russiaHasAccepted: ({ context }) => russiaHasAccepted(context),
    sanctionsWereThreatened: stateIn('#ceasefire.leverage.sanctionsThreatened'),
    talksFailed: or([stateIn('#ceasefire.proposal.rejected'), stateIn('#ceasefire.proposal.lapsed')]),
    leadersHaveSpoken: stateIn('#ceasefire.channel.leaders.callHeld'),
    // The positions track moves only when the proposal track takes the same event.
    proposalPresented: stateIn('#ceasefire.proposal.presentedInSaudiArabia'),
    proposalUnderConsideration: stateIn('#ceasefire.proposal.underConsideration'),
    awaitingRussia: stateIn('#ceasefire.proposal.underConsideration.awaitingRussia'),
    termsUnderNegotiation: stateIn('#ceasefire.proposal.underConsideration.termsUnderNegotiation'),
    revisedTermsAgreedByRussia: stateIn('#ceasefire.proposal.underConsideration.revisedTermsAgreedByRussia'),
    truceInForce: stateIn('#ceasefire.proposal.inForce'),
    violationReported: stateIn('#ceasefire.proposal.inForce.violations.reported'),
    securityZoneWasFloated: stateIn('#ceasefire.positions.securityZone.floated'),
    encirclementWasReported: not(stateIn('#ceasefire.troops.encirclement.notReported')),
  },
  actions: {
    advanceCalendar: assign({ date: ({ event }) => event.date }),
    recordUkraineEndorsement: assign({ ukraine: 'endorsed' as const }),
    recordUkraineRevisedAcceptance: assign({ ukraine: 'revisedTermsAccepted' as const }),
    recordUkraineWithdrawal: assign({ ukraine: 'withdrawn' as const }),
    recordRussianConditions: assign({ russia: 'conditional' as const }),
    recordRussianAcceptance: assign({ russia: 'accepted' as const }),
    recordRussianRevisedAcceptance: assign({ russia: 'revisedTermsAccepted' as const }),
    recordRussianRejection: assign({ russia: 'rejected' as const }),
    startTruce: assign({ truceEndsOn: ({ event }) => truceEndFrom(event.date) }),
    // An extension moves the end from the current end, not from the day it is agreed.
    extendTruce: assign({ truceEndsOn: ({ context }) => (context.truceEndsOn === null ? null : extendedTruceEnd(context.truceEndsOn)) }),
    // The expiry timer fires on the truce's last day, which becomes the calendar's date.
    expireTruce: assign({ date: ({ context }) => context.truceEndsOn, truceEndsOn: null }),
    endTruce: assign({ truceEndsOn: null }),
  },
  delays: {
    // Computed on entry from the calendar's date, so an extended truce still expires on its end date.
    untilTruceEnds: ({ context }) => msUntilTruceEnds(context),
  },
});

/** A transition to `target`, taken only for an event not dated before the model's calendar. */
export const to = <T extends string>(target: T) =>
  ({ target, guard: 'isNotBackdated', actions: 'advanceCalendar' }) as const;

/** A transition that changes no state but still moves the calendar (a repeated statement). */
export const stay = { guard: 'isNotBackdated', actions: 'advanceCalendar' } as const;
