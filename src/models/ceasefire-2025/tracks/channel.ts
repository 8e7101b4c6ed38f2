import { ceasefireSetup, to } from '../ceasefire.setup.js';

/** The U.S.–Russia channel: the national security advisers, the envoy's mission, the presidents. */
export const channelTrack = ceasefireSetup.createStateConfig({
  description: 'The U.S.–Russia channel: advisers, the envoy and the presidents.',
  type: 'parallel',
  states: {
    advisers: {
      description: 'Contacts between the national security advisers.',
      initial: 'noContact',
      states: {
        noContact: {
          description: 'No contact between the advisers has been reported.',
          on: { 'channel.advisersCall': to('inContact') },
        },
        inContact: {
          description: 'The U.S. says its national security adviser spoke with his Russian counterpart.',
          on: { 'channel.confirmContacts': to('confirmedByKremlin') },
        },
        confirmedByKremlin: { description: 'The Kremlin confirms regular, confidential contacts between the advisers.' },
      },
    },
    envoy: {
      description: "The U.S. special envoy's mission to Moscow.",
      initial: 'notSent',
      states: {
        notSent: {
          description: 'No U.S. envoy is headed to Moscow.',
          on: { 'envoy.announce': to('announced') },
        },
        announced: {
          description: 'The White House has confirmed its envoy will go to Moscow.',
          on: { 'envoy.depart': to('enRoute') },
        },
        enRoute: {
          description: 'The U.S. negotiators are on their way to Russia.',
          on: { 'envoy.arrive': to('inMoscow') },
        },
        inMoscow: {
          description: 'The U.S. envoy is in Moscow.',
          on: { 'envoy.meetPresident': to('metPresident') },
        },
        metPresident: {
          description: 'The Russian president has met the U.S. envoy.',
          on: { 'russia.askEnvoyToConvey': to('askedToConvey') },
        },
        askedToConvey: {
          description: "The Russian president has asked the envoy to convey Moscow's thoughts to Washington.",
          on: { 'envoy.conveyMessage': to('messageConveyed') },
        },
        messageConveyed: { description: "The envoy has conveyed Moscow's thoughts to Washington." },
      },
    },
    leaders: {
      description: 'Direct contact between the U.S. and Russian presidents.',
      initial: 'noCall',
      states: {
        // A call floated is a position and stays in the positions track.
        noCall: {
          description: 'The presidents have not spoken by phone.',
          on: { 'leaders.call': to('callHeld') },
        },
        callHeld: { description: 'The presidents have spoken by phone.' },
      },
    },
  },
});
