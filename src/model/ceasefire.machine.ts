import { and, assign, not, or, setup, stateIn } from 'xstate';
import { daysToMs } from './calendar.js';
import { EVENTS, type CeasefireEvent } from './events.js';
import {
  INITIAL_CONTEXT,
  TRUCE_DAYS,
  bothPartiesAccepted,
  isNotBackdated,
  russiaHasAccepted,
  truceEndFrom,
  type CeasefireContext,
} from './positions.js';

/** A transition to `target`, taken only for an event not dated before the model's calendar. */
const to = <T extends string>(target: T) =>
  ({ target, guard: 'isNotBackdated', actions: 'advanceCalendar' }) as const;

/** A transition that changes no state but still moves the calendar (a repeated statement). */
const stay = { guard: 'isNotBackdated', actions: 'advanceCalendar' } as const;

/**
 * The March 2025 ceasefire process as one statechart: seven tracks that move
 * independently (parallel regions), each state and event described.
 */
export const ceasefireMachine = setup({
  types: {
    context: {} as CeasefireContext,
    events: {} as CeasefireEvent,
  },
  guards: {
    isNotBackdated: ({ context, event }) => isNotBackdated(context, event.date),
    bothPartiesAccepted: ({ context }) => bothPartiesAccepted(context),
    russiaHasAccepted: ({ context }) => russiaHasAccepted(context),
    sanctionsWereThreatened: stateIn('#ceasefire.leverage.sanctionsThreatened'),
    talksFailed: or([stateIn('#ceasefire.proposal.rejected'), stateIn('#ceasefire.proposal.lapsed')]),
    leadersHaveSpoken: stateIn('#ceasefire.channel.leaders.callHeld'),
  },
  actions: {
    advanceCalendar: assign({ date: ({ event }) => event.date }),
    recordUkraineEndorsement: assign({ ukraine: 'endorsed' as const }),
    recordUkraineWithdrawal: assign({ ukraine: 'withdrawn' as const }),
    recordRussianConditions: assign({ russia: 'conditional' as const }),
    recordRussianAcceptance: assign({ russia: 'accepted' as const }),
    recordRussianRejection: assign({ russia: 'rejected' as const }),
    startTruce: assign({ truceEndsOn: ({ event }) => truceEndFrom(event.date) }),
    // The expiry timer fires on the truce's last day, which becomes the calendar's date.
    expireTruce: assign({ date: ({ context }) => context.truceEndsOn, truceEndsOn: null }),
    endTruce: assign({ truceEndsOn: null }),
  },
  delays: {
    truceLength: daysToMs(TRUCE_DAYS),
  },
}).createMachine({
  id: 'ceasefire',
  type: 'parallel',
  description: 'The U.S. 30-day ceasefire proposal of March 2025 and the tracks around it.',
  context: INITIAL_CONTEXT,
  meta: { events: EVENTS },
  states: {
    proposal: {
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
    },
    aid: {
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
    },
    channel: {
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
    },
    leverage: {
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
              guard: and(['isNotBackdated', or(['sanctionsWereThreatened', 'talksFailed'])]),
              actions: 'advanceCalendar',
            },
          },
        },
        sanctionsImposed: { description: 'The U.S. has imposed new sanctions on Russia.' },
      },
    },
    battlefield: {
      description: "The battlefield in Russia's Kursk region and on the Sumy border.",
      type: 'parallel',
      states: {
        kursk: {
          description: "Ukraine's foothold in Russia's Kursk region.",
          initial: 'beforeIncursion',
          states: {
            beforeIncursion: {
              description: "Kursk before Ukraine's August 2024 incursion.",
              on: { 'ukraine.launchIncursion': to('foothold') },
            },
            foothold: {
              description: 'Ukrainian forces hold a foothold inside Russia.',
              on: { 'russia.pressFoothold': to('underPressure') },
            },
            underPressure: {
              description: 'Russian forces, backed by North Korean troops, press the foothold hard.',
              on: { 'russia.orderKurskCleared': to('offensiveOrdered'), 'russia.recaptureSettlements': to('settlementsRecaptured') },
            },
            offensiveOrdered: {
              description: 'The Russian president has ordered the Kursk region freed in the nearest future.',
              on: { 'russia.recaptureSettlements': to('settlementsRecaptured') },
            },
            settlementsRecaptured: {
              description: 'Russia claims to have recaptured dozens of settlements in Kursk.',
              on: { 'russia.recaptureSettlements': stay, 'russia.expelFromKursk': to('expelled') },
            },
            expelled: { description: 'Ukrainian forces have been driven out of the Kursk region.' },
          },
        },
        sudzha: {
          description: 'Sudzha, the biggest town Ukraine held in Kursk: who claims what.',
          type: 'parallel',
          states: {
            damage: {
              description: 'The state of the town under bombardment.',
              initial: 'standing',
              states: {
                standing: {
                  description: 'No report of Sudzha being destroyed.',
                  on: { 'russia.bombardKursk': to('almostDestroyed') },
                },
                almostDestroyed: { description: "Ukraine's commander says strikes have almost completely destroyed Sudzha." },
              },
            },
            russianClaim: {
              description: "Russia's claim on the town.",
              initial: 'none',
              states: {
                none: {
                  description: 'Russia claims no recapture of Sudzha.',
                  on: { 'russia.claimSudzha': to('claimedRecaptured') },
                },
                claimedRecaptured: { description: 'The Russian Defense Ministry claims it retook Sudzha; not independently verified.' },
              },
            },
            thirdParty: {
              description: 'What independent observers assess.',
              initial: 'noAssessment',
              states: {
                noAssessment: {
                  description: 'No independent assessment of who controls Sudzha.',
                  on: { 'isw.assessSudzha': to('russianControlAssessed') },
                },
                russianControlAssessed: { description: 'An independent think tank assesses Russian forces control Sudzha.' },
              },
            },
            ukrainianAccount: {
              description: "What Ukraine's military says about the town.",
              initial: 'silent',
              states: {
                silent: {
                  description: "Ukraine's military has said nothing about Sudzha's fate.",
                  on: { 'ukraine.reportManeuver': to('maneuvering'), 'ukraine.confirmWithdrawal': to('withdrawalConfirmed') },
                },
                maneuvering: {
                  description: "Ukraine's commander says troops are moving to more advantageous lines.",
                  on: { 'ukraine.confirmWithdrawal': to('withdrawalConfirmed') },
                },
                withdrawalConfirmed: { description: 'Ukraine confirms its troops have left Sudzha.' },
              },
            },
          },
        },
        command: {
          description: "Ukraine's Northern Operational Command, which covers Kursk.",
          initial: 'inPlace',
          states: {
            inPlace: {
              description: 'The commander of the Northern Operational Command is in post.',
              on: { 'ukraine.dismissCommander': to('commanderDismissed') },
            },
            commanderDismissed: { description: 'The commander has been dismissed without a stated reason.' },
          },
        },
        sumy: {
          description: "Ukraine's Sumy region across the border, and Russia's 'security zone' aim.",
          initial: 'quiet',
          states: {
            quiet: {
              description: 'No Russian aim on the Sumy region has been stated.',
              on: { 'russia.floatSecurityZone': to('securityZoneFloated'), 'russia.takeNovenke': to('novenkeTaken') },
            },
            securityZoneFloated: {
              description: "The Russian president has floated a 'security zone' along the border.",
              on: { 'russia.takeNovenke': to('novenkeTaken'), 'russia.pushIntoSumy': to('pushIntoSumy') },
            },
            novenkeTaken: {
              description: "Russia claims control of the village of Noven'ke in Sumy.",
              on: { 'russia.pushIntoSumy': to('pushIntoSumy') },
            },
            pushIntoSumy: { description: 'Russian forces push into Sumy to carve out a security zone.' },
          },
        },
      },
    },
    troops: {
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
    },
    assessments: {
      description: "What others claim about Russia's intent.",
      type: 'parallel',
      states: {
        ukraineView: {
          description: "Kyiv's reading of Moscow's intent.",
          initial: 'noWarning',
          states: {
            noWarning: {
              description: "Kyiv has not warned about Russia's intent.",
              on: { 'ukraine.warnOfStalling': to('warnsOfStalling') },
            },
            warnsOfStalling: { description: "Ukraine's president warns Russia will drag out any deal." },
          },
        },
        usIntelligence: {
          description: "U.S. intelligence on Russia's war aims.",
          initial: 'noReport',
          states: {
            noReport: {
              description: "No U.S. intelligence assessment of Russia's aims is reported.",
              on: { 'us.intelligenceReport': to('maximalistGoalsReported') },
            },
            maximalistGoalsReported: { description: 'U.S. intelligence reports Russia still pursues its maximalist goals.' },
          },
        },
      },
    },
  },
});

/** The ceasefire machine's type, for typed helpers. */
export type CeasefireMachine = typeof ceasefireMachine;
