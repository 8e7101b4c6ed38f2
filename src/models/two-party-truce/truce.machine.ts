import { and } from 'xstate';
import { INITIAL_CONTEXT } from './rules.js';
import { EVENTS } from './events.js';
import { to, truceSetup } from './truce.setup.js';

type Recorder = 'recordAAccepted' | 'recordBAccepted' | 'recordARejected' | 'recordBRejected' | 'recordACountered' | 'recordBCountered';

/** Party A's first answer to the terms: moves the calendar and records it; `always` then checks for agreement. */
const answerA = <T extends string>(target: T, record: Recorder) =>
  ({ target, guard: and(['isNotBackdated', 'aHasNotAnswered']), actions: ['advanceCalendar', record] }) as const;

/** Party B's first answer to the terms, as {@link answerA}. */
const answerB = <T extends string>(target: T, record: Recorder) =>
  ({ target, guard: and(['isNotBackdated', 'bHasNotAnswered']), actions: ['advanceCalendar', record] }) as const;

/** A move of the answers track, taken with the process's own transition for the same event. */
const along = <T extends string>(target: T, guard: 'termsOnTable' | 'termsCountered') => ({ target, guard: and(['isNotBackdated', guard]) }) as const;

/**
 * A two-party truce negotiation, as small as a useful model gets: a mediator
 * proposes, each party answers (accept, reject, counter), revised terms reset
 * the answers, and a truce both accepted runs for a fixed term with one
 * extension, recorded violations and collapse on a confirmed one. Two tracks:
 * the `process` and each party's standing `answers`.
 */
export const truceMachine = truceSetup.createMachine({
  id: 'truce',
  type: 'parallel',
  description: 'A two-party truce negotiation: proposal, answers, terms, a truce with expiry and violations.',
  context: INITIAL_CONTEXT,
  meta: { events: EVENTS },
  states: {
    process: {
      description: 'Where the negotiation stands.',
      initial: 'noProposal',
      states: {
        noProposal: {
          description: 'No truce has been proposed.',
          on: { 'mediator.propose': to('onTable') },
        },
        onTable: {
          description: 'Terms are on the table, awaiting both answers.',
          always: { target: 'agreed', guard: 'bothAccepted' },
          on: {
            'partyA.accept': answerA('onTable', 'recordAAccepted'),
            'partyB.accept': answerB('onTable', 'recordBAccepted'),
            'partyA.reject': answerA('rejected', 'recordARejected'),
            'partyB.reject': answerB('rejected', 'recordBRejected'),
            'partyA.counter': answerA('countered', 'recordACountered'),
            'partyB.counter': answerB('countered', 'recordBCountered'),
            'mediator.withdraw': to('withdrawn'),
          },
        },
        countered: {
          description: 'A party answered with conditions; the mediator may table revised terms.',
          on: {
            'mediator.reviseTerms': { target: 'onTable', guard: 'isNotBackdated', actions: ['advanceCalendar', 'resetAnswers'] },
            'mediator.withdraw': to('withdrawn'),
          },
        },
        agreed: {
          description: 'Both parties accepted the same terms; the truce has not started.',
          on: { 'truce.start': { target: 'inForce', guard: 'isNotBackdated', actions: ['advanceCalendar', 'startTruce'] } },
        },
        inForce: {
          description: 'The truce is in force until its end day.',
          type: 'parallel',
          states: {
            term: {
              description: 'The first term, then its one extension.',
              initial: 'running',
              states: {
                running: {
                  description: 'The first term runs to its end day.',
                  after: { untilTruceEnds: { target: '#truce.process.expired', actions: 'expireTruce' } },
                  // Entering `extended` arms a new timer for the new end day; reported violations stay.
                  on: { 'truce.extend': { target: 'extended', guard: 'isNotBackdated', actions: ['advanceCalendar', 'extendTruce'] } },
                },
                extended: {
                  description: 'Extended once, another 30 days from the first end; no further extension.',
                  after: { untilTruceEnds: { target: '#truce.process.expired', actions: 'expireTruce' } },
                },
              },
            },
            violations: {
              description: 'Violations reported during the truce.',
              initial: 'noneReported',
              states: {
                noneReported: {
                  description: 'No violation is reported.',
                  on: { 'truce.violate': to('reported') },
                },
                reported: {
                  description: 'A violation is reported, not yet confirmed; the truce holds.',
                  on: { 'truce.confirmViolation': { target: '#truce.process.collapsed', guard: 'isNotBackdated', actions: ['advanceCalendar', 'endTruce'] } },
                },
              },
            },
          },
        },
        expired: { description: 'The truce ran its term and ended.', type: 'final' },
        collapsed: { description: 'A confirmed violation ended the truce.', type: 'final' },
        rejected: { description: 'A party rejected the terms.', type: 'final' },
        withdrawn: { description: 'The mediator withdrew the proposal.', type: 'final' },
      },
    },
    answers: {
      description: "Each party's standing answer, kept after the process moves on.",
      type: 'parallel',
      states: {
        partyA: {
          description: "Party A's answer to the terms on the table.",
          initial: 'pending',
          states: {
            pending: {
              description: 'Party A has not answered.',
              on: { 'partyA.accept': along('accepted', 'termsOnTable'), 'partyA.reject': along('rejected', 'termsOnTable'), 'partyA.counter': along('countered', 'termsOnTable') },
            },
            accepted: { description: 'Party A accepted.', on: { 'mediator.reviseTerms': along('pending', 'termsCountered') } },
            rejected: { description: 'Party A rejected.' },
            countered: { description: 'Party A answered with conditions.', on: { 'mediator.reviseTerms': along('pending', 'termsCountered') } },
          },
        },
        partyB: {
          description: "Party B's answer to the terms on the table.",
          initial: 'pending',
          states: {
            pending: {
              description: 'Party B has not answered.',
              on: { 'partyB.accept': along('accepted', 'termsOnTable'), 'partyB.reject': along('rejected', 'termsOnTable'), 'partyB.counter': along('countered', 'termsOnTable') },
            },
            accepted: { description: 'Party B accepted.', on: { 'mediator.reviseTerms': along('pending', 'termsCountered') } },
            rejected: { description: 'Party B rejected.' },
            countered: { description: 'Party B answered with conditions.', on: { 'mediator.reviseTerms': along('pending', 'termsCountered') } },
          },
        },
      },
    },
  },
});

/** The template machine's type. */
export type TruceMachine = typeof truceMachine;
