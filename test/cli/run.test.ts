import { describe, expect, it } from 'vitest';
import { runCli } from './_io.js';

describe('ceasefire run', () => {
  it('prints the record as JSON with the contract fields and exits 0', async () => {
    const { code, stdout, stderr } = await runCli('run', 'march-2025', '--format', 'json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const run = JSON.parse(stdout);
    expect(run).toMatchObject({ scenario: 'march-2025', branch: null, final: { outcome: 'agreed-in-principle' } });
    for (const step of run.steps) {
      expect(step.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(typeof step.event.type).toBe('string');
      expect(typeof step.actor).toBe('string');
      expect(['claimed', 'reported', 'assessed', 'confirmed']).toContain(step.verification);
      expect(step.sources.length).toBeGreaterThan(0);
      for (const source of step.sources) expect(Object.keys(source).sort()).toEqual(['article', 'quote']);
      expect(step.state).toHaveProperty('proposal');
    }
    expect(run.final.state).toHaveProperty('battlefield');
  });

  it('prints a timeline table, the final state per track and the outcome', async () => {
    const { code, stdout } = await runCli('run', 'march-2025');
    expect(code).toBe(0);
    expect(stdout).toContain('│ Date');
    expect(stdout).toContain('In their words');
    expect(stdout).toMatch(/2025-03-13 +│ Vladimir Putin/);
    expect(stdout).toContain('  proposal     under consideration: agreed in principle');
    expect(stdout).toContain('  aid          restored');
    expect(stdout).toContain("Sumy: Noven'ke capture claimed");
    expect(stdout).toContain('Outcome: agreed-in-principle');
    expect(stdout).toMatch(/Expectations:\n {2}all \d+ hold/);
  });

  it('refuses an unknown scenario with one line and exit 2', async () => {
    const { code, stdout, stderr } = await runCli('run', 'april-2025');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe("ceasefire: unknown scenario 'april-2025' (known: march-2025, two-party-truce-example)\n");
  });

  it('refuses an unknown branch with exit 2', async () => {
    const { code, stderr } = await runCli('run', 'march-2025', '--branch', 'no-such-road');
    expect(code).toBe(2);
    expect(stderr).toMatch(/^ceasefire: scenario 'march-2025' has no branch 'no-such-road'/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses an unknown format with exit 2', async () => {
    const { code, stderr } = await runCli('run', 'march-2025', '--format', 'xml');
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain("'xml' is invalid");
  });
});

describe('ceasefire list', () => {
  it('lists the shipped scenarios as JSON', async () => {
    const { code, stdout } = await runCli('list', '--format', 'json');
    expect(code).toBe(0);
    const { scenarios } = JSON.parse(stdout);
    expect(scenarios.map((s: { id: string }) => s.id)).toContain('march-2025');
  });
});
