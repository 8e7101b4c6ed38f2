import { ceasefireSetup, to, stay } from '../ceasefire.setup.js';

/** The battlefield in Kursk and on the Sumy border, Sudzha's fate kept as separate claims. */
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
});
