import { describe, expect, it } from 'vitest';
import { runCli } from './_io.js';

describe('branches of the record', () => {
  it('lists march-2025 with at least eight hypothetical branches', async () => {
    const { code, stdout } = await runCli('list', '--format', 'json');
    expect(code).toBe(0);
    const march = JSON.parse(stdout).scenarios.find((s: { id: string }) => s.id === 'march-2025');
    expect(march.branches.length).toBeGreaterThanOrEqual(8);
    expect(new Set(march.branches.map((b: { expectedOutcome: string }) => b.expectedOutcome)).size).toBeGreaterThanOrEqual(5);
  });

  it('shows on each branch line the step it forks after and its first step, so branches with the same outcome differ', async () => {
    const { code, stdout } = await runCli('list');
    expect(code).toBe(0);
    const lines = stdout.split('\n').filter((line) => line.startsWith('  --branch '));
    expect(lines).toContain(
      '  --branch russia-rejects-sanctions-follow Russia rejects the proposal outright and the threatened sanctions follow → rejected (after aide-dismisses, then putin-rejects)',
    );
    const roads = lines.map((line) => line.slice(line.lastIndexOf(' → ')));
    expect(new Set(roads).size).toBe(lines.length);
    // The titles start in one column, as before.
    expect(new Set(lines.map((line) => line.search(/ [A-Z]/))).size).toBe(1);
  });

  it('runs every branch to its declared outcome with exit 0', async () => {
    const { stdout } = await runCli('list', '--format', 'json');
    const branches: Array<{ name: string; expectedOutcome: string; from: string }> = JSON.parse(stdout).scenarios[0].branches;
    for (const branch of branches) {
      const run = await runCli('run', 'march-2025', '--branch', branch.name, '--format', 'json');
      expect(run.code, branch.name).toBe(0);
      const json = JSON.parse(run.stdout);
      expect(json.branch).toBe(branch.name);
      expect(json.final.outcome).toBe(branch.expectedOutcome);
      // Everything after the fork is marked hypothetical; the record before it is not.
      const fork = json.steps.findIndex((s: { id: string }) => s.id === branch.from);
      expect(json.steps.slice(0, fork + 1).every((s: { hypothetical: boolean }) => !s.hypothetical)).toBe(true);
      expect(json.steps.slice(fork + 1).every((s: { hypothetical: boolean }) => s.hypothetical)).toBe(true);
    }
  });

  it('tables every branch with where it diverges, its outcome and verdict', async () => {
    const { code, stdout } = await runCli('run', 'march-2025', '--all-branches');
    expect(code).toBe(0);
    expect(stdout).toMatch(/│ russia-rejects-sanctions-follow +│ aide-dismisses +│ rejected +│ proposal: rejected/);
    expect(stdout).toMatch(/│ truce-collapses +│ plea-to-spare +│ truce-collapsed +│ proposal: in force: collapsed|│ truce-collapses +│ plea-to-spare +│ truce-collapsed +│ proposal: collapsed/);
    expect(stdout).toContain('Every expectation holds.');
  });

  it('prints the branches table as JSON', async () => {
    const { code, stdout } = await runCli('run', 'march-2025', '--all-branches', '--format', 'json');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.record.outcome).toBe('agreed-in-principle');
    expect(json.branches.find((b: { branch: string }) => b.branch === 'presidents-call-narrow-deal')).toMatchObject({
      divergesAt: { step: 'plea-to-spare', date: '2025-03-14' },
      outcome: 'narrower-deal',
      ok: true,
    });
  });

  it('refuses --all-branches with --branch', async () => {
    const { code, stderr } = await runCli('run', 'march-2025', '--all-branches', '--branch', 'truce-collapses');
    expect(code).toBe(2);
    expect(stderr).toBe('ceasefire: --all-branches runs every branch; it cannot be combined with --branch, --save or --stop-after\n');
  });
});

describe('ceasefire compare', () => {
  it('shows where two branches part and each track side by side', async () => {
    const { code, stdout } = await runCli('compare', 'march-2025', 'russia-rejects-sanctions-follow', 'presidents-call-narrow-deal');
    expect(code).toBe(0);
    expect(stdout).toContain("They share the record up to 'aide-dismisses' (2025-03-13); then 'putin-rejects' vs 'adviser-contacts-confirmed'.");
    expect(stdout).toMatch(/│ outcome +│ rejected +│ narrower-deal +│/);
    expect(stdout).toMatch(/│ leverage \* +│ sanctions imposed +│ sanctions threatened +│/);
  });

  it('compares a branch with the record as JSON', async () => {
    const { code, stdout } = await runCli('compare', 'march-2025', 'record', 'ukraine-withdraws-aid-paused', '--format', 'json');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.divergesAfter).toEqual({ id: 'plea-to-spare', date: '2025-03-14' });
    expect(json.tracks.find((t: { track: string }) => t.track === 'aid')).toEqual({ track: 'aid', a: ['restored'], b: ['suspended'], same: false });
  });

  it('refuses an unknown branch with exit 2', async () => {
    const { code, stderr } = await runCli('compare', 'march-2025', 'record', 'nope');
    expect(code).toBe(2);
    expect(stderr).toMatch(/^ceasefire: scenario 'march-2025' has no branch 'nope' \(branches: .+\)\n$/);
  });
});
