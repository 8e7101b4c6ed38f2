import { and, not } from 'xstate';
import { ceasefireSetup, to } from '../ceasefire.setup.js';

/** The U.S. proposal of a 30-day ceasefire, from tabling to its fate: Russia's answers, the terms, the truce. */
export const proposalTrack = ceasefireSetup.createStateConfig({
  description: 'The U.S. proposal of a 30-day ceasefire, from tabling to its fate.',
  initial: 'none',
  states: {
    none: {
      description: 'No U.S. ceasefire proposal is on the table.',
      on: { 'proposal.table': to('tabled') },
    },
    tabled: {
      description: 'The U.S. has tabled a 30-day ceasefire.',
      on: { 'proposal.present': to('presentedAtJeddah') },
    },
    presentedAtJeddah: {
      description: 'U.S. officials have presented the plan to Ukraine at the Jeddah talks.',
      on: {
        'ukraine.endorse': {
          target: 'underConsideration',
          guard: 'isNotBackdated',
          actions: ['advanceCalendar', 'recordUkraineEndorsement'],
        },
      },
    },
    underConsideration: {
      description: 'Ukraine has endorsed the proposal; it waits on Russia and the terms.',
      initial: 'endorsedByUkraine',
      states: {
        endorsedByUkraine: {
          description: 'Ukraine has endorsed the 30-day ceasefire.',
          on: { 'proposal.putToRussia': to('awaitingRussia') },
        },
        awaitingRussia: {
          description: 'The proposal is with Moscow; Russia has not given its answer.',
          initial: 'noAnswer',
          states: {
            noAnswer: { description: 'Russia has said nothing on the proposal yet.' },
            noComment: { description: 'The Kremlin declines to comment before talks start.' },
            dismissedByAide: { description: 'A senior Kremlin aide has dismissed the proposal; no formal answer yet.' },
          },
          on: {
            'russia.declineComment': to('.noComment'),
            'russia.aideDismisses': to('.dismissedByAide'),
            'russia.agreeInPrinciple': {
              target: 'agreedInPrinciple',
              guard: 'isNotBackdated',
              actions: ['advanceCalendar', 'recordRussianConditions'],
            },
          },
        },
        agreedInPrinciple: {
          description: 'Russia agrees in principle but attaches conditions; the terms are not worked out.',
          on: { 'terms.negotiate': to('termsUnderNegotiation') },
        },
        termsUnderNegotiation: {
          description: 'The parties are negotiating the terms of the ceasefire.',
          on: {
            'terms.agree': {
              target: 'termsAgreed',
              guard: 'isNotBackdated',
              actions: ['advanceCalendar', 'recordRussianAcceptance'],
            },
            'terms.agreeNarrowerDeal': {
              target: '#ceasefire.proposal.narrowerDeal',
              guard: and(['isNotBackdated', 'leadersHaveSpoken']),
              actions: 'advanceCalendar',
            },
          },
        },
        russiaAccepted: { description: 'Russia has accepted the 30-day ceasefire without conditions.' },
        termsAgreed: { description: 'Both sides have agreed the terms of the ceasefire.' },
      },
      on: {
        'russia.accept': {
          target: '.russiaAccepted',
          guard: and(['isNotBackdated', not('russiaHasAccepted')]),
          actions: ['advanceCalendar', 'recordRussianAcceptance'],
        },
        'ceasefire.start': {
          target: 'inForce',
          guard: and(['isNotBackdated', 'bothPartiesAccepted']),
          actions: ['advanceCalendar', 'startTruce'],
        },
        'russia.reject': {
          target: 'rejected',
          guard: and(['isNotBackdated', not('russiaHasAccepted')]),
          actions: ['advanceCalendar', 'recordRussianRejection'],
        },
        'proposal.lapse': {
          target: 'lapsed',
          guard: and(['isNotBackdated', not('russiaHasAccepted')]),
          actions: 'advanceCalendar',
        },
        'ukraine.withdrawEndorsement': {
          target: 'withdrawn',
          guard: 'isNotBackdated',
          actions: ['advanceCalendar', 'recordUkraineWithdrawal'],
        },
      },
    },
    inForce: {
      description: 'The ceasefire is in force.',
      initial: 'running',
      states: {
        running: {
          description: 'The truce runs its first 30 days.',
          after: { truceLength: { target: '#ceasefire.proposal.expired', actions: 'expireTruce' } },
          on: {
            'truce.extend': {
              target: 'extended',
              guard: 'isNotBackdated',
              actions: ['advanceCalendar', 'startTruce'],
            },
          },
        },
        extended: {
          description: 'The parties have extended the truce by another 30 days.',
          after: { truceLength: { target: '#ceasefire.proposal.expired', actions: 'expireTruce' } },
        },
      },
      on: {
        'truce.violate': {
          target: 'collapsed',
          guard: 'isNotBackdated',
          actions: ['advanceCalendar', 'endTruce'],
        },
      },
    },
    expired: { description: 'The truce ran its course and expired without an extension.' },
    collapsed: { description: 'The truce collapsed after a reported violation.' },
    rejected: { description: 'Russia has rejected the proposal outright.' },
    lapsed: { description: 'The proposal lapsed while Moscow dragged out the terms.' },
    withdrawn: { description: 'Ukraine has withdrawn its endorsement of the proposal.' },
    narrowerDeal: { description: 'The presidents settled for a narrower deal instead of a full 30-day ceasefire.' },
  },
});
