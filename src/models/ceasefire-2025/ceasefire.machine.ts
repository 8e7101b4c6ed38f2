import { ceasefireSetup } from './ceasefire.setup.js';
import { EVENTS } from './events.js';
import { INITIAL_CONTEXT } from './positions.js';
import { proposalTrack } from './tracks/proposal.js';
import { positionsTrack } from './tracks/positions.js';
import { aidTrack } from './tracks/aid.js';
import { channelTrack } from './tracks/channel.js';
import { leverageTrack } from './tracks/leverage.js';
import { battlefieldTrack } from './tracks/battlefield.js';
import { troopsTrack } from './tracks/troops.js';
import { assessmentsTrack } from './tracks/assessments.js';

/**
 * The March 2025 ceasefire process as one statechart: eight tracks that move
 * independently (parallel regions), each state and event described. Each
 * track is its own file in `tracks/`; the guards and actions are in
 * `ceasefire.setup.ts`.
 */
export const ceasefireMachine = ceasefireSetup.createMachine({
  id: 'ceasefire',
  type: 'parallel',
  description: 'The U.S. 30-day ceasefire proposal of March 2025 and the tracks around it.',
  context: INITIAL_CONTEXT,
  meta: { events: EVENTS },
  states: {
    proposal: proposalTrack,
    positions: positionsTrack,
    aid: aidTrack,
    channel: channelTrack,
    leverage: leverageTrack,
    battlefield: battlefieldTrack,
    troops: troopsTrack,
    assessments: assessmentsTrack,
  },
});

/** The ceasefire machine's type, for typed helpers. */
export type CeasefireMachine = typeof ceasefireMachine;
