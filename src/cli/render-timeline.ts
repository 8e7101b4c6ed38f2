import Table from 'cli-table3';
import type { ReplayResult, StepResult } from '../engine/replay.js';
import { describeTracks } from '../engine/view.js';
import type { Model } from '../engine/model.js';

function changesText(step: StepResult): string {
  return step.changes.map((c) => `${c.track}: ${c.to.join(', ') || '(left ' + c.from.join(', ') + ')'}`).join('\n') || '(no change)';
}

function quoteText(step: StepResult): string {
  const first = step.sources[0];
  if (!first) return '';
  const more = step.sources.length > 1 ? ` (+${step.sources.length - 1} more)` : '';
  // The article's credit stays with its words.
  const credit = step.attribution ? ` (${step.attribution})` : '';
  return `“${first.quote}” [${first.article}]${more}${credit}`;
}

function dateText(step: StepResult): string {
  const date = step.datePrecision === 'month' ? step.date.slice(0, 7) : step.date;
  const lines = [date];
  if (step.datePrecision === 'undated') lines.push('(undated)');
  if (step.hypothetical) lines.push('(what if)');
  return lines.join('\n');
}

function widths(total: number): number[] {
  // Date, actor, what happened, change, quote; borders take 16 characters.
  const usable = Math.max(total, 100) - 16;
  const fixed = [12, 16];
  const rest = usable - fixed[0]! - fixed[1]!;
  return [...fixed, Math.floor(rest * 0.3), Math.floor(rest * 0.3), rest - 2 * Math.floor(rest * 0.3)];
}

/** Rows per table chunk: cli-table3 lays a table out in time quadratic in its rows, so long runs are drawn in slices. */
const CHUNK_ROWS = 100;

/**
 * Draw the step rows as one bordered table, CHUNK_ROWS at a time: each slice is
 * a table of its own with the same fixed column widths, joined where one's
 * bottom border meets the next one's top, so the text is the same as one table
 * drawn whole, in time linear in the number of steps.
 */
export function stepTable(rows: readonly string[][], columns: number, chunkRows = CHUNK_ROWS): string {
  const draw = (slice: readonly string[][], withHead: boolean): string[] => {
    const table = new Table({
      ...(withHead ? { head: ['Date', 'Actor', 'What happened', 'State change', 'In their words'] } : {}),
      colWidths: widths(columns),
      wordWrap: true,
      style: { head: [], border: [] },
    });
    table.push(...slice.map((row) => [...row]));
    return table.toString().split('\n');
  };
  if (rows.length === 0) return draw([], true).join('\n');
  const lines: string[] = [];
  for (let start = 0; start < rows.length; start += chunkRows) {
    const drawn = draw(rows.slice(start, start + chunkRows), start === 0);
    if (start === 0) {
      lines.push(...drawn);
      continue;
    }
    // The previous slice's bottom border becomes the separator between rows; this slice's top border goes.
    const bottom = lines.pop()!;
    lines.push(bottom.replace('└', '├').replace('┘', '┤').replaceAll('┴', '┼'), ...drawn.slice(1));
  }
  return lines.join('\n');
}

/** The readable timeline of a replay: one row per step, then each track's final state. */
export function renderTimeline(model: Model, result: ReplayResult, columns = 120): string {
  const rows = result.steps.map((step) => [dateText(step), step.actor.name, step.event.description, changesText(step), quoteText(step)]);
  const table = stepTable(rows, columns);
  const heading = result.branch ? `${result.title} — branch ${result.branch} (hypothetical)` : result.title;
  const tracks = describeTracks(model, result.final.state)
    .map((t) => `  ${t.label.padEnd(12)} ${t.states.map((s) => s.label).join('; ')}`)
    .join('\n');
  const failed = result.expectations.filter((e) => !e.ok);
  const verdict = failed.length
    ? failed.map((e) => `  FAILED at ${e.step}: ${e.description} (outcome was ${e.actual.outcome})`).join('\n')
    : `  all ${result.expectations.length} hold`;
  return [
    heading,
    table,
    '',
    `Final state (${result.final.date ?? 'no date'}):`,
    tracks,
    '',
    `Outcome: ${result.final.outcome} — ${model.outcomes[result.final.outcome]}`,
    `Expectations:\n${verdict}`,
    '',
  ].join('\n');
}
