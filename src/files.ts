// File formats (YAML/JSON scenarios, saved runs, assumptions): a separate entry so `ceasefire-lab` itself loads without zod and yaml.
export { parseScenarioFile, parseStepsFile, type ResolveScenario } from './engine/parse.js';
export { scenarioFileSchema, scenarioJsonSchema, type ScenarioFile } from './engine/schema.js';
export { parseSavedRun, toSavedRun, SAVED_RUN_FORMAT, type SavedRun } from './engine/persist.js';
export { assumptionsFrom, defaultAssumptions, withEventRate, DEFAULT_MEAN_DAYS, type Assumptions, type RateSource } from './engine/assumptions.js';
