import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
// `npm test` builds first (pretest), so the installed binary is the one users run.
const bin = fileURLToPath(new URL('../../node_modules/.bin/ceasefire', import.meta.url));
const run = (...args: string[]) => spawnSync(bin, args, { cwd: root, encoding: 'utf8' });

describe('the ceasefire binary', () => {
  it('replays the record as JSON and exits 0', () => {
    const result = run('run', 'march-2025', '--format', 'json');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).final.outcome).toBe('agreed-in-principle');
  });

  it('exits 2 with a one-line reason and no stack trace on an unknown scenario', () => {
    const result = run('run', 'nowhere');
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("ceasefire: unknown scenario 'nowhere' (known: march-2025, two-party-truce-example)\n");
  });
});
