import type { Invariant, StateView } from '../../engine/model.js';
import { bothAccepted, type TruceContext } from './rules.js';

const context = (state: StateView) => state.context as TruceContext;

/** The rules the template must never break, checked by the explorer on every reachable state or step. */
export const INVARIANTS = [
  {
    name: 'truceNeedsBothParties',
    description: 'No truce is in force unless both parties accepted the same terms.',
    holdsIn: (state: StateView) => !state.matches({ process: 'inForce' }) || bothAccepted(context(state)),
  },
  {
    name: 'answersMatchContext',
    description: "The answers track shows the same answers as the guards read.",
    holdsIn: (state: StateView) => state.matches({ answers: { partyA: context(state).partyA, partyB: context(state).partyB } }),
  },
  {
    name: 'truceEndsOnTime',
    description: 'A truce in force never outlives its end day, and no end day is kept once it is over.',
    holdsIn: (state: StateView) => {
      const { date, truceEndsOn } = context(state);
      if (!state.matches({ process: 'inForce' })) return truceEndsOn === null;
      return truceEndsOn !== null && date !== null && date <= truceEndsOn;
    },
  },
  {
    name: 'calendarNeverGoesBack',
    description: "The model's calendar never moves backwards.",
    holdsAcross: (before: StateView, after: StateView) => {
      const [b, a] = [context(before).date, context(after).date];
      return b === null || (a !== null && a >= b);
    },
  },
] as const satisfies readonly Invariant[];
