import { describe, expect, it } from 'vitest';
import type { AnyStateNode } from 'xstate';
import { ceasefireMachine } from '../../../src/models/ceasefire-2025/ceasefire.machine.js';
import { EVENTS, EVENT_TYPES, type EventInfo } from '../../../src/models/ceasefire-2025/events.js';

/** PLOVER's sixteen event types (../shared/EVENT-CODES.md, the PLOVER manual). */
const PLOVER_EVENTS = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
];

/**
 * The modes EVENT-CODES.md lists ("Modes we need"), plus COERCE/seize from
 * its starting map (marked as our choice). An event type without a mode is
 * fine; a mode outside these lists is a coding error.
 */
const MODES: Record<string, readonly string[]> = {
  CONSULT: ['visit', 'third-party', 'multilateral', 'phone'],
  RETREAT: ['withdraw', 'release', 'disarm', 'ceasefire'],
  REQUEST: ['assist', 'change', 'yield', 'meet'],
  REJECT: ['assist', 'change', 'yield', 'meet'],
  THREATEN: ['restrict', 'relations', 'territory', 'violence'],
  SANCTION: ['discontinue', 'withdraw'],
  ASSAULT: ['aerial', 'drone', 'heavy-weapons'],
  COERCE: ['seize'],
};

/** Contexts from the PLOVER manual's list of general contexts. */
const PLOVER_CONTEXTS = ['military', 'intelligence', 'executive', 'economic', 'diplomatic', 'territory', 'peacekeeping', 'human_security'];

/** Every event type some state of the machine reacts to (delayed transitions are XState's own). */
function machineEventTypes(node: AnyStateNode): string[] {
  return [...node.transitions.keys(), ...Object.values(node.states).flatMap(machineEventTypes)].filter((t) => !t.startsWith('xstate.'));
}

const codesOf = (type: string): Partial<EventInfo> | undefined => (EVENTS as Record<string, EventInfo>)[type];

describe('event coding', () => {
  it('gives every event type the machine understands its PLOVER and CAMEO codes, a context and a recipient', () => {
    const types = [...new Set(machineEventTypes(ceasefireMachine.root))];
    expect(types.length).toBeGreaterThan(40);
    for (const type of types) {
      const codes = codesOf(type);
      expect(codes, `${type} has no entry in EVENTS`).toBeDefined();
      expect(codes, `${type} lacks a PLOVER event (null for an uncoded statement)`).toHaveProperty('plover');
      expect(codes?.cameo, `${type} lacks a CAMEO code`).toMatch(/^\d{3,4}$/);
      expect(codes?.context, `${type} lacks a PLOVER context`).toBeTypeOf('string');
      expect(codes, `${type} lacks a recipient (null when there is none)`).toHaveProperty('recipient');
    }
  });

  it('carries the same catalogue in the machine, so exports and the viewer read it from there', () => {
    expect(ceasefireMachine.root.meta).toEqual({ events: EVENTS });
    expect(new Set(machineEventTypes(ceasefireMachine.root))).toEqual(new Set(EVENT_TYPES));
  });

  it('uses only the sixteen PLOVER event types and, for each, the modes EVENT-CODES.md lists', () => {
    for (const type of EVENT_TYPES) {
      const { plover, mode } = EVENTS[type] as EventInfo;
      if (plover === null) {
        expect(mode, `${type}: an uncoded statement has no mode`).toBeUndefined();
        continue;
      }
      expect(PLOVER_EVENTS, type).toContain(plover);
      if (mode !== undefined) expect(MODES[plover] ?? [], `${type}: ${plover}/${mode}`).toContain(mode);
    }
  });

  it('codes CAMEO as 2–4 digit strings that keep their leading zeros, under the right PLOVER root', () => {
    for (const type of EVENT_TYPES) {
      const { cameo, plover } = EVENTS[type] as EventInfo;
      expect(cameo, type).toMatch(/^(0[1-9]\d{1,2}|1\d{2,3}|20\d{0,2})$/);
      // CAMEO 01 (statements) has no PLOVER event; everything else does.
      expect(plover === null, type).toBe(cameo.startsWith('01'));
    }
  });

  it('picks contexts from the PLOVER manual and recipients among the parties', () => {
    for (const type of EVENT_TYPES) {
      const { context, recipient, actor } = EVENTS[type] as EventInfo;
      expect(PLOVER_CONTEXTS, type).toContain(context);
      expect([null, 'USA', 'UKR', 'RUS'], type).toContain(recipient);
      expect([undefined, 'USA', 'UKR', 'RUS'], type).toContain(actor);
    }
  });

  it('follows the PLOVER manual where its 2021 conversion table disagrees, and says so', () => {
    // Declared ceasefire: CONCEDE (manual), not the table's RETREAT/ceasefire; implemented: RETREAT/ceasefire.
    expect(EVENTS['russia.accept']).toMatchObject({ plover: 'CONCEDE', cameo: '0871' });
    expect(EVENTS['ceasefire.start']).toMatchObject({ plover: 'RETREAT', mode: 'ceasefire' });
    // International sanctions: SANCTION/discontinue (manual), not COERCE/restrict.
    expect(EVENTS['us.imposeSanctions']).toMatchObject({ plover: 'SANCTION', mode: 'discontinue', cameo: '163' });
    // Aircraft: the manual's aerial mode, not the table's heavy-weapons for CAMEO 195.
    expect(EVENTS['russia.bombardKursk']).toMatchObject({ plover: 'ASSAULT', mode: 'aerial', cameo: '195' });
    // A third party asking for an end to fighting is REQUEST; a warring party offering it is AGREE.
    expect(EVENTS['proposal.table']).toMatchObject({ plover: 'REQUEST', mode: 'yield' });
    expect(EVENTS['ukraine.endorse']).toMatchObject({ plover: 'AGREE' });
    for (const type of ['russia.accept', 'us.imposeSanctions', 'russia.bombardKursk', 'ukraine.reportManeuver'] as const) {
      expect((EVENTS[type] as EventInfo).note, type).toMatch(/2021 table/);
    }
  });
});
