import { describe, expect, it } from 'vitest';
import { ceasefire2025 } from '../../../src/models/ceasefire-2025/index.js';
import { defineScenario, replay, type Step } from '../../../src/index.js';
import { STEP_COLUMNS, csvField, stepsCsv, toCsv } from '../../../src/engine/formats/csv.js';
import { trackNames } from '../../../src/engine/view.js';
import record from '../../../scenarios/march-2025.js';
import { parseCsv } from './_parsers.js';

const TRACKS = ['proposal', 'positions', 'aid', 'channel', 'leverage', 'battlefield', 'troops', 'assessments'];

describe('CSV export', () => {
  const run = replay(record);
  const text = stepsCsv(ceasefire2025, run);
  const [header, ...rows] = parseCsv(text);

  it('has a header row, the step columns, then one column per track', () => {
    expect(trackNames(ceasefire2025)).toEqual(TRACKS);
    expect(header).toEqual([...STEP_COLUMNS, ...TRACKS]);
    expect(header).toEqual([
      'step', 'date', 'date_precision', 'actor', 'event', 'plover_event', 'plover_mode', 'cameo', 'verification', 'quote', 'article', 'attribution', 'hypothetical', ...TRACKS,
    ]);
  });

  it('has one row per step, every row as wide as the header', () => {
    expect(rows).toHaveLength(run.steps.length);
    for (const row of rows) expect(row).toHaveLength(header!.length);
    expect(rows.map((r) => r[0])).toEqual(run.steps.map((s) => s.id));
  });

  it('ends every line with CRLF, and only there outside quoted fields', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(run.steps.length + 2);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('writes codes as text that keeps their leading zeros, and the state of each track after the step', () => {
    const col = (name: string): number => header!.indexOf(name);
    const putin = rows.find((r) => r[0] === 'putin-yes-but')!;
    expect(putin[col('date')]).toBe('2025-03-13');
    expect(putin[col('date_precision')]).toBe('day');
    expect(rows[0]![col('date_precision')]).toBe('month');
    expect(putin[col('actor')]).toBe('Vladimir Putin');
    expect(putin[col('event')]).toBe('russia.agreeInPrinciple');
    expect(putin[col('plover_event')]).toBe('AGREE');
    expect(putin[col('plover_mode')]).toBe('');
    expect(putin[col('cameo')]).toBe('0356');
    expect(putin[col('verification')]).toBe('confirmed');
    expect(putin[col('article')]).toBe('001');
    expect(putin[col('hypothetical')]).toBe('false');
    expect(putin[col('proposal')]).toBe('under consideration: agreed in principle');
    // A track with several active states joins their labels with '; '.
    expect(putin[col('channel')]).toBe('advisers: confirmed by Kremlin; envoy: in Moscow; leaders: no call');
    expect(putin[col('quote')]).toBe(record.steps.find((s) => s.id === 'putin-yes-but')!.sources![0]!.quote);
  });

  it('round-trips a quote holding commas, double quotes, a line break and non-ASCII text', () => {
    const quote = 'He said: "yes, but" —\nthen, after a pause, “no”; Noven’ke, Суджа';
    const step = (id: string, date: string, event: Step['event'], extra: Partial<Step> = {}): Step => ({ id, date, event, actor: 'united-states', ...extra });
    const scenario = defineScenario({
      id: 'tricky',
      title: 'Tricky quotes',
      description: 'test',
      articles: [{ id: 'a', file: 'a.txt', date: '2025-03-13', outlet: null, title: 'A' }],
      steps: [step('table', '2025-03-11', 'proposal.table', { sources: [{ article: 'a', quote }], verification: 'reported' })],
    });
    const [head, row] = parseCsv(stepsCsv(ceasefire2025, replay(scenario)));
    expect(row![head!.indexOf('quote')]).toBe(quote);
    expect(row![head!.indexOf('verification')]).toBe('reported');
  });

  it('writes the days the calendar fires as rows, and marks a branch after its fork as hypothetical', () => {
    const branch = replay(record, { branch: 'russia-accepts-truce-expires' });
    const [head, ...branchRows] = parseCsv(stepsCsv(ceasefire2025, branch));
    expect(branchRows).toHaveLength(branch.steps.length);
    const hyp = head!.indexOf('hypothetical');
    const flags = branchRows.map((r) => r[hyp]);
    const fork = flags.indexOf('true');
    expect(fork).toBeGreaterThan(0);
    expect(flags.slice(fork).every((f) => f === 'true')).toBe(true);
    const last = branchRows.at(-1)!;
    expect(last[head!.indexOf('actor')]).toBe('Calendar');
    expect(last[head!.indexOf('proposal')]).toBe('expired');
    expect(last[head!.indexOf('cameo')]).toBe('');
  });
});

describe('CSV fields', () => {
  it('quotes only fields with a comma, a double quote or a line break, doubling quotes', () => {
    expect(csvField('plain text')).toBe('plain text');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "no"')).toBe('"say ""no"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField('')).toBe('');
    expect(toCsv([['a', 'b,c'], ['"', '']])).toBe('a,"b,c"\r\n"""",\r\n');
  });

  it('neutralises cells a spreadsheet would run as formulas, as OWASP advises', () => {
    expect(csvField('=HYPERLINK("http://x","click")')).toBe(`"'=HYPERLINK(""http://x"",""click"")"`);
    expect(csvField('+1+1')).toBe(`"'+1+1"`);
    expect(csvField('-2+3')).toBe(`"'-2+3"`);
    expect(csvField('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvField('\t=1')).toBe(`"'\t=1"`);
    expect(csvField('＝1')).toBe(`"'＝1"`);
    expect(csvField('a = b')).toBe('a = b');
    expect(csvField('2025-03-13')).toBe('2025-03-13');
  });
});
