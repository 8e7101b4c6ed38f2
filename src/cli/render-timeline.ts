import Table from 'cli-table3';
import type { ReplayResult, StepResult } from '../engine/replay.js';
import { describeTracks } from '../engine/view.js';
import { OUTCOMES } from '../model/outcome.js';

function changesText(step: StepResult): string {
  return step.changes.map((c) => `${c.track}: ${c.to.join(', ') || '(left ' + c.from.join(', ') + ')'}`).join('\n') || '(no change)';
}

function quoteText(step: StepResult): string {
  const first = step.sources[0];
  if (!first) return '';
  const more = step.sources.length > 1 ? ` (+${step.sources.length - 1} more)` : '';
  return `“${first.quote}” [${first.article}]${more}`;
}

function dateText(step: StepResult): string {
  const date = step.datePrecision === 'month' ? step.date.slice(0, 7) : step.date;
  return step.hypothetical ? `${date}\n(what if)` : date;
}

function widths(total: number): number[] {
  // Date, actor, what happened, change, quote; borders take 16 characters.
  const usable = Math.max(total, 100) - 16;
  const fixed = [12, 16];
  const rest = usable - fixed[0]! - fixed[1]!;
  return [...fixed, Math.floor(rest * 0.3), Math.floor(rest * 0.3), rest - 2 * Math.floor(rest * 0.3)];
}

/** The readable timeline of a replay: one row per step, then each track's final state. */
export function renderTimeline(result: ReplayResult, columns = 120): string {
  const table = new Table({
    head: ['Date', 'Actor', 'What happened', 'State change', 'In their words'],
    colWidths: widths(columns),
    wordWrap: true,
    style: { head: [], border: [] },
  });
  for (const step of result.steps) {
    table.push([dateText(step), step.actor.name, step.event.description, changesText(step), quoteText(step)]);
  }
  const heading = result.branch ? `${result.title} — branch ${result.branch} (hypothetical)` : result.title;
  const tracks = describeTracks(result.final.state)
    .map((t) => `  ${t.track.padEnd(12)} ${t.states.map((s) => s.label).join('; ')}`)
    .join('\n');
  const failed = result.expectations.filter((e) => !e.ok);
  const verdict = failed.length
    ? failed.map((e) => `  FAILED at ${e.step}: ${e.description} (outcome was ${e.actual.outcome})`).join('\n')
    : `  all ${result.expectations.length} hold`;
  return [
    heading,
    table.toString(),
    '',
    `Final state (${result.final.date ?? 'no date'}):`,
    tracks,
    '',
    `Outcome: ${result.final.outcome} — ${OUTCOMES[result.final.outcome]}`,
    `Expectations:\n${verdict}`,
    '',
  ].join('\n');
}
