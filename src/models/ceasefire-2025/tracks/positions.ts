import { and } from 'xstate';
import { ceasefireSetup, to } from '../ceasefire.setup.js';

type PositionGuard = 'proposalPresented' | 'proposalUnderConsideration' | 'awaitingRussia' | 'termsUnderNegotiation' | 'revisedTermsAgreedByRussia';
type RecordAction =
  | 'recordUkraineEndorsement' | 'recordUkraineRevisedAcceptance' | 'recordUkraineWithdrawal'
  | 'recordRussianConditions' | 'recordRussianAcceptance' | 'recordRussianRevisedAcceptance' | 'recordRussianRejection';

/** A transition to `target` guarded by `guard` as well as the calendar, recording a party's position. */
const record = <T extends string>(target: T, guard: PositionGuard, action: RecordAction) =>
  ({ target, guard: and(['isNotBackdated', guard]), actions: ['advanceCalendar', action] }) as const;

/**
 * Positions taken that still stand, one region per item: who has endorsed or
 * accepted what, each condition Russia attached, what was floated and stated.
 * They stay visible in the final state while the proposal track moves on.
 */
export const positionsTrack = ceasefireSetup.createStateConfig({
  description: 'Positions taken that still stand: endorsements, conditions, ideas floated.',
  type: 'parallel',
  states: {
    ukraine: {
      description: "Ukraine's position on the ceasefire.",
      initial: 'undecided',
      states: {
        undecided: {
          description: 'Ukraine has not answered the proposal.',
          on: { 'ukraine.endorse': record('endorsed', 'proposalPresented', 'recordUkraineEndorsement') },
        },
        endorsed: {
          description: 'Ukraine has endorsed the 30-day ceasefire as proposed by the U.S.',
          on: {
            'ukraine.acceptRevisedTerms': record('revisedTermsAccepted', 'revisedTermsAgreedByRussia', 'recordUkraineRevisedAcceptance'),
            'ukraine.withdrawEndorsement': record('withdrawn', 'proposalUnderConsideration', 'recordUkraineWithdrawal'),
          },
        },
        revisedTermsAccepted: {
          description: 'Ukraine has accepted the revised terms as well as the 30-day text.',
          on: { 'ukraine.withdrawEndorsement': record('withdrawn', 'proposalUnderConsideration', 'recordUkraineWithdrawal') },
        },
        withdrawn: { description: 'Ukraine has withdrawn its endorsement.' },
      },
    },
    russia: {
      description: "Russia's answer to the proposal.",
      initial: 'undecided',
      states: {
        undecided: {
          description: 'Russia has given no formal answer.',
          on: {
            'russia.agreeInPrinciple': record('agreedInPrinciple', 'awaitingRussia', 'recordRussianConditions'),
            'russia.accept': record('accepted', 'proposalUnderConsideration', 'recordRussianAcceptance'),
            'russia.reject': record('rejected', 'proposalUnderConsideration', 'recordRussianRejection'),
          },
        },
        agreedInPrinciple: {
          description: "Russia's president agrees in principle with the proposal, with conditions attached.",
          on: {
            'russia.accept': record('accepted', 'proposalUnderConsideration', 'recordRussianAcceptance'),
            'terms.agree': record('revisedTermsAccepted', 'termsUnderNegotiation', 'recordRussianRevisedAcceptance'),
            'russia.reject': record('rejected', 'proposalUnderConsideration', 'recordRussianRejection'),
          },
        },
        accepted: { description: 'Russia has accepted the 30-day text without conditions.' },
        revisedTermsAccepted: { description: 'Russia has agreed revised terms.' },
        rejected: { description: 'Russia has rejected the proposal outright.' },
      },
    },
    lastingPeace: {
      description: "Russia's condition that the ceasefire lead to lasting peace.",
      initial: 'notAttached',
      states: {
        notAttached: {
          description: 'Russia has attached no condition about lasting peace.',
          on: { 'russia.agreeInPrinciple': { target: 'conditionAttached', guard: and(['isNotBackdated', 'awaitingRussia']), actions: 'advanceCalendar' } },
        },
        conditionAttached: { description: 'Russia says the ceasefire should lead to lasting peace.' },
      },
    },
    rootCauses: {
      description: "Russia's condition that the ceasefire remove the root causes of the crisis.",
      initial: 'notAttached',
      states: {
        notAttached: {
          description: 'Russia has attached no condition about root causes.',
          on: { 'russia.agreeInPrinciple': { target: 'conditionAttached', guard: and(['isNotBackdated', 'awaitingRussia']), actions: 'advanceCalendar' } },
        },
        conditionAttached: { description: 'Russia says the ceasefire should remove the root causes of the crisis.' },
      },
    },
    securityZone: {
      description: "Russia's idea of a 'security zone' along the state border.",
      initial: 'notFloated',
      states: {
        notFloated: {
          description: 'No security zone has been floated.',
          on: { 'russia.floatSecurityZone': to('floated') },
        },
        floated: { description: "The Russian president says it is necessary to think about a 'security zone' along the border." },
      },
    },
    leadersCall: {
      description: 'A call between the U.S. and Russian presidents, as an idea.',
      initial: 'notFloated',
      states: {
        notFloated: {
          description: 'No call between the presidents has been floated.',
          on: { 'russia.floatLeadersCall': to('floated') },
        },
        floated: { description: 'The Russian president has floated a call with the U.S. president.' },
      },
    },
    kurskGoal: {
      description: "The Russian president's stated expectation for the Kursk region.",
      initial: 'notStated',
      states: {
        notStated: {
          description: 'No expectation for Kursk has been stated.',
          on: { 'russia.expectKurskFreed': to('freeingExpected') },
        },
        freeingExpected: { description: 'The Russian president expects the military to free the Kursk region completely in the nearest future.' },
      },
    },
  },
});
