import Table from 'cli-table3';
import type { ReplayResult } from '../engine/replay.js';
import type { Scenario } from '../engine/scenario.js';
import type { Model } from '../engine/model.js';
import { describeTracks } from '../engine/view.js';

function finalTracks(model: Model, result: ReplayResult) {
  return describeTracks(model, result.final.state).map((t) => ({ track: t.track, states: t.states.map((s) => s.label) }));
}

/** `run --all-branches`: each branch's fork, outcome, final state per track and verdict. */
export function renderBranches(scenario: Scenario, record: ReplayResult, runs: readonly ReplayResult[], format: string | undefined, columns: number): string {
  const rows = runs.map((run) => {
    const branch = scenario.branches.find((b) => b.name === run.branch)!;
    const fork = run.steps.find((s) => s.id === branch.from);
    return { run, branch, divergesAt: { step: branch.from, date: fork?.date ?? null } };
  });
  if (format === 'json') {
    const json = {
      scenario: scenario.id,
      record: { outcome: record.final.outcome, ok: record.ok, tracks: finalTracks(scenario.model, record) },
      branches: rows.map(({ run, branch, divergesAt }) => ({
        branch: branch.name,
        title: branch.title,
        divergesAt,
        outcome: run.final.outcome,
        expectedOutcome: branch.expectedOutcome,
        ok: run.ok,
        date: run.final.date,
        tracks: finalTracks(scenario.model, run),
      })),
    };
    return `${JSON.stringify(json, null, 2)}\n`;
  }
  const recordTracks = finalTracks(scenario.model, record);
  // Five columns take 16 characters of borders and padding.
  const free = Math.max(columns - 16 - 33 - 20 - 23 - 5, 34);
  const table = new Table({
    head: ['Branch', 'Diverges after', 'Outcome', 'Final state (where unlike the record)', 'OK'],
    colWidths: [33, 20, 23, free, 5],
    wordWrap: true,
    style: { head: [], border: [] },
  });
  // Only the states the record does not end in, so the branch's own road stands out.
  const cell = (run: ReplayResult) =>
    finalTracks(scenario.model, run)
      .map((t, i) => ({ track: t.track, states: t.states.filter((s) => !recordTracks[i]!.states.includes(s)) }))
      .filter((t) => t.states.length)
      .map((t) => `${t.track}: ${t.states.join('; ')}`)
      .join('\n') || '(as the record)';
  table.push(['(the record)', '—', record.final.outcome, `proposal: ${recordTracks[0]!.states.join('; ')}`, record.ok ? 'yes' : 'NO']);
  for (const { run, branch, divergesAt } of rows) {
    table.push([branch.name, `${divergesAt.step}\n${divergesAt.date ?? ''}`, run.final.outcome, cell(run), run.ok ? 'yes' : 'NO']);
  }
  const failed = [record, ...runs].filter((r) => !r.ok).length;
  return `${scenario.title}: ${runs.length} branches\n${table.toString()}\n${failed ? `${failed} run(s) missed an expectation` : 'Every expectation holds.'}\n`;
}
