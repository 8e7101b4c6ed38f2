import { describe, expect, it } from 'vitest';
import { defineScenario, replay, type Step } from '../../../src/index.js';
import { ploverRecords, toJsonLines } from '../../../src/engine/formats/plover.js';
import record from '../../../scenarios/march-2025.js';

/** PLOVER's JSON fields (EVENT-CODES.md), then what we add. */
const PLOVER_FIELDS = ['id', 'date', 'actor', 'recipient', 'event', 'mode', 'context', 'event_text', 'text', 'cite_info', 'coder'];
const OUR_FIELDS = ['has_event', 'hypothetical', 'cameo', 'date_precision', 'step_actor', 'verification', 'attribution', 'comment', 'coding_note', 'sources'];

/** Export a run as JSON Lines and read it back line by line with JSON.parse. */
function exportAndRead(branch: string | null = null): Array<Record<string, unknown>> {
  const text = toJsonLines(ploverRecords(record, replay(record, { branch })));
  expect(text.endsWith('\n')).toBe(true);
  return text.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('PLOVER JSON Lines export', () => {
  const lines = exportAndRead();

  it('writes one JSON object per step of the record, each with the PLOVER fields in order', () => {
    expect(lines).toHaveLength(record.steps.length);
    for (const line of lines) expect(Object.keys(line)).toEqual([...PLOVER_FIELDS, ...OUR_FIELDS]);
    expect(new Set(lines.map((l) => l.id)).size).toBe(lines.length);
    expect(lines.every((l) => l.coder === 'ceasefire-lab')).toBe(true);
  });

  it('keeps dates in YYYY-MM-DD order, never going back', () => {
    const dates = lines.map((l) => l.date as string);
    for (const date of dates) expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect([...dates].sort()).toEqual(dates);
    expect(lines[0]).toMatchObject({ date: '2024-08-01', date_precision: 'month' });
  });

  it('codes who acted by country, the event, its mode and context, the quote and its article', () => {
    const putin = lines.find((l) => l.id === 'march-2025/record/putin-yes-but');
    expect(putin).toMatchObject({
      actor: 'RUS',
      recipient: 'USA',
      event: 'AGREE',
      mode: null,
      context: 'diplomatic',
      cameo: '0356',
      step_actor: 'Vladimir Putin',
      hypothetical: false,
      text: 'We agree with the proposals to halt the fighting, but we proceed from the assumption that the ceasefire should lead to lasting peace and remove the root causes of the crisis',
      cite_info: { id: '001', date: '2025-03-13', outlet: null },
    });
    expect((putin?.sources as unknown[]).length).toBe(2);
    expect(lines.find((l) => l.id === 'march-2025/record/plea-to-spare')).toMatchObject({ actor: 'USA', recipient: 'RUS', event: 'REQUEST', mode: 'yield' });
  });

  it("codes the party that acts, not who reported it, and a visit's visitor as actor", () => {
    // Ukraine's commander reports Russia's air strikes; the Kremlin reports the U.S. negotiators' journey.
    expect(lines.find((l) => l.id === 'march-2025/record/sudzha-bombarded')).toMatchObject({ actor: 'RUS', recipient: 'UKR', step_actor: 'Oleksandr Syrskyi', mode: 'aerial' });
    expect(lines.find((l) => l.id === 'march-2025/record/negotiators-on-their-way')).toMatchObject({ actor: 'USA', recipient: 'RUS', step_actor: 'Dmitry Peskov' });
    expect(lines.find((l) => l.id === 'march-2025/record/putin-meets-envoy')).toMatchObject({ actor: 'USA', recipient: 'RUS', cameo: '042' });
  });

  it('marks a bare statement has_event false, with a null event and its CAMEO code, and an independent body as a null actor', () => {
    expect(lines.find((l) => l.id === 'march-2025/record/kremlin-no-comment')).toMatchObject({ has_event: false, event: null, mode: null, cameo: '011', actor: 'RUS' });
    expect(lines.find((l) => l.id === 'march-2025/record/isw-assesses-sudzha')).toMatchObject({ event: null, actor: null, step_actor: 'Institute for the Study of War' });
  });

  it('marks every record with a PLOVER event has_event true, and every other has_event false', () => {
    for (const line of lines) expect(line.has_event, String(line.id)).toBe(line.event !== null);
    expect(lines.some((l) => l.has_event === false)).toBe(true);
  });

  it('cites the articles with no headline, as they carry none', () => {
    const cited = lines.filter((l) => l.cite_info !== null);
    expect(cited.length).toBeGreaterThan(0);
    for (const line of cited) expect(line.cite_info).toMatchObject({ title: null, outlet: null, attribution: line.attribution });
    expect(cited.some((l) => l.attribution !== null)).toBe(true);
  });

  it('writes cite_info.title null for an article whose headline is left out, never one made up', () => {
    const scenario = defineScenario({
      id: 'no-headline',
      title: 'No headline',
      description: 'test',
      articles: [{ id: 'a', file: 'a.txt', date: '2025-03-11', outlet: null }],
      steps: [{ id: 'table', date: '2025-03-11', event: 'proposal.table', actor: 'united-states', sources: [{ article: 'a', quote: 'q' }] }],
    });
    expect(ploverRecords(scenario, replay(scenario))[0]!.cite_info).toEqual({ id: 'a', title: null, date: '2025-03-11', outlet: null, attribution: null });
  });

  it('marks the steps after a branch forks as hypothetical and leaves out the days the calendar fires', () => {
    const branch = exportAndRead('russia-accepts-truce-expires');
    const run = replay(record, { branch: 'russia-accepts-truce-expires' });
    expect(run.steps.some((s) => s.kind === 'timer')).toBe(true);
    expect(branch).toHaveLength(run.steps.filter((s) => s.kind === 'scenario').length);
    const fork = branch.findIndex((l) => l.hypothetical === true);
    expect(fork).toBeGreaterThan(0);
    expect(branch.slice(fork).every((l) => l.hypothetical === true)).toBe(true);
    expect(branch.slice(0, fork).every((l) => l.hypothetical === false)).toBe(true);
    expect(branch[fork]).toMatchObject({ id: 'march-2025/russia-accepts-truce-expires/putin-accepts', event: 'CONCEDE', text: null, cite_info: null });
    expect(branch.at(-1)).toMatchObject({ event: 'RETREAT', mode: 'ceasefire', actor: 'RUS', recipient: 'UKR' });
  });

  it('gives an act aimed at its own side no recipient, and a step without sources no text', () => {
    const article = { id: 'a', file: 'a.txt', date: '2025-03-13', outlet: 'Wire', title: 'A, "quoted" title' };
    const step = (id: string, date: string, event: Step['event'], actor: Step['actor']): Step => ({ id, date, event, actor });
    const scenario = defineScenario({
      id: 'own-side',
      title: 'Ukraine agrees terms',
      description: 'test',
      articles: [article],
      steps: [
        { ...step('table', '2025-03-11', 'proposal.table', 'united-states'), sources: [{ article: 'a', quote: 'a "quote", with commas' }] },
        step('present', '2025-03-11', 'proposal.present', 'united-states'),
        step('endorse', '2025-03-12', 'ukraine.endorse', 'zelenskyy'),
        step('to-russia', '2025-03-12', 'proposal.putToRussia', 'trump'),
        step('yes-but', '2025-03-13', 'russia.agreeInPrinciple', 'putin'),
        step('talks', '2025-03-14', 'terms.negotiate', 'ukraine'),
      ],
    });
    const records = ploverRecords(scenario, replay(scenario));
    expect(records[0]).toMatchObject({ text: 'a "quote", with commas', cite_info: { id: 'a', title: 'A, "quoted" title', outlet: 'Wire' } });
    expect(records[1]).toMatchObject({ text: null, cite_info: null, sources: [] });
    expect(records.at(-1)).toMatchObject({ actor: 'UKR', recipient: null, event: 'CONSULT' });
    expect(JSON.parse(toJsonLines(records).split('\n')[0]!)).toEqual(JSON.parse(JSON.stringify(records[0])));
  });
});
