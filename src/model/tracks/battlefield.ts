import { and } from 'xstate';
import { ceasefireSetup, to } from '../ceasefire.setup.js';

/**
 * A claim's life: made by one party, then (hypothetically) assessed by an
 * independent third party or confirmed by the side that lost the ground.
 */
const claimRegion = <C extends string, A extends string, F extends string>(
  description: string,
  claim: { event: C; description: string },
  assess: { event: A; description: string },
  confirm: { event: F; description: string },
  prefix: string,
) => {
  const claimed = `${prefix}Claimed`;
  const assessed = `${prefix}Assessed`;
  const confirmed = `${prefix}Confirmed`;
  return {
    description,
    initial: 'noClaim',
    states: {
      noClaim: { description: 'No claim has been made.', on: { [claim.event]: to(claimed) } },
      [claimed]: {
        description: claim.description,
        on: { [assess.event]: to(assessed), [confirm.event]: to(confirmed) },
      },
      [assessed]: { description: assess.description, on: { [confirm.event]: to(confirmed) } },
      [confirmed]: { description: confirm.description },
    },
  } as const;
};

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
          on: { 'russia.expelFromKursk': to('expelled') },
        },
        expelled: { description: 'Ukrainian forces have been driven out of the Kursk region.' },
      },
    },
    settlements: claimRegion(
      'Settlements in Kursk Russia says it recaptured.',
      { event: 'russia.claimSettlements', description: 'The Russian Defense Ministry claims it recaptured 28 settlements in Kursk.' },
      { event: 'isw.assessSettlements', description: 'An independent assessment backs the claimed recapture of the settlements.' },
      { event: 'ukraine.confirmSettlementsLost', description: 'Ukraine confirms it lost the settlements.' },
      'recapture',
    ),
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
            destructionClaimed: { description: "Ukraine's commander says Russian strikes have almost completely destroyed Sudzha." },
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
      type: 'parallel',
      states: {
        novenke: claimRegion(
          "The village of Noven'ke in Sumy.",
          { event: 'russia.claimNovenke', description: "The Russian Defense Ministry claims control of the village of Noven'ke." },
          { event: 'isw.assessNovenke', description: "An independent assessment backs Russia's claim to Noven'ke." },
          { event: 'ukraine.confirmNovenkeLost', description: "Ukraine confirms it lost Noven'ke." },
          'capture',
        ),
        push: {
          description: "A Russian push into Sumy for the 'security zone'.",
          initial: 'none',
          states: {
            none: {
              description: 'No Russian push into Sumy is reported.',
              on: { 'russia.pushIntoSumy': { target: 'underway', guard: and(['isNotBackdated', 'securityZoneWasFloated']), actions: 'advanceCalendar' } },
            },
            underway: { description: 'Russian forces push into Sumy to carve out a security zone.' },
          },
        },
      },
    },
  },
});
