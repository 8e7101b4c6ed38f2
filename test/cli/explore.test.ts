import { mkdtempSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './_io.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'node_modules', '.bin', 'ceasefire');

describe('ceasefire explore', () => {
  it('reports states, outcomes with their shortest roads, and holds every invariant', async () => {
    const { code, stdout, stderr } = await runCli('explore', '--format', 'json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.start).toEqual({ scenario: 'march-2025', branch: null, step: 'plea-to-spare', date: '2025-03-14' });
    // The answers read five tracks; the twenty others are left out and the full product is computed, not explored.
    expect(result.reduction.tracks).toEqual(['proposal', 'positions.ukraine', 'positions.russia', 'channel.leaders', 'leverage']);
    expect(result.reduction.leftOut).toHaveLength(20);
    expect(result.reduction.fullProduct).toBe(784_796_221_440);
    expect(result.states).toBe(98);
    expect(result.invariants.every((i: { ok: boolean }) => i.ok)).toBe(true);
    const inForce = result.outcomes.find((o: { outcome: string }) => o.outcome === 'ceasefire-in-force');
    expect(inForce.shortest.map((s: { type: string }) => s.type)).toEqual(['russia.accept', 'ceasefire.start']);
  }, 180_000);

  it('gives the same answers with --full, which explores every track', async () => {
    const reduced = JSON.parse((await runCli('explore', '--format', 'json')).stdout);
    const { code, stdout } = await runCli('explore', '--full', '--format', 'json');
    expect(code).toBe(0);
    const full = JSON.parse(stdout);
    expect(full.states).toBe(42_336);
    expect(full.reduction.leftOut).toEqual([]);
    const answers = (r: { outcomes: Array<{ outcome: string; shortest: unknown[] }>; invariants: unknown[] }) => ({
      outcomes: r.outcomes.map((o) => [o.outcome, o.shortest.length]),
      invariants: r.invariants,
    });
    expect(answers(full)).toEqual(answers(reduced));
  }, 180_000);

  it('prints a table of outcomes and the invariants in text', async () => {
    const { stdout } = await runCli('explore', '--from', 'march-2025@putin-yes-but', '--max-depth', '2');
    expect(stdout).toMatch(/^Explored from march-2025 after 'putin-yes-but' \(2025-03-13\): [\d,]+ states, [\d,]+ transitions \(depth ≤ 2;/);
    expect(stdout).toContain('✓ ceasefireNeedsBothParties');
  });

  it('prints the same bytes on every run', async () => {
    const first = await runCli('explore', '--branch', 'truce-collapses', '--format', 'json');
    const second = await runCli('explore', '--branch', 'truce-collapses', '--format', 'json');
    expect(first.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
  });

  it('refuses an unknown start step with exit 2', async () => {
    const { code, stderr } = await runCli('explore', '--from', 'march-2025@nowhere');
    expect(code).toBe(2);
    expect(stderr).toBe("ceasefire: --stop-after: no step 'nowhere' in scenario 'march-2025'\n");
  });
});

describe('ceasefire paths', () => {
  it('lists the K shortest roads to an outcome', async () => {
    const { code, stdout } = await runCli('paths', '--to', 'ceasefire-in-force', '--max', '2');
    expect(code).toBe(0);
    expect(stdout).toContain("The 2 shortest road(s) from march-2025 after 'plea-to-spare' (2025-03-14) to outcome ceasefire-in-force:");
    expect(stdout).toContain('  1. (2 events) russia.accept → ceasefire.start');
  });

  it('reaches a state given by its path', async () => {
    const { code, stdout } = await runCli('paths', '--to', 'leverage.sanctionsImposed', '--max', '1', '--format', 'json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).paths).toEqual([[{ type: 'us.imposeSanctions', date: '2025-03-14' }]]);
  });

  it('exits 1 when nothing reaches the target, and 2 for an unknown target', async () => {
    const none = await runCli('paths', '--to', 'no-proposal');
    expect(none.code).toBe(1);
    expect(none.stdout).toContain('No road from');
    const bad = await runCli('paths', '--to', 'peace');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^ceasefire: --to: 'peace' is neither an outcome/);
  });
});

describe('ceasefire simulate', () => {
  it('prints the same output for the same seed', async () => {
    const a = await runCli('simulate', '--runs', '20000', '--seed', '9', '--format', 'json');
    const b = await runCli('simulate', '--runs', '20000', '--seed', '9', '--format', 'json');
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const result = JSON.parse(a.stdout);
    expect(result.outcomes.reduce((n: number, o: { count: number }) => n + o.count, 0)).toBe(20000);
  });

  it('takes analyst weights from a YAML file and refuses an unknown event in it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'weights-'));
    writeFileSync(join(dir, 'w.yaml'), 'weights:\n  russia.reject: 0\n  proposal.lapse: 0\n');
    const { code, stdout } = await runCli('simulate', '--runs', '5000', '--weights', join(dir, 'w.yaml'), '--format', 'json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).outcomes.map((o: { outcome: string }) => o.outcome)).not.toContain('rejected');
    writeFileSync(join(dir, 'bad.yaml'), 'weights:\n  russia.refuse: 2\n');
    const bad = await runCli('simulate', '--runs', '5000', '--weights', join(dir, 'bad.yaml'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(`ceasefire: ${join(dir, 'bad.yaml')}: field 'weights.russia.refuse': unknown event type 'russia.refuse' (use an event type, 'after' for delayed transitions, or 'default')\n`);
  });

  it('gives byte-identical output on one worker thread and on two', () => {
    const run = (workers: string) => spawnSync(bin, ['simulate', '--runs', '200000', '--seed', '5', '--workers', workers], { cwd: root, encoding: 'utf8' });
    const one = run('1');
    const two = run('2');
    expect(one.status).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stdout).toContain('200,000 futures from march-2025');
  });
});

describe('ceasefire explore --full at the memory limit', () => {
  it('stops in one line, exit 2, saying how far it got and how to go further', async () => {
    const { code, stdout, stderr } = await runCli('explore', '--full', '--from', 'march-2025@kursk-incursion', '--max-memory', '0.02');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^ceasefire: explore: stopped at [\d,]+ states after \d+ s: the graph filled its memory budget of 20 MB; allow more with --max-memory <GB>, start later with --from <scenario>@<step>, or leave out --full so that only the tracks the answers read are explored\n$/);
  }, 180_000);

  it('refuses a --max-memory that is not a positive number of gigabytes', async () => {
    const { code, stderr } = await runCli('explore', '--max-memory', 'lots');
    expect(code).toBe(2);
    expect(stderr).toBe("ceasefire: --max-memory: expected a number of gigabytes above 0, got 'lots'\n");
  });
});
