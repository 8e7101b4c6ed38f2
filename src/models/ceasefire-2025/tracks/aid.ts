import { ceasefireSetup, to } from '../ceasefire.setup.js';

/** U.S. military aid and intelligence for Ukraine: suspended and restored. */
export const aidTrack = ceasefireSetup.createStateConfig({
  description: 'U.S. military aid and intelligence for Ukraine.',
  initial: 'flowing',
  states: {
    flowing: {
      description: 'U.S. military aid flows to Ukraine.',
      on: { 'aid.suspend': to('suspended') },
    },
    suspended: {
      description: 'The U.S. has suspended military aid to Ukraine.',
      on: { 'aid.restore': to('restored') },
    },
    restored: {
      description: 'The U.S. has lifted its suspension; aid flows again.',
      on: { 'aid.suspend': to('suspended') },
    },
  },
});
