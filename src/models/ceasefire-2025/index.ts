import { defineModel } from '../../engine/model.js';
import { ACTORS } from './actors.js';
import { ceasefireMachine } from './ceasefire.machine.js';
import { EVENTS } from './events.js';
import { INVARIANTS } from './invariants.js';
import { OUTCOMES, RESOLVED_OUTCOMES, outcomeOf } from './outcome.js';
import { CONTEXT_FIELDS } from './positions.js';

/** Words of state keys that keep their own spelling in labels (`kremlin` → `Kremlin`). */
const PROPER_WORDS: Record<string, string> = {
  russia: 'Russia', russian: 'Russian', ukraine: 'Ukraine', ukrainian: 'Ukrainian', saudi: 'Saudi', arabia: 'Arabia',
  kremlin: 'Kremlin', moscow: 'Moscow', kursk: 'Kursk', sumy: 'Sumy', sudzha: 'Sudzha', novenke: "Noven'ke",
  us: 'U.S.', kyiv: 'Kyiv',
};

/** The March 2025 U.S. 30-day ceasefire proposal in the Russia–Ukraine war, and the tracks around it. */
export const ceasefire2025 = defineModel({
  id: 'ceasefire-2025',
  title: 'March 2025 ceasefire',
  machine: ceasefireMachine,
  events: EVENTS,
  actors: ACTORS,
  outcomes: OUTCOMES,
  outcomeOf,
  resolvedOutcomes: RESOLVED_OUTCOMES,
  invariants: INVARIANTS,
  contextFields: CONTEXT_FIELDS,
  properWords: PROPER_WORDS,
});

/** The ceasefire model's type, for typed scenarios. */
export type Ceasefire2025 = typeof ceasefire2025;
