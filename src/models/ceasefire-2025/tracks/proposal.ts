import { and, not } from 'xstate';
import { ceasefireSetup, to, stay } from '../ceasefire.setup.js';

/** Acts of war that, while a truce is in force, count as a reported violation of it. */
const VIOLATIONS = [
  'truce.violate',
  'russia.pressFoothold',
  'russia.bombardKursk',
  'russia.claimSudzha',
  'russia.claimSettlements',
  'russia.expelFromKursk',
  'russia.claimNovenke',
  'russia.pushIntoSumy',
  'russia.attackEncircled',
  'ukraine.launchIncursion',
] as const;

const reportViolation = Object.fromEntries(VIOLATIONS.map((type) => [type, to('reported')])) as Record<(typeof VIOLATIONS)[number], ReturnType<typeof to<'reported'>>>;
const repeatViolation = Object.fromEntries(VIOLATIONS.map((type) => [type, stay])) as Record<(typeof VIOLATIONS)[number], typeof stay>;

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
      on: { 'proposal.present': to('presentedInSaudiArabia') },
    },
    presentedInSaudiArabia: {
      description: 'U.S. officials have presented the plan to Ukrainian officials at talks in Saudi Arabia.',
      // Ukraine's endorsement is recorded by the positions track, where it stays visible.
      on: { 'ukraine.endorse': to('underConsideration') },
    },
    underConsideration: {
      description: 'Ukraine has endorsed the proposal; it waits on Russia and the terms.',
      initial: 'endorsedByUkraine',
      states: {
        endorsedByUkraine: {
          description: 'Ukraine has endorsed the 30-day ceasefire; the U.S. has yet to put it to Russia.',
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
            'russia.agreeInPrinciple': to('agreedInPrinciple'),
          },
        },
        agreedInPrinciple: {
          description: 'Russia agrees in principle but attaches conditions; the terms are not worked out.',
          on: { 'terms.negotiate': to('termsUnderNegotiation') },
        },
        termsUnderNegotiation: {
          description: 'Revised terms are under negotiation; the 30-day text Ukraine endorsed is no longer the only one.',
          on: {
            'terms.agree': to('revisedTermsAgreedByRussia'),
            'terms.agreeNarrowerDeal': {
              target: '#ceasefire.proposal.narrowerDeal',
              guard: and(['isNotBackdated', 'leadersHaveSpoken']),
              actions: 'advanceCalendar',
            },
          },
        },
        revisedTermsAgreedByRussia: {
          description: 'Russia has agreed revised terms; a ceasefire on them needs Ukraine to accept them too.',
          on: { 'ukraine.acceptRevisedTerms': to('revisedTermsAgreed') },
        },
        revisedTermsAgreed: { description: 'Both parties have accepted the revised terms; the ceasefire has not started.' },
        russiaAccepted: { description: 'Russia has accepted the 30-day text Ukraine endorsed, without conditions.' },
      },
      on: {
        'russia.accept': {
          target: '.russiaAccepted',
          guard: and(['isNotBackdated', not('russiaHasAccepted')]),
          actions: 'advanceCalendar',
        },
        'ceasefire.start': {
          target: 'inForce',
          guard: and(['isNotBackdated', 'bothPartiesAccepted']),
          actions: ['advanceCalendar', 'startTruce'],
        },
        'russia.reject': {
          target: 'rejected',
          guard: and(['isNotBackdated', not('russiaHasAccepted')]),
          actions: 'advanceCalendar',
        },
        'proposal.lapse': {
          target: 'lapsed',
          guard: and(['isNotBackdated', not('russiaHasAccepted')]),
          actions: 'advanceCalendar',
        },
        'ukraine.withdrawEndorsement': to('withdrawn'),
      },
    },
    inForce: {
      description: 'The ceasefire is in force; violations are recorded, and it collapses only as its rule says.',
      type: 'parallel',
      states: {
        term: {
          description: 'How long the truce runs: 30 days, extended once by 30 days from its current end.',
          initial: 'running',
          states: {
            running: {
              description: 'The truce runs its first 30 days.',
              after: { untilTruceEnds: { target: '#ceasefire.proposal.expired', actions: 'expireTruce' } },
              on: {
                'truce.extend': {
                  target: 'extended',
                  guard: 'isNotBackdated',
                  actions: ['advanceCalendar', 'extendTruce'],
                },
              },
            },
            extended: {
              // One extension only: a longer truce would be a new agreement, and the model stays bounded.
              description: 'The truce is extended by 30 days from its current end; it cannot be extended again.',
              after: { untilTruceEnds: { target: '#ceasefire.proposal.expired', actions: 'expireTruce' } },
            },
          },
        },
        violations: {
          description: 'Violations reported while the truce is in force.',
          initial: 'noneReported',
          states: {
            noneReported: {
              description: 'No violation of the truce has been reported.',
              on: reportViolation,
            },
            reported: {
              description: 'A violation has been reported, not confirmed; the truce holds until one is confirmed or a party declares it over.',
              on: {
                ...repeatViolation,
                'truce.confirmViolation': {
                  target: '#ceasefire.proposal.collapsed',
                  guard: and(['isNotBackdated', 'violationReported']),
                  actions: ['advanceCalendar', 'endTruce'],
                },
              },
            },
          },
        },
      },
      on: {
        'truce.declareOver': {
          target: 'collapsed',
          guard: 'isNotBackdated',
          actions: ['advanceCalendar', 'endTruce'],
        },
      },
    },
    expired: { description: 'The truce ran its course and expired.' },
    collapsed: { description: 'The truce collapsed: a party declared it over, or a violation was confirmed.' },
    rejected: { description: 'Russia has rejected the proposal outright.' },
    lapsed: { description: 'The proposal lapsed without a ceasefire both parties accepted.' },
    withdrawn: { description: 'Ukraine has withdrawn its endorsement of the proposal.' },
    narrowerDeal: { description: 'The presidents settled for a narrower deal instead of a full 30-day ceasefire.' },
  },
});
