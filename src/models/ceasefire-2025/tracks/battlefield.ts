import { and } from 'xstate';
import { ceasefireSetup, to } from '../ceasefire.setup.js';

/** A push into Sumy, taken only once the Russian president has floated a security zone. */
const pushIntoSumy = { target: 'pushIntoSumy', guard: and(['isNotBackdated', 'securityZoneWasFloated']), actions: 'advanceCalendar' } as const;

/** The battlefield in Kursk and on the Sumy border: each Russian claim kept as a claim until assessed or confirmed. */
export const battlefieldTrack = ceasefireSetup.createStateConfig({
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
          on: { 'russia.claimSettlements': to('recaptureClaimed'), 'russia.expelFromKursk': to('expelled') },
        },
        // A claim stays a claim until a transition of its own: an independent assessment.
        recaptureClaimed: {
          description: 'The Russian Defense Ministry claims it recaptured 28 settlements in Kursk; not independently verified.',
          on: { 'isw.assessSettlements': to('recaptureAssessed'), 'russia.expelFromKursk': to('expelled') },
        },
        recaptureAssessed: {
          description: 'An independent assessment backs the claimed recapture of the settlements.',
          on: { 'russia.expelFromKursk': to('expelled') },
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
              on: { 'russia.bombardKursk': to('destructionClaimed') },
            },
            // No assessment event: the town's control is assessed in thirdParty; one here would double the explored states.
            destructionClaimed: { description: "Ukraine's commander says Russian strikes have almost completely destroyed Sudzha; not independently verified." },
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
              on: { 'ukraine.reportManeuver': to('maneuveringClaimed'), 'ukraine.confirmWithdrawal': to('withdrawalConfirmed') },
            },
            maneuveringClaimed: {
              description: "Ukraine's commander says troops are maneuvering to more advantageous lines; his own account.",
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
      description: "Ukraine's Sumy region across the border.",
      initial: 'quiet',
      states: {
        quiet: {
          description: 'No Russian capture in Sumy is claimed.',
          on: { 'russia.claimNovenke': to('novenkeCaptureClaimed'), 'russia.pushIntoSumy': pushIntoSumy },
        },
        novenkeCaptureClaimed: {
          description: "The Russian Defense Ministry claims control of the village of Noven'ke; not independently verified.",
          on: { 'isw.assessNovenke': to('novenkeCaptureAssessed'), 'russia.pushIntoSumy': pushIntoSumy },
        },
        novenkeCaptureAssessed: {
          description: "An independent assessment backs Russia's claim to Noven'ke.",
          on: { 'russia.pushIntoSumy': pushIntoSumy },
        },
        pushIntoSumy: { description: "Russian forces push into Sumy to carve out the 'security zone' Putin floated." },
      },
    },
  },
});
