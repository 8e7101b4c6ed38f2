import { ceasefireSetup, to } from '../ceasefire.setup.js';

/** What others claim about Russia's intent: Kyiv's warning and U.S. intelligence. */
export const assessmentsTrack = ceasefireSetup.createStateConfig({
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
});
