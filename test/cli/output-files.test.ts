import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './_io.js';
import { WHAT_IF } from './_what-if.js';

const bin = fileURLToPath(new URL('../../node_modules/.bin/ceasefire', import.meta.url));
const dir = () => mkdtempSync(join(tmpdir(), 'ceasefire-out-'));

/** A folder holding the README's what-if as `what-if.yaml` (JSON is YAML). */
function withScenario(): { folder: string; scenario: string; text: string } {
  const folder = dir();
  const scenario = join(folder, 'what-if.yaml');
  const text = `${JSON.stringify(WHAT_IF, null, 2)}\n`;
  writeFileSync(scenario, text);
  return { folder, scenario, text };
}

describe('an output that is one of the command\'s inputs', () => {
  it('refuses `run x.yaml --save x.yaml` before running, leaving the scenario intact', async () => {
    const { scenario, text } = withScenario();
    const { code, stdout, stderr } = await runCli('run', scenario, '--save', scenario);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`ceasefire: --save ${scenario}: refusing to overwrite ${scenario}, an input of this command; choose another file\n`);
    expect(readFileSync(scenario, 'utf8')).toBe(text);
  });

  it('sees through another spelling of the same file and through a link to it', async () => {
    const { folder, scenario, text } = withScenario();
    const link = join(folder, 'link.yaml');
    symlinkSync(scenario, link);
    for (const out of [join(folder, '.', 'what-if.yaml'), link]) {
      const { code, stderr } = await runCli('export', 'csv', scenario, '--out', out);
      expect(code).toBe(2);
      expect(stderr).toContain('refusing to overwrite');
    }
    expect(readFileSync(scenario, 'utf8')).toBe(text);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it('refuses `export … --out` and `diagram --highlight … --out` onto the scenario they read', async () => {
    const { scenario, text } = withScenario();
    const exported = await runCli('export', 'plover', scenario, '--out', scenario);
    const drawn = await runCli('diagram', '--highlight', scenario, '--out', scenario);
    expect([exported.code, drawn.code]).toEqual([2, 2]);
    expect(exported.stderr).toMatch(/^ceasefire: --out .*: refusing to overwrite .*\n$/);
    expect(drawn.stderr).toMatch(/^ceasefire: --out .*: refusing to overwrite .*\n$/);
    expect(readFileSync(scenario, 'utf8')).toBe(text);
  });

  it('refuses `resume x.json --save x.json` and a --save onto its --steps file', async () => {
    const folder = dir();
    const saved = join(folder, 'paused.json');
    expect((await runCli('run', 'march-2025', '--stop-after', 'putin-yes-but', '--save', saved)).code).toBe(0);
    const savedText = readFileSync(saved, 'utf8');
    const steps = join(folder, 'more.yaml');
    const stepsText = 'steps:\n  - { id: call, date: 2025-03-18, actor: trump, event: leaders.call }\n';
    writeFileSync(steps, stepsText);

    const onSaved = await runCli('resume', saved, '--save', saved);
    const onSteps = await runCli('resume', saved, '--steps', steps, '--save', steps);
    expect([onSaved.code, onSteps.code]).toEqual([2, 2]);
    expect(onSaved.stdout + onSteps.stdout).toBe('');
    expect(readFileSync(saved, 'utf8')).toBe(savedText);
    expect(readFileSync(steps, 'utf8')).toBe(stepsText);
  });

  it('refuses a saved run written over the scenario file it was made from', async () => {
    const { folder, scenario, text } = withScenario();
    const saved = join(folder, 'run.json');
    expect((await runCli('run', scenario, '--stop-after', 'putin-rejects', '--save', saved)).code).toBe(0);
    const { code, stderr } = await runCli('resume', saved, '--save', scenario);
    expect(code).toBe(2);
    expect(stderr).toContain('refusing to overwrite');
    expect(readFileSync(scenario, 'utf8')).toBe(text);
  });
});

describe('where an output goes', () => {
  it('checks the folder before the work: a --save into a missing folder prints nothing and exits 2', async () => {
    const missing = join(dir(), 'no', 'such', 'run.json');
    const { code, stdout, stderr } = await runCli('run', 'march-2025', '--save', missing);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toContain('cannot write (no such folder');
  });

  it('refuses a folder given as the output file', async () => {
    const folder = dir();
    const { code, stderr } = await runCli('export', 'csv', 'march-2025', '--out', folder);
    expect(code).toBe(2);
    expect(stderr).toBe(`ceasefire: --out ${folder}: is a folder; give a file name\n`);
  });

  it('writes through a symbolic link to its target, keeping the link', async () => {
    const folder = dir();
    const target = join(folder, 'table.csv');
    const link = join(folder, 'latest.csv');
    writeFileSync(target, 'an earlier table\n');
    symlinkSync('table.csv', link);
    const { code, stdout } = await runCli('export', 'csv', 'march-2025', '--out', link);
    expect(code).toBe(0);
    expect(stdout).toBe(`Wrote 37 steps as CSV to ${link}.\n`);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe('table.csv');
    expect(readFileSync(target, 'utf8')).toMatch(/^step,date,/);
    expect(readdirSync(folder).sort()).toEqual(['latest.csv', 'table.csv']);
  });

  it('creates the file a dangling link points to', async () => {
    const folder = dir();
    const link = join(folder, 'diagram.mmd');
    symlinkSync('drawn.mmd', link);
    expect((await runCli('diagram', '--out', link)).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(folder, 'drawn.mmd'), 'utf8')).toMatch(/^stateDiagram-v2\n/);
  });

  it('replaces a regular file whole and keeps its permissions', async () => {
    const folder = dir();
    const out = join(folder, 'record.jsonl');
    writeFileSync(out, 'old\n');
    chmodSync(out, 0o640);
    expect((await runCli('export', 'plover', 'march-2025', '--out', out)).code).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o640);
    expect(readFileSync(out, 'utf8').split('\n').filter(Boolean)).toHaveLength(37);
    expect(readdirSync(folder)).toEqual(['record.jsonl']);
  });

  it('writes into a FIFO for the program reading it, and the FIFO stays a FIFO', async () => {
    const folder = dir();
    const fifo = join(folder, 'pipe.csv');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = spawn('cat', [fifo]);
    let read = '';
    reader.stdout.on('data', (chunk: Buffer) => (read += chunk.toString()));
    const readerDone = new Promise((resolve) => reader.on('close', resolve));
    const writer = spawnSync(bin, ['export', 'csv', 'march-2025', '--out', fifo], { encoding: 'utf8' });
    await readerDone;
    expect(writer.status).toBe(0);
    expect(read.split('\r\n').filter(Boolean)).toHaveLength(38);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('writes to a device in place: /dev/null stays a device, /dev/full fails in one line', async () => {
    const toNull = await runCli('diagram', '--out', '/dev/null');
    expect(toNull.code).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    const toFull = await runCli('export', 'csv', 'march-2025', '--out', '/dev/full');
    expect(toFull.code).toBe(2);
    expect(toFull.stderr).toBe('ceasefire: /dev/full: cannot write (no space left on the device)\n');
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
  });
});
