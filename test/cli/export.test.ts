import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportCommand } from '../../src/cli/export.js';
import { ScenarioError } from '../../src/engine/errors.js';
import { parseCsv } from '../engine/formats/_parsers.js';

/** Call the command as the CLI will, with streams that collect what it prints. */
async function exportTo(kind: string, ref: string, options: { branch?: string; out?: string } = {}) {
  let stdout = '';
  let stderr = '';
  const code = await exportCommand(kind, ref, options, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
  return { code, stdout, stderr };
}

const dir = () => mkdtempSync(join(tmpdir(), 'ceasefire-export-'));

describe('ceasefire export plover', () => {
  it('prints the record as JSON Lines, one parsable object per step, and exits 0', async () => {
    const { code, stdout, stderr } = await exportTo('plover', 'march-2025');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const records = stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(records).toHaveLength(37);
    expect(records[0]).toMatchObject({ id: 'march-2025/record/kursk-incursion', actor: 'UKR', recipient: 'RUS', event: 'COERCE', coder: 'ceasefire-lab', hypothetical: false });
  });

  it('exports a branch, its steps after the fork marked hypothetical', async () => {
    const { stdout } = await exportTo('plover', 'march-2025', { branch: 'russia-rejects-sanctions-follow' });
    const records = stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(records.slice(-2)).toMatchObject([
      { event: 'REJECT', mode: 'yield', hypothetical: true, actor: 'RUS', recipient: 'USA' },
      { event: 'SANCTION', mode: 'discontinue', context: 'economic', hypothetical: true, actor: 'USA', recipient: 'RUS' },
    ]);
  });

  it('writes --out atomically and says so on stdout, leaving no temporary file', async () => {
    const folder = dir();
    const out = join(folder, 'record.jsonl');
    const { code, stdout } = await exportTo('plover', 'march-2025', { out });
    expect(code).toBe(0);
    expect(stdout).toBe(`Wrote 37 PLOVER records to ${out}.\n`);
    expect(readFileSync(out, 'utf8').split('\n').filter(Boolean)).toHaveLength(37);
    expect(readdirSync(folder)).toEqual(['record.jsonl']);
  });

  it('exports a scenario file that continues the record', async () => {
    const folder = dir();
    const file = join(folder, 'what-if.yaml');
    writeFileSync(
      file,
      ['id: rejection', 'title: What if Moscow had said no?', 'extends: march-2025', 'from: plea-to-spare', 'steps:', '  - { id: putin-rejects, date: 2025-03-15, actor: putin, event: russia.reject }', ''].join('\n'),
    );
    const { stdout } = await exportTo('plover', file);
    const last = JSON.parse(stdout.trimEnd().split('\n').at(-1)!);
    expect(last).toMatchObject({ id: 'rejection/record/putin-rejects', event: 'REJECT', hypothetical: true });
  });
});

describe('ceasefire export csv', () => {
  it('prints a CSV table with a header and one row per step', async () => {
    const { code, stdout } = await exportTo('csv', 'march-2025');
    expect(code).toBe(0);
    const [header, ...rows] = parseCsv(stdout);
    expect(header!.slice(0, 4)).toEqual(['step', 'date', 'date_precision', 'actor']);
    expect(rows).toHaveLength(37);
  });

  it('writes a branch to --out, including the day the truce expires', async () => {
    const out = join(dir(), 'expires.csv');
    const { stdout } = await exportTo('csv', 'march-2025', { branch: 'russia-accepts-truce-expires', out });
    expect(stdout).toMatch(/^Wrote \d+ steps as CSV to .*expires\.csv\.\n$/);
    const rows = parseCsv(readFileSync(out, 'utf8'));
    expect(rows.at(-1)![0]).toBe('timer-2025-04-15');
  });
});

describe('ceasefire export: bad input', () => {
  it.each([
    ['an unknown kind', ['xml', 'march-2025'], "unknown export 'xml' (known: plover, csv)"],
    ['an unknown scenario', ['csv', 'april-2025'], "unknown scenario 'april-2025' (known: march-2025, two-party-truce-example)"],
    ['an unknown branch', ['plover', 'march-2025', 'no-such-branch'], "scenario 'march-2025' has no branch 'no-such-branch'"],
  ])('refuses %s with a one-line ScenarioError (exit 2 from the CLI)', async (_what, [kind, ref, branch], message) => {
    const run = exportTo(kind!, ref!, branch ? { branch } : {});
    await expect(run).rejects.toBeInstanceOf(ScenarioError);
    await expect(exportTo(kind!, ref!, branch ? { branch } : {})).rejects.toThrow(message);
  });

  it('leaves an earlier --out file untouched when the export fails', async () => {
    const out = join(dir(), 'keep.csv');
    writeFileSync(out, 'earlier\n');
    await expect(exportTo('csv', 'march-2025', { branch: 'nope', out })).rejects.toThrow(ScenarioError);
    expect(readFileSync(out, 'utf8')).toBe('earlier\n');
  });
});
