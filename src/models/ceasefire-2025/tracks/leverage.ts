import { and, not, or } from 'xstate';
import { ceasefireSetup, to, stay } from '../ceasefire.setup.js';

/**
 * U.S. leverage on Russia: public pressure, sanctions threatened and imposed.
 * Sanctions follow a threat or failed talks, never while a truce both parties
 * accepted is in force.
 */
export const leverageTrack = ceasefireSetup.createStateConfig({
  description: 'U.S. leverage on Russia: public pressure and sanctions.',
  initial: 'none',
  states: {
    none: {
      description: 'The U.S. has not publicly pressed Russia over the proposal.',
      on: {
        'us.pressRussia': to('publicPressure'),
        'us.threatenSanctions': to('sanctionsThreatened'),
        'us.imposeSanctions': { target: 'sanctionsImposed', guard: and(['isNotBackdated', 'talksFailed']), actions: 'advanceCalendar' },
      },
    },
    publicPressure: {
      description: 'The U.S. publicly presses Russia to accept the ceasefire.',
      on: {
        'us.pressRussia': stay,
        'us.threatenSanctions': to('sanctionsThreatened'),
        'us.imposeSanctions': { target: 'sanctionsImposed', guard: and(['isNotBackdated', 'talksFailed']), actions: 'advanceCalendar' },
      },
    },
    sanctionsThreatened: {
      description: 'The U.S. threatens Russia with new sanctions if it will not engage.',
      on: {
        'us.pressRussia': stay,
        'us.threatenSanctions': stay,
        'us.imposeSanctions': {
          target: 'sanctionsImposed',
          // No new sanctions while a truce both parties accepted is in force.
          guard: and(['isNotBackdated', or(['sanctionsWereThreatened', 'talksFailed']), not('truceInForce')]),
          actions: 'advanceCalendar',
        },
      },
    },
    sanctionsImposed: { description: 'The U.S. has imposed new sanctions on Russia.' },
  },
});
