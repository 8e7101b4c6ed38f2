import { and } from 'xstate';
import { ceasefireSetup, to } from '../ceasefire.setup.js';

/** After an encirclement is reported, an event of the troops' fate is taken only then. */
const onceReported = <T extends string>(target: T) =>
  ({ target, guard: and(['isNotBackdated', 'encirclementWasReported']), actions: 'advanceCalendar' }) as const;

/** The Ukrainian troops said to be encircled in Kursk: the claim itself, and their fate. */
export const troopsTrack = ceasefireSetup.createStateConfig({
  description: 'The Ukrainian troops said to be encircled in Kursk: the claim and their fate.',
  type: 'parallel',
  states: {
    encirclement: {
      description: 'Whether the troops are encircled: a claim until an independent assessment backs it.',
      initial: 'notReported',
      states: {
        notReported: {
          description: 'No encirclement of Ukrainian troops has been reported.',
          on: { 'us.reportEncirclement': to('encirclementClaimed') },
        },
        // A claim stays a claim until a transition of its own: an independent assessment.
        encirclementClaimed: {
          description: 'The U.S. president says thousands of Ukrainian troops are surrounded; not independently confirmed.',
          on: { 'isw.assessEncirclement': to('encirclementAssessed') },
        },
        encirclementAssessed: { description: 'An independent assessment backs the claimed encirclement.' },
      },
    },
    fate: {
      description: 'What becomes of the troops said to be encircled.',
      initial: 'noPlea',
      states: {
        noPlea: {
          description: 'No one has asked for the troops to be spared.',
          on: { 'us.pleaToSpare': onceReported('pleaMade'), 'russia.spareTroops': onceReported('spared'), 'russia.attackEncircled': onceReported('notSpared') },
        },
        pleaMade: {
          description: 'The U.S. president has asked Putin to spare their lives.',
          on: { 'russia.spareTroops': to('spared'), 'russia.attackEncircled': to('notSpared') },
        },
        spared: { description: 'Russia has spared the encircled troops.' },
        notSpared: { description: 'Russian forces have attacked the encircled troops.' },
      },
    },
  },
});
