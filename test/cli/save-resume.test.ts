import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './_io.js';

const dir = () => mkdtempSync(join(tmpdir(), 'saved-'));

describe('run --save and resume', () => {
  it('resumes a paused branch with its truce expiry pending and prints what a straight run prints', async () => {
    const saved = join(dir(), 'truce.json');
    const paused = await runCli('run', 'march-2025', '--branch', 'russia-accepts-truce-expires', '--stop-after', 'truce-starts', '--save', saved, '--format', 'json');
    expect(paused.code).toBe(0);
    expect(JSON.parse(paused.stdout).final.pendingTimers).toMatchObject([{ due: '2025-04-15' }]);
    const resumed = await runCli('resume', saved, '--format', 'json');
    const straight = await runCli('run', 'march-2025', '--branch', 'russia-accepts-truce-expires', '--format', 'json');
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toBe(straight.stdout);
    expect(JSON.parse(resumed.stdout).final.outcome).toBe('truce-expired');
  });

  it('continues a saved run with further steps from a file and a later --until', async () => {
    const folder = dir();
    const saved = join(folder, 'record.json');
    await runCli('run', 'march-2025', '--save', saved);
    writeFileSync(
      join(folder, 'more.yaml'),
      ['steps:', '  - { id: accept, date: 2025-03-20, actor: putin, event: russia.accept }', '  - { id: start, date: 2025-03-21, actor: russia, event: ceasefire.start }', ''].join('\n'),
    );
    const { code, stdout } = await runCli('resume', saved, '--steps', join(folder, 'more.yaml'), '--until', '2025-04-25', '--format', 'json');
    expect(code).toBe(0);
    const run = JSON.parse(stdout);
    expect(run.steps.slice(-3).map((s: { id: string }) => s.id)).toEqual(['accept', 'start', 'timer-2025-04-20']);
    expect(run.final).toMatchObject({ outcome: 'truce-expired', date: '2025-04-25' });
  });

  it('never leaves a half-written file when the run fails on bad input', async () => {
    const folder = dir();
    const saved = join(folder, 'run.json');
    writeFileSync(saved, 'an earlier run\n');
    const { code } = await runCli('run', 'march-2025', '--branch', 'no-such-road', '--save', saved);
    expect(code).toBe(2);
    expect(readFileSync(saved, 'utf8')).toBe('an earlier run\n');
    expect(readdirSync(folder)).toEqual(['run.json']);
  });

  it('refuses a folder that does not exist with one line, before printing the run', async () => {
    const { code, stdout, stderr } = await runCli('run', 'march-2025', '--save', '/no/such/folder/run.json');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('ceasefire: --save /no/such/folder/run.json: cannot write (no such folder /no/such/folder)\n');
  });

  it('refuses a file that is not a saved run', async () => {
    const notARun = join(dir(), 'x.json');
    writeFileSync(notARun, '{"hello": 1}');
    const { code, stderr } = await runCli('resume', notARun);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^ceasefire: .*x\.json: not a saved run of this tool: field 'format': /);
    expect(stderr.split('\n')).toHaveLength(2);
  });

  it('refuses further steps dated before the saved run', async () => {
    const folder = dir();
    const saved = join(folder, 'record.json');
    await runCli('run', 'march-2025', '--save', saved);
    writeFileSync(join(folder, 'early.yaml'), 'steps:\n  - { id: accept, date: 2025-03-01, actor: putin, event: russia.accept }\n');
    const { code, stderr } = await runCli('resume', saved, '--steps', join(folder, 'early.yaml'));
    expect(code).toBe(2);
    expect(stderr).toBe(`ceasefire: ${join(folder, 'early.yaml')}:2:25: step 1 'accept': field 'date': 2025-03-01 is before the saved run's date 2025-03-14\n`);
    expect(existsSync(saved)).toBe(true);
  });
});
