import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './_io.js';

const dir = mkdtempSync(join(tmpdir(), 'ceasefire-expect-'));

/** A what-if whose only step carries `expect` written as YAML flow text. */
function scenarioExpecting(name: string, expectation: string): string {
  const file = join(dir, name);
  writeFileSync(
    file,
    ['id: x', 'title: x', 'extends: march-2025', 'from: plea-to-spare', 'steps:', '  - id: rejects', '    date: 2025-03-15', '    actor: putin', '    event: russia.reject', `    expect: ${expectation}`, ''].join('\n'),
  );
  return file;
}

describe('expectations in a scenario file', () => {
  it('holds for a state the run reaches', async () => {
    const { code } = await runCli('run', scenarioExpecting('ok.yaml', '{ state: { proposal: rejected } }'));
    expect(code).toBe(0);
  });

  it('fails (exit 1) for a real state the run does not reach', async () => {
    const { code, stdout } = await runCli('run', scenarioExpecting('unmet.yaml', '{ state: { proposal: inForce } }'));
    expect(code).toBe(1);
    expect(stdout).toContain('FAILED at rejects');
  });

  it('refuses (exit 2) a track that does not exist, naming the file, line and field', async () => {
    const file = scenarioExpecting('track.yaml', '{ state: { sanctions: imposed } }');
    const { code, stdout, stderr } = await runCli('run', file);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toMatch(new RegExp(`^ceasefire: ${file}:10:\\d+: step 1 'rejects': field 'expect.state.sanctions': 'sanctions' is not a state of the machine \\(known: proposal, .*\\)\\n$`));
  });

  it.each([
    ['YAML', 'proto.yaml', '{ state: { __proto__: { proposal: rejected } } }'],
    ['JSON', 'proto.json', '{"state": {"__proto__": "anything"}}'],
  ])('never lets a %s `__proto__` key make an expectation pass', async (_kind, name, expectation) => {
    const { code, stderr } = await runCli('run', scenarioExpecting(name.replace('.json', '.yaml'), expectation));
    expect(code).toBe(2);
    expect(stderr).toMatch(/field 'expect\.state(\.__proto__)?': (names no state|'__proto__' is not a state)/);
  });
});
