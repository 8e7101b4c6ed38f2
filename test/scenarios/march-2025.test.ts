import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/_io.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

describe('scenarios/march-2025.ts as a script', () => {
  it('replays exactly as `ceasefire run march-2025` does', async () => {
    const script = spawnSync(tsx, ['scenarios/march-2025.ts', '--format', 'json'], { cwd: root, encoding: 'utf8' });
    expect(script.stderr).toBe('');
    expect(script.status).toBe(0);
    const cli = await runCli('run', 'march-2025', '--format', 'json');
    expect(script.stdout).toBe(cli.stdout);
  });
});
