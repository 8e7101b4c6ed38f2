import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { visible } from '../../src/cli/io.js';
import { runCli } from './_io.js';

const ESC = '\u001b';
const dir = mkdtempSync(join(tmpdir(), 'ceasefire-ctl-'));
// Any raw C0/C1 control but tab, line feed and CR before LF, or a bidirectional override.
const RAW_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/;

/** A hostile what-if: a title that would retitle the window and clear the screen, a step id that would recolour it. */
function hostileScenario(): string {
  const file = join(dir, 'hostile.json');
  writeFileSync(
    file,
    JSON.stringify({
      id: `evil${ESC}]0;pwned\u0007`,
      title: `Title${ESC}[2J\u009b31m\u202eesrever`,
      extends: 'march-2025',
      from: 'plea-to-spare',
      steps: [
        { id: `rejects${ESC}[31m`, date: '2025-03-15', actor: 'putin', event: 'russia.reject', note: `a\rb` },
        { id: `accepts${ESC}[2J`, date: '2025-03-16', actor: 'putin', event: 'russia.accept' },
      ],
    }),
  );
  return file;
}

describe('text from a scenario on the terminal', () => {
  it('shows escape sequences in a title visibly, never raw', async () => {
    const { stdout } = await runCli('run', hostileScenario(), '--lenient');
    expect(stdout).not.toMatch(RAW_CONTROL);
    expect(stdout.split('\n')[0]).toBe('Title\\u001b[2J\\u009b31m\\u202eesrever');
  });

  it('shows a step id in a warning visibly, on one line', async () => {
    const { stderr } = await runCli('run', hostileScenario(), '--lenient');
    expect(stderr).not.toMatch(RAW_CONTROL);
    expect(stderr).toMatch(/^ceasefire: warning: .*step 'accepts\\u001b\[2J' \(2025-03-16\).*\(skipped\)\n$/);
  });

  it('shows a step id in an error visibly', async () => {
    const { code, stderr } = await runCli('run', hostileScenario());
    expect(code).toBe(2);
    expect(stderr).not.toMatch(RAW_CONTROL);
    expect(stderr).toContain("step 'accepts\\u001b[2J'");
  });

  it('keeps JSON output valid JSON with the text intact', async () => {
    const { stdout } = await runCli('run', hostileScenario(), '--lenient', '--format', 'json');
    expect(stdout).not.toMatch(RAW_CONTROL);
    const run = JSON.parse(stdout) as { title: string; scenario: string };
    expect(run.title).toBe(`Title${ESC}[2J\u009b31m\u202eesrever`);
    expect(run.scenario).toBe(`evil${ESC}]0;pwned\u0007`);
  });

  it('shows an option value with an escape visibly in the usage error', async () => {
    const { code, stderr } = await runCli('run', 'march-2025', `--${ESC}[2J`);
    expect(code).toBe(2);
    expect(stderr).not.toMatch(RAW_CONTROL);
  });
});

describe('visible', () => {
  it('keeps tabs, line feeds and CRLF line ends, and writes every other control as a \\u escape', () => {
    expect(visible('a\tb\nc\r\nd')).toBe('a\tb\nc\r\nd');
    expect(visible(`${ESC}[2J\rX\u0000\u007f\u0085\u2066`)).toBe('\\u001b[2J\\u000dX\\u0000\\u007f\\u0085\\u2066');
    expect(visible('Noven’ke — “quoted”')).toBe('Noven’ke — “quoted”');
  });
});
