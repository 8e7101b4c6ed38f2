import { defineModel } from '../../engine/model.js';
import { ACTORS } from './actors.js';
import { EVENTS } from './events.js';
import { INVARIANTS } from './invariants.js';
import { OUTCOMES, RESOLVED_OUTCOMES, outcomeOf } from './outcomes.js';
import { CONTEXT_FIELDS } from './rules.js';
import { truceMachine } from './truce.machine.js';

/**
 * A two-party truce negotiation, as a template to copy for another conflict:
 * a mediator proposes, each party accepts, rejects or counters, revised terms
 * are answered afresh, and a truce both accepted runs 30 days with one
 * extension, recorded violations and collapse on a confirmed one. Shares
 * nothing with the March 2025 ceasefire model.
 */
export const twoPartyTruce = defineModel({
  id: 'two-party-truce',
  title: 'Two-party truce (template)',
  machine: truceMachine,
  events: EVENTS,
  actors: ACTORS,
  outcomes: OUTCOMES,
  outcomeOf,
  resolvedOutcomes: RESOLVED_OUTCOMES,
  invariants: INVARIANTS,
  contextFields: CONTEXT_FIELDS,
  properWords: { a: 'A', b: 'B' },
});

/** The template model's type, for typed scenarios. */
export type TwoPartyTruce = typeof twoPartyTruce;
