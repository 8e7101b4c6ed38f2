import { assign, setup, stateIn } from 'xstate';
import type { TruceEvent } from './events.js';
import { bothAccepted, isNotBackdated, msUntilTruceEnds, truceEndFrom, type TruceContext } from './rules.js';

/** The named guards, actions and delays of the two-party truce template. */
export const truceSetup = setup({
  types: { context: {} as TruceContext, events: {} as TruceEvent },
  guards: {
    isNotBackdated: ({ context, event }) => isNotBackdated(context, event.date),
    bothAccepted: ({ context }) => bothAccepted(context),
    aHasNotAnswered: ({ context }) => context.partyA === 'pending',
    bHasNotAnswered: ({ context }) => context.partyB === 'pending',
    // The answers track moves only when the process takes the same event.
    termsOnTable: stateIn('#truce.process.onTable'),
    termsCountered: stateIn('#truce.process.countered'),
  },
  actions: {
    advanceCalendar: assign({ date: ({ event }) => event.date }),
    recordAAccepted: assign({ partyA: 'accepted' as const }),
    recordBAccepted: assign({ partyB: 'accepted' as const }),
    recordARejected: assign({ partyA: 'rejected' as const }),
    recordBRejected: assign({ partyB: 'rejected' as const }),
    recordACountered: assign({ partyA: 'countered' as const }),
    recordBCountered: assign({ partyB: 'countered' as const }),
    // Revised terms are new terms: both parties answer them afresh.
    resetAnswers: assign({ partyA: 'pending' as const, partyB: 'pending' as const }),
    startTruce: assign({ truceEndsOn: ({ event }) => truceEndFrom(event.date) }),
    // An extension runs from the current end, not from the day it is agreed.
    extendTruce: assign({ truceEndsOn: ({ context }) => (context.truceEndsOn === null ? null : truceEndFrom(context.truceEndsOn)) }),
    // The expiry timer fires on the truce's last day, which becomes the calendar's day.
    expireTruce: assign({ date: ({ context }) => context.truceEndsOn, truceEndsOn: null }),
    endTruce: assign({ truceEndsOn: null }),
  },
  delays: {
    untilTruceEnds: ({ context }) => msUntilTruceEnds(context),
  },
});

/** A transition to `target`, taken only for an event not dated before the calendar. */
export const to = <T extends string>(target: T) => ({ target, guard: 'isNotBackdated', actions: 'advanceCalendar' }) as const;
