import { ceasefireSetup, to } from '../ceasefire.setup.js';

/** What others say about Russia's intent and the talks: Kyiv's warning, the U.S. president, U.S. intelligence. */
export const assessmentsTrack = ceasefireSetup.createStateConfig({
  description: "What others say about Russia's intent and the talks.",
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
    usPresident: {
      description: "The U.S. president's reading of the talks with Moscow.",
      initial: 'noReading',
      states: {
        noReading: {
          description: 'The U.S. president has not said how the talks with Putin went.',
          on: { 'us.hailTalks': to('talksCalledProductive') },
        },
        talksCalledProductive: { description: 'The U.S. president calls the discussions with Putin very good and productive.' },
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
