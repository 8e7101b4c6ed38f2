import type { Invariant, StateView } from '../../engine/model.js';
import { bothPartiesAccepted, type CeasefireContext } from './positions.js';

const context = (state: StateView) => state.context as CeasefireContext;

/** The rules of the ceasefire model, as the explorer checks them. */
export const INVARIANTS: readonly Invariant[] = [
  {
    name: 'ceasefireNeedsBothParties',
    description: 'No ceasefire is in force unless both parties have accepted its terms.',
    holdsIn: (state) => !state.matches({ proposal: 'inForce' }) || bothPartiesAccepted(context(state)),
  },
  {
    name: 'positionsMatchContext',
    description: "The positions track shows the same answers of Ukraine and Russia as the guards read.",
    holdsIn: (state) =>
      state.matches({ positions: { ukraine: context(state).ukraine } }) &&
      state.matches({ positions: { russia: context(state).russia === 'conditional' ? 'agreedInPrinciple' : context(state).russia } }),
  },
  {
    name: 'noSanctionsDuringTruce',
    description: 'No sanctions are imposed while a truce both parties accepted is in force.',
    holdsAcross: (before, after) =>
      !after.matches({ leverage: 'sanctionsImposed' }) || before.matches({ leverage: 'sanctionsImposed' }) || !before.matches({ proposal: 'inForce' }),
  },
  {
    name: 'sanctionsFollowThreatOrFailure',
    description: 'Sanctions are imposed only after they were threatened or the talks failed.',
    holdsAcross: (before, after) =>
      !after.matches({ leverage: 'sanctionsImposed' }) ||
      before.matches({ leverage: 'sanctionsImposed' }) ||
      before.matches({ leverage: 'sanctionsThreatened' }) ||
      before.matches({ proposal: 'rejected' }) ||
      before.matches({ proposal: 'lapsed' }),
  },
  {
    name: 'truceEndsOnTime',
    description: 'A truce in force never outlives its end date, and no end date is kept once it is over.',
    holdsIn: (state) => {
      const { date, truceEndsOn } = context(state);
      if (!state.matches({ proposal: 'inForce' })) return truceEndsOn === null;
      return truceEndsOn !== null && date !== null && date <= truceEndsOn;
    },
  },
  {
    name: 'calendarNeverGoesBack',
    description: "The model's calendar never moves backwards.",
    holdsAcross: (before, after) => {
      const was = context(before).date;
      const now = context(after).date;
      return was === null || (now !== null && now >= was);
    },
  },
];
