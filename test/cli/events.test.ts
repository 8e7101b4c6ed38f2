import { describe, expect, it } from 'vitest';
import { runCli } from './_io.js';

describe('ceasefire events', () => {
  it("lists the default model's event types with who sends them and their codes, its actors, states and outcomes", async () => {
    const { code, stdout, stderr } = await runCli('events');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout.split('\n')[0]).toBe('ceasefire-2025  March 2025 ceasefire');
    expect(stdout).toMatch(/\n {2}russia\.declineComment +The Kremlin declines to comment on the proposal\.\n +by any actor · CAMEO 011 · no PLOVER event \(diplomatic\)\n/);
    expect(stdout).toMatch(/\n {2}putin +Vladimir Putin — /);
    expect(stdout).toMatch(/\n {4}encirclement +Whether the troops are encircled/);
    expect(stdout).toMatch(/\n {2}rejected \* +Russia rejected the proposal outright\.\n/);
  });

  it("lists another model's catalogue with --model, and none of the ceasefire's", async () => {
    const { code, stdout } = await runCli('events', '--model', 'two-party-truce');
    expect(code).toBe(0);
    expect(stdout).toContain('  partyA.counter          Party A answers with conditions: a counter-proposal.\n                          by party-a · CAMEO 1042 · PLOVER REQUEST/change (diplomatic)\n');
    expect(stdout).toContain('      violations  Violations reported during the truce.\n');
    expect(stdout).not.toMatch(/russia|Kursk/i);
  });

  it('gives the same catalogue as JSON for scripts', async () => {
    const json = JSON.parse((await runCli('events', '--model', 'two-party-truce', '--format', 'json')).stdout);
    expect(json.model).toEqual({ id: 'two-party-truce', title: 'Two-party truce (template)' });
    expect(json.events).toHaveLength(13);
    expect(json.events[0]).toMatchObject({ type: 'mediator.propose', senders: ['mediator'], cameo: '0256', plover: 'REQUEST', mode: 'yield' });
    expect(json.tracks.map((t: { key: string }) => t.key)).toEqual(['process', 'answers']);
    expect(json.outcomes.filter((o: { resolved: boolean }) => o.resolved).map((o: { name: string }) => o.name)).toEqual(['truce-expired', 'truce-collapsed', 'rejected', 'withdrawn']);
  });

  it('refuses an unknown model in one line', async () => {
    const { code, stdout, stderr } = await runCli('events', '--model', 'nope');
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: "ceasefire: --model: unknown model 'nope' (known: ceasefire-2025, two-party-truce)\n" });
  });
});
