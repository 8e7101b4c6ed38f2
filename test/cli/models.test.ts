import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './_io.js';
import { serveView } from './_serve.js';

const dir = mkdtempSync(join(tmpdir(), 'ceasefire-models-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A what-if file, with `model:` first when given. */
function whatIf(name: string, model?: string): string {
  const file = join(dir, name);
  const lines = [
    ...(model === undefined ? [] : [`model: ${model}`]),
    'id: russia-rejects-on-friday',
    'title: What if Russia had rejected the proposal on Friday?',
    'extends: march-2025',
    'from: plea-to-spare',
    'expectedOutcome: rejected',
    'steps:',
    '  - { id: putin-rejects, date: 2025-03-15, actor: putin, event: russia.reject }',
  ];
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('ceasefire models', () => {
  it('lists the shipped models by id with their titles, the default marked', async () => {
    const { code, stdout, stderr } = await runCli('models');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe('ceasefire-2025   March 2025 ceasefire (default)\ntwo-party-truce  Two-party truce (template)\n');
  });

  it('lists them as JSON', async () => {
    const { code, stdout } = await runCli('models', '--format', 'json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      models: [
        { id: 'ceasefire-2025', title: 'March 2025 ceasefire', default: true },
        { id: 'two-party-truce', title: 'Two-party truce (template)', default: false },
      ],
    });
  });
});

describe('--model', () => {
  it('runs a command on the named model, as the default does', async () => {
    for (const argv of [
      ['run', 'march-2025'],
      ['run', 'march-2025', '--all-branches'],
      ['compare', 'march-2025', 'record', 'truce-collapses'],
      ['export', 'csv', 'march-2025'],
      ['diagram', '--format', 'dot'],
      ['schema'],
    ]) {
      const plain = await runCli(...argv);
      const named = await runCli(...argv, '--model', 'ceasefire-2025');
      expect(named, argv.join(' ')).toEqual(plain);
      expect(named.code, argv.join(' ')).toBe(0);
    }
  });

  it('refuses an unknown model in one line, naming the known ones', async () => {
    for (const argv of [
      ['run', 'march-2025'],
      ['schema'],
      ['paths', '--to', 'ceasefire-in-force'],
      ['simulate', '--runs', '10'],
      ['diagram'],
    ]) {
      const { code, stdout, stderr } = await runCli(...argv, '--model', 'ceasefire-2031');
      expect(code, argv.join(' ')).toBe(2);
      expect(stdout, argv.join(' ')).toBe('');
      expect(stderr, argv.join(' ')).toBe("ceasefire: --model: unknown model 'ceasefire-2031'; did you mean 'ceasefire-2025'? (known: ceasefire-2025, two-party-truce)\n");
    }
  });
});

describe('the two-party truce template', () => {
  it('lists its example scenario under its model, and only it with --model', async () => {
    const { stdout } = await runCli('list', '--model', 'two-party-truce');
    expect(stdout).toBe('two-party-truce-example  Example (hypothetical): a truce countered, agreed, extended and run out (9 steps, model two-party-truce)\n  branches: none\n');
    expect((await runCli('list', '--model', 'ceasefire-2025')).stdout).not.toContain('two-party-truce');
  });

  it('replays its example to the truce running out on the day the extension set', async () => {
    const { code, stdout } = await runCli('run', 'two-party-truce-example', '--format', 'json');
    expect(code).toBe(0);
    const run = JSON.parse(stdout);
    expect(run.final).toMatchObject({ outcome: 'truce-expired', state: { process: 'expired', answers: { partyA: 'accepted', partyB: 'accepted' } } });
    expect(run.steps.at(-1)).toMatchObject({ kind: 'timer', date: '2026-03-16' });
  });

  it('answers every command on its example: compare, explore, paths, simulate, exports, view served and exported', async () => {
    const ok = async (...argv: string[]) => {
      const result = await runCli(...argv);
      expect({ code: result.code, stderr: result.stderr }, argv.join(' ')).toEqual({ code: 0, stderr: '' });
      return result.stdout;
    };
    expect(await ok('compare', 'two-party-truce-example#record', 'two-party-truce-example#record')).toContain('│ process      │ expired');
    const explored = JSON.parse(await ok('explore', '--model', 'two-party-truce', '--from', 'two-party-truce-example@terms-revised', '--format', 'json'));
    expect(explored.invariants.map((i: { ok: boolean }) => i.ok)).toEqual([true, true, true, true]);
    expect(explored.states).toBeGreaterThan(10);
    expect(await ok('paths', '--model', 'two-party-truce', '--to', 'truce-collapsed', '--from', 'two-party-truce-example@terms-revised')).toContain(
      '1. (5 events) partyA.accept → partyB.accept → truce.start → truce.violate → truce.confirmViolation',
    );
    const odds = JSON.parse(await ok('simulate', '--model', 'two-party-truce', '--from', 'two-party-truce-example@proposed', '--runs', '2000', '--seed', '1', '--format', 'json'));
    expect(odds.outcomes.map((o: { outcome: string }) => o.outcome).sort()).toEqual(['rejected', 'truce-collapsed', 'truce-expired', 'withdrawn']);
    expect(await ok('export', 'plover', 'two-party-truce-example')).toContain('"event":"AGREE"');
    expect((await ok('export', 'csv', 'two-party-truce-example')).split('\r\n')[1]).toMatch(/^proposed,2026-01-05,/);
    const dir = mkdtempSync(join(tmpdir(), 'view-truce-'));
    expect(await ok('view', 'two-party-truce-example', '--export', join(dir, 'site'))).toContain(join(dir, 'site'));
    const data = readFileSync(join(dir, 'site', 'data.js'), 'utf8');
    expect(data).toContain('"id":"process.inForce.violations.reported"');
    expect(data).not.toContain('"id":"positions"');
    expect(data).not.toContain('march-2025');
    const served = await serveView('two-party-truce-example');
    try {
      const page = await (await fetch(new URL('/data.js', served.url))).text();
      expect(page).toContain('"id":"process.inForce.violations.reported"');
      expect(page).not.toContain('march-2025');
    } finally {
      expect(await served.stop()).toBe(0);
    }
  }, 60_000);

  it('names its own events and outcomes in the schema and the diagram, none of the ceasefire', async () => {
    const schema = (await runCli('schema', '--model', 'two-party-truce')).stdout;
    expect(schema).toContain('partyA.counter');
    expect(schema).not.toContain('russia.reject');
    const diagram = await runCli('diagram', '--model', 'two-party-truce');
    expect(diagram.code).toBe(0);
    expect(diagram.stdout).toContain('truce_process_inForce_violations_reported');
  });
});

describe('a scenario file names its model', () => {
  it('runs with `model:` as it runs without it', async () => {
    const plain = await runCli('run', whatIf('plain.yaml'));
    const named = await runCli('run', whatIf('named.yaml', 'ceasefire-2025'));
    expect(named.code).toBe(0);
    expect(named.stdout.replace(/named\.yaml/g, 'plain.yaml')).toBe(plain.stdout.replace(/named\.yaml/g, 'plain.yaml'));
    expect((await runCli('run', whatIf('both.yaml', 'ceasefire-2025'), '--model', 'ceasefire-2025')).code).toBe(0);
  });

  it('refuses an unknown model at its line and column, naming the known ones', async () => {
    const file = whatIf('unknown.yaml', 'ceasefire-2031');
    const { code, stdout, stderr } = await runCli('run', file);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`ceasefire: ${file}:1:8: scenario: field 'model': unknown model 'ceasefire-2031'; did you mean 'ceasefire-2025'? (known: ceasefire-2025, two-party-truce); or a path to a model module\n`);
  });

  it('refuses a model that is not an id', async () => {
    const file = join(dir, 'list.yaml');
    writeFileSync(file, 'model: [a, b]\nid: x\ntitle: t\nsteps: []\n');
    const { code, stderr } = await runCli('run', file);
    expect(code).toBe(2);
    expect(stderr).toBe(`ceasefire: ${file}:1:8: scenario: field 'model': expected a model id, got ["a","b"]\n`);
  });
});
