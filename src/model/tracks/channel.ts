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
          on: { 'envoy.conveyMessage': to('messageConveyed') },
        },
        messageConveyed: { description: "The envoy has carried Moscow's answer back to Washington." },
      },
    },
    leaders: {
      description: 'Direct contact between the U.S. and Russian presidents.',
      initial: 'noCall',
      states: {
        noCall: {
          description: 'No call between the presidents is planned.',
          on: { 'russia.floatLeadersCall': to('callFloated'), 'leaders.call': to('callHeld') },
        },
        callFloated: {
          description: 'The Russian president has floated a call with the U.S. president.',
          on: { 'leaders.call': to('callHeld') },
        },
        callHeld: { description: 'The presidents have spoken by phone.' },
      },
    },
  },
});
