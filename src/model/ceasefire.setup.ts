import { assign, or, setup, stateIn } from 'xstate';
import { daysToMs } from './calendar.js';
import type { CeasefireEvent } from './events.js';
import {
  TRUCE_DAYS,
  bothPartiesAccepted,
  isNotBackdated,
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
  },
  actions: {
    advanceCalendar: assign({ date: ({ event }) => event.date }),
    recordUkraineEndorsement: assign({ ukraine: 'endorsed' as const }),
    recordUkraineWithdrawal: assign({ ukraine: 'withdrawn' as const }),
    recordRussianConditions: assign({ russia: 'conditional' as const }),
    recordRussianAcceptance: assign({ russia: 'accepted' as const }),
    recordRussianRejection: assign({ russia: 'rejected' as const }),
    startTruce: assign({ truceEndsOn: ({ event }) => truceEndFrom(event.date) }),
    // The expiry timer fires on the truce's last day, which becomes the calendar's date.
    expireTruce: assign({ date: ({ context }) => context.truceEndsOn, truceEndsOn: null }),
    endTruce: assign({ truceEndsOn: null }),
  },
  delays: {
    truceLength: daysToMs(TRUCE_DAYS),
  },
});

/** A transition to `target`, taken only for an event not dated before the model's calendar. */
export const to = <T extends string>(target: T) =>
  ({ target, guard: 'isNotBackdated', actions: 'advanceCalendar' }) as const;

/** A transition that changes no state but still moves the calendar (a repeated statement). */
export const stay = { guard: 'isNotBackdated', actions: 'advanceCalendar' } as const;

