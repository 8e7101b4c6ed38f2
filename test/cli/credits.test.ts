import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ceasefire2025 } from '../../src/models/ceasefire-2025/index.js';
import { exportCommand } from '../../src/cli/export.js';
import { loadScenario } from '../../src/cli/load.js';
import { renderTimeline } from '../../src/cli/render-timeline.js';
import { replay } from '../../src/index.js';
import { parseCsv } from '../engine/formats/_parsers.js';
import { runCli } from './_io.js';

// The shipped record carries no attribution yet: a what-if file gives two steps one, undated.
const CREDITED = `id: credited
title: What the outlets reported
extends: march-2025
from: plea-to-spare
steps:
  - id: reported-rejection
    date: 2025-03-14
    datePrecision: undated
    actor: putin
    event: russia.reject
    verification: reported
    attribution: The New York Times reported
    sources:
      - { article: '002', quote: 'Putin will drag out a deal for a ceasefire because he is not interested in peace' }
  - id: reported-sanctions
    date: 2025-03-20
    datePrecision: undated
    actor: trump
    event: us.imposeSanctions
    verification: reported
    attribution: reports
`;

const dir = () => mkdtempSync(join(tmpdir(), 'ceasefire-credits-'));

function write(text: string, name = 'credited.yaml'): string {
  const file = join(dir(), name);
  writeFileSync(file, text);
  return file;
}

async function exportTo(kind: string, ref: string): Promise<string> {
  let stdout = '';
  const code = await exportCommand(kind, ref, {}, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: () => true } });
  expect(code).toBe(0);
  return stdout;
}

describe('attribution and undated steps in every output', () => {
  const file = write(CREDITED);

  it("gives each step's attribution in the JSON, null where the article credits no outlet", async () => {
    const { code, stdout } = await runCli('run', file, '--format', 'json');
    expect(code).toBe(0);
    const steps = JSON.parse(stdout).steps as Array<Record<string, unknown>>;
    expect(steps.at(-2)).toMatchObject({ id: 'reported-rejection', attribution: 'The New York Times reported', datePrecision: 'undated', date: '2025-03-14' });
    expect(steps.at(-1)).toMatchObject({ id: 'reported-sanctions', attribution: 'reports', datePrecision: 'undated' });
    expect(steps[0]).toMatchObject({ attribution: null, datePrecision: 'month' });
    for (const step of steps) expect(step).toHaveProperty('attribution');
  });

  it('writes the attribution column after the article, and undated precision, in the CSV', async () => {
    const [header, ...rows] = parseCsv(await exportTo('csv', file));
    expect(header!.indexOf('attribution')).toBe(header!.indexOf('article') + 1);
    const row = (id: string) => Object.fromEntries(header!.map((h, i) => [h, rows.find((r) => r[0] === id)![i]]));
    expect(row('reported-rejection')).toMatchObject({ article: '002', attribution: 'The New York Times reported', date_precision: 'undated', date: '2025-03-14' });
    expect(row('reported-sanctions')).toMatchObject({ article: '', attribution: 'reports', date_precision: 'undated' });
    expect(row('kursk-incursion')).toMatchObject({ attribution: '', date_precision: 'month' });
  });

  it('puts the attribution in the PLOVER record and its cite_info, with no invented headline', async () => {
    const records = (await exportTo('plover', file)).trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(records.find((r) => r.id === 'credited/record/reported-rejection')).toMatchObject({
      attribution: 'The New York Times reported',
      date_precision: 'undated',
      cite_info: { id: '002', title: null, date: '2025-03-14', outlet: null, attribution: 'The New York Times reported' },
    });
    expect(records.find((r) => r.id === 'credited/record/reported-sanctions')).toMatchObject({ attribution: 'reports', cite_info: null, date_precision: 'undated' });
  });

  it('ends the quote cell with the attribution and marks the date undated in the timeline', async () => {
    const text = renderTimeline(ceasefire2025, replay(await loadScenario(file)), 400);
    const row = text.split('\n').find((line) => line.includes('(The New York Times reported)'))!;
    expect(row).toContain('“Putin will drag out a deal for a ceasefire because he is not interested in peace” [002] (The New York Times reported)');
    expect(row).toMatch(/^│ 2025-03-14 +│ Vladimir Putin/);
    const below = text.split('\n')[text.split('\n').indexOf(row) + 1]!;
    expect(below).toMatch(/^│ \(undated\) +│/);
    expect(text.split('\n')[text.split('\n').indexOf(row) + 2]).toMatch(/^│ \(what if\) +│/);
    expect(text).toMatch(/│ 2024-08 +│/);
  });

  it('resumes a saved run whose steps carry attribution and undated, as a straight run prints it', async () => {
    const saved = join(dir(), 'credited.json');
    const paused = await runCli('run', file, '--stop-after', 'reported-rejection', '--save', saved, '--format', 'json');
    expect(paused.code).toBe(0);
    const run = JSON.parse(readFileSync(saved, 'utf8'));
    expect(run.state.steps.at(-1)).toMatchObject({ attribution: 'The New York Times reported', datePrecision: 'undated' });
    const resumed = await runCli('resume', saved, '--format', 'json');
    const straight = await runCli('run', file, '--format', 'json');
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toBe(straight.stdout);
  });

  it('refuses a saved run whose attribution or date precision is not what the scenario says', async () => {
    const saved = join(dir(), 'credited.json');
    await runCli('run', file, '--stop-after', 'reported-rejection', '--save', saved);
    const tamper = async (edit: (step: Record<string, unknown>) => void) => {
      const run = JSON.parse(readFileSync(saved, 'utf8'));
      edit(run.state.steps.at(-1));
      const copy = join(dir(), 'tampered.json');
      writeFileSync(copy, JSON.stringify(run));
      const { code, stderr } = await runCli('resume', copy);
      expect(code).toBe(2);
      return stderr;
    };
    const last = JSON.parse(readFileSync(saved, 'utf8')).state.steps.length - 1;
    expect(await tamper((s) => (s.attribution = 'The Washington Post reported'))).toContain(
      `field 'state.steps[${last}].attribution': does not say what step 'reported-rejection' of the scenario says`,
    );
    expect(await tamper((s) => (s.attribution = null))).toContain(`field 'state.steps[${last}].attribution'`);
    expect(await tamper((s) => (s.datePrecision = 'day'))).toContain(`field 'state.steps[${last}].datePrecision'`);
    expect(await tamper((s) => delete s.attribution)).toContain(`field 'state.steps[${last}].attribution': is missing`);
    expect(await tamper((s) => (s.datePrecision = 'week'))).toContain(`field 'state.steps[${last}].datePrecision': 'week' is not one of`);
  });

  it('refuses an unknown date precision and an empty attribution in a scenario file, naming the field', async () => {
    const precision = await runCli('run', write(CREDITED.replace('datePrecision: undated', 'datePrecision: weekly')));
    expect(precision.code).toBe(2);
    expect(precision.stderr).toMatch(/step 1 'reported-rejection': field 'datePrecision': unknown date precision 'weekly'/);
    const empty = await runCli('run', write(CREDITED.replace('attribution: reports', "attribution: ''")));
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/step 2 'reported-sanctions': field 'attribution' is empty/);
  });
});
