import type { EventInfo, Model } from '../model.js';
import type { ReplayResult } from '../replay.js';
import { describeTracks, trackNames } from '../view.js';

/** RFC 4180 line ending, used for every row (also the last). */
const CRLF = '\r\n';

/** First characters a spreadsheet reads as the start of a formula (OWASP's list, with their full-width forms). */
const FORMULA_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

/**
 * One CSV field: quoted when it holds a comma, a double quote or a line break,
 * with quotes doubled. A field that a spreadsheet would run as a formula
 * (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading
 * `'` and quotes, as OWASP advises against CSV injection.
 */
export function csvField(value: string): string {
  if (FORMULA_START.test(value)) return `"'${value.replace(/"/g, '""')}"`;
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Rows as RFC 4180 CSV: fields quoted where needed, every row ending in CRLF. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvField).join(',') + CRLF).join('');
}

/** The columns of the step table before the one-per-track state columns. */
export const STEP_COLUMNS = [
  'step', 'date', 'date_precision', 'actor', 'event', 'plover_event', 'plover_mode', 'cameo', 'verification', 'quote', 'article', 'attribution', 'hypothetical',
] as const;

/**
 * A replay on `model` as a table, one row per step: when (`month` precision when the
 * source names only the month, `undated` when it gives no day), who did what
 * (with its PLOVER and CAMEO codes), how verified, the first quote, its
 * article and who the article credits (`attribution`), whether it is
 * hypothetical, then one column per track with its state labels after the
 * step (several joined with `; `). Steps the calendar fires are rows too.
 */
export function stepsTable(model: Model, result: ReplayResult): string[][] {
  const tracks = trackNames(model);
  const header = [...STEP_COLUMNS, ...tracks];
  const rows = result.steps.map((step) => {
    const coding: EventInfo | undefined = model.isEventType(step.event.type) ? model.events[step.event.type] : undefined;
    const first = step.sources[0];
    const states = new Map(describeTracks(model, step.state).map((t) => [t.track, t.states.map((s) => s.label).join('; ')]));
    return [
      step.id,
      step.date,
      step.datePrecision,
      step.actor.name,
      step.event.type,
      coding?.plover ?? '',
      coding?.mode ?? '',
      coding?.cameo ?? '',
      step.verification ?? '',
      first?.quote ?? '',
      first?.article ?? '',
      step.attribution ?? '',
      String(step.hypothetical),
      ...tracks.map((track) => states.get(track) ?? ''),
    ];
  });
  return [header, ...rows];
}

/** A replay as RFC 4180 CSV with a header row (UTF-8 text; see {@link stepsTable} for the columns). */
export function stepsCsv(model: Model, result: ReplayResult): string {
  return toCsv(stepsTable(model, result));
}
