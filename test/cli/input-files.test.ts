import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_INPUT_BYTES } from '../../src/cli/input.js';
import { runCli } from './_io.js';

const dir = () => mkdtempSync(join(tmpdir(), 'ceasefire-in-'));

describe('files a command reads', () => {
  it('refuses /dev/zero behind a scenario-looking link instead of reading it forever', async () => {
    const link = join(dir(), 'endless.yaml');
    symlinkSync('/dev/zero', link);
    const { code, stdout, stderr } = await runCli('run', link);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toBe(`ceasefire: ${link}: cannot read (is a device, not a regular file)\n`);
  });

  it('refuses a FIFO without waiting for a writer', async () => {
    const fifo = join(dir(), 'weights.yaml');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const { code, stderr } = await runCli('simulate', '--runs', '10', '--weights', fifo);
    expect(code).toBe(2);
    expect(stderr).toBe(`ceasefire: ${fifo}: cannot read (is a FIFO, not a regular file)\n`);
  });

  it('refuses a file past the size limit before reading it', async () => {
    const huge = join(dir(), 'huge.yaml');
    writeFileSync(huge, '');
    truncateSync(huge, MAX_INPUT_BYTES + 1);
    const { code, stderr } = await runCli('run', huge);
    expect(code).toBe(2);
    expect(stderr).toBe(`ceasefire: ${huge}: cannot read (67,108,865 bytes; the limit is 67,108,864)\n`);
  });

  it('refuses a folder named like a saved run', async () => {
    const folder = join(dir(), 'run.json');
    mkdirSync(folder);
    const { code, stderr } = await runCli('resume', folder);
    expect(code).toBe(2);
    expect(stderr).toBe(`ceasefire: ${folder}: cannot read (is a folder)\n`);
  });

  it('refuses an --articles path that is a file', async () => {
    const file = join(dir(), 'articles');
    writeFileSync(file, 'not a folder');
    const { code, stderr } = await runCli('verify-quotes', 'march-2025', '--articles', file);
    expect(code).toBe(2);
    expect(stderr).toBe(`ceasefire: --articles: '${file}' is not a folder\n`);
  });
});
