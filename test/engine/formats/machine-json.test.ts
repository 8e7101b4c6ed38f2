import { describe, expect, it } from 'vitest';
import type { AnyStateNode } from 'xstate';
import { machineToJson, type MachineJsonState } from '../../../src/engine/formats/machine-json.js';
import { EVENTS } from '../../../src/models/ceasefire-2025/events.js';
import { ceasefireMachine } from '../../../src/models/ceasefire-2025/ceasefire.machine.js';

function walk(state: MachineJsonState): MachineJsonState[] {
  return [state, ...Object.values(state.states ?? {}).flatMap(walk)];
}

describe('machine definition as JSON', () => {
  const json = machineToJson(ceasefireMachine);
  const text = JSON.stringify(json, null, 2);

  it('survives a JSON round trip unchanged and is the same on every call', () => {
    expect(JSON.parse(text)).toEqual(json);
    expect(JSON.stringify(machineToJson(ceasefireMachine), null, 2)).toBe(text);
  });

  it('holds every state of the machine with its type, description and initial child', () => {
    const states = walk(json);
    const ids = states.map((s) => s.id);
    const nodes = (node: AnyStateNode): AnyStateNode[] => [node, ...Object.values(node.states).flatMap(nodes)];
    expect(ids).toEqual(nodes(ceasefireMachine.root).map((node) => node.id));
    expect(ids.length).toBeGreaterThan(80);
    expect(json).toMatchObject({ id: 'ceasefire', type: 'parallel', context: { date: null, ukraine: 'undecided', russia: 'undecided', truceEndsOn: null } });
    for (const state of states) {
      expect(state.description, state.id).toBeTruthy();
      if (state.type === 'compound') expect(Object.keys(state.states ?? {})).toContain(state.initial);
    }
    expect(json.states!.proposal).toMatchObject({ type: 'compound', initial: 'none' });
    expect(json.states!.channel).toMatchObject({ type: 'parallel' });
  });

  it('writes guards as expressions of named guards, targets as state ids and actions by name', () => {
    const underConsideration = json.states!.proposal!.states!.underConsideration!;
    expect(underConsideration.on!['ceasefire.start']).toEqual([
      { target: ['ceasefire.proposal.inForce'], guard: 'and(isNotBackdated, bothPartiesAccepted)', actions: ['advanceCalendar', 'startTruce'] },
    ]);
    expect(underConsideration.on!['russia.accept']![0]!.guard).toBe('and(isNotBackdated, not(russiaHasAccepted))');
    const threatened = json.states!.leverage!.states!.sanctionsThreatened!;
    expect(threatened.on!['us.imposeSanctions']![0]!.guard).toBe('and(isNotBackdated, or(sanctionsWereThreatened, talksFailed), not(truceInForce))');
    // A repeated statement only moves the calendar: no target.
    expect(threatened.on!['us.pressRussia']).toEqual([{ target: [], guard: 'isNotBackdated', actions: ['advanceCalendar'] }]);
  });

  it("lists delayed transitions under `after` by delay name, without XState's internal events", () => {
    const running = json.states!.proposal!.states!.inForce!.states!.term!.states!.running!;
    expect(json.delays).toEqual({});
    expect(running.after).toEqual({ untilTruceEnds: [{ target: ['ceasefire.proposal.expired'], actions: ['expireTruce'] }] });
    expect(Object.keys(running.on!)).toEqual(['truce.extend']);
    expect(running.entry).toBeUndefined();
    expect(text).not.toContain('xstate.');
  });

  it('carries the event catalogue with its codes, and active paths only when asked', () => {
    expect(json.meta).toEqual({ events: JSON.parse(JSON.stringify(EVENTS)) });
    expect(json.active).toBeUndefined();
    expect(machineToJson(ceasefireMachine, { active: ['aid.restored'] }).active).toEqual(['aid.restored']);
  });
});
