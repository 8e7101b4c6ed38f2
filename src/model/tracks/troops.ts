import { ceasefireSetup, to } from '../ceasefire.setup.js';

/** The Ukrainian troops reported encircled in Kursk, and whether they are spared. */
export const troopsTrack = ceasefireSetup.createStateConfig({
  description: 'The fate of the Ukrainian troops reported encircled in Kursk.',
  initial: 'notEncircled',
  states: {
    notEncircled: {
      description: 'No encirclement of Ukrainian troops has been reported.',
      on: { 'us.reportEncirclement': to('reportedEncircled') },
    },
    reportedEncircled: {
      description: 'The U.S. president says thousands of Ukrainian troops are surrounded; not independently confirmed.',
      on: { 'us.pleaToSpare': to('pleaMade'), 'russia.spareTroops': to('spared'), 'russia.attackEncircled': to('notSpared') },
    },
    pleaMade: {
      description: 'The U.S. president has asked Putin to spare their lives.',
      on: { 'russia.spareTroops': to('spared'), 'russia.attackEncircled': to('notSpared') },
    },
    spared: { description: 'Russia has spared the encircled troops.' },
    notSpared: { description: 'Russian forces have attacked the encircled troops.' },
  },
});
