import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './_io.js';

/** A what-if file that continues the record: Russia rejects on Friday. */
const FRIDAY = `id: russia-rejects-on-friday
title: What if Russia had rejected the proposal on Friday?
extends: march-2025
from: plea-to-spare
expectedOutcome: rejected
steps:
  - id: putin-rejects
    date: 2025-03-15
    actor: putin
    event: russia.reject
`;

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

  it('compares a scenario file with a shipped branch, and a file with itself as JSON naming each scenario', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'compare-')), 'friday.yaml');
    writeFileSync(file, FRIDAY);
    const { code, stdout } = await runCli('compare', 'march-2025#truce-collapses', file);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe(`Two runs: march-2025#truce-collapses vs ${file}`);
    expect(stdout).toContain("They share the record up to 'plea-to-spare' (2025-03-14); then 'terms-talks-open' vs 'putin-rejects'.");
    expect(stdout).toMatch(/│ outcome +│ truce-collapsed +│ rejected +│/);
    const json = JSON.parse((await runCli('compare', `${file}#record`, 'march-2025', '--format', 'json')).stdout);
    expect(json.a).toMatchObject({ scenario: 'russia-rejects-on-friday', outcome: 'rejected' });
    expect(json.b).toMatchObject({ scenario: 'march-2025', outcome: 'agreed-in-principle' });
    expect(json.divergesAfter).toEqual({ id: 'plea-to-spare', date: '2025-03-14' });
  });

  it.each([
    [['march-2025'], "ceasefire: compare: give two runs (<scenario>[#<branch>] each) or a scenario and two of its branches, not 1 argument\n"],
    [['march-2025#', 'march-2025'], "ceasefire: compare: 'march-2025#' is not a run (write <scenario>[#<branch>], e.g. march-2025#truce-collapses)\n"],
    [['march-2025#nope', 'march-2025'], /^ceasefire: scenario 'march-2025' has no branch 'nope' \(branches: .+\)\n$/],
  ])('refuses %j with one line and exit 2', async (args, message) => {
    const { code, stdout, stderr } = await runCli('compare', ...args);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    if (typeof message === 'string') expect(stderr).toBe(message);
    else expect(stderr).toMatch(message);
  });

  it('refuses an unknown branch with exit 2', async () => {
    const { code, stderr } = await runCli('compare', 'march-2025', 'record', 'nope');
    expect(code).toBe(2);
    expect(stderr).toMatch(/^ceasefire: scenario 'march-2025' has no branch 'nope' \(branches: .+\)\n$/);
  });
});
