import type { Model } from './model.js';
import type { ReplayResult, StepResult } from './replay.js';
import { describeTracks } from './view.js';

/** Two runs side by side: where they part, and each track's final state in both. */
export interface Comparison {
  readonly a: { readonly name: string; readonly outcome: string; readonly date: string | null };
  readonly b: { readonly name: string; readonly outcome: string; readonly date: string | null };
  /** The last step both runs share (null when they differ from the first step). */
  readonly divergesAfter: { readonly id: string; readonly date: string } | null;
  /** The first step of each run after the shared part (null when a run has no more). */
  readonly firstDifferent: { readonly a: string | null; readonly b: string | null };
  readonly tracks: ReadonlyArray<{ readonly track: string; readonly a: readonly string[]; readonly b: readonly string[]; readonly same: boolean }>;
}

const sameStep = (x: StepResult | undefined, y: StepResult | undefined) =>
  x !== undefined && y !== undefined && x.id === y.id && x.date === y.date && x.event.type === y.event.type;

/** Compare two replays on `model` (the record or branches of a scenario). */
export function compareRuns(model: Model, a: ReplayResult, b: ReplayResult): Comparison {
  let shared = 0;
  while (sameStep(a.steps[shared], b.steps[shared])) shared += 1;
  const last = a.steps[shared - 1];
  const tracksA = describeTracks(model, a.final.state);
  const tracksB = describeTracks(model, b.final.state);
  return {
    a: { name: a.branch ?? 'record', outcome: a.final.outcome, date: a.final.date },
    b: { name: b.branch ?? 'record', outcome: b.final.outcome, date: b.final.date },
    divergesAfter: last ? { id: last.id, date: last.date } : null,
    firstDifferent: { a: a.steps[shared]?.id ?? null, b: b.steps[shared]?.id ?? null },
    tracks: tracksA.map((t, i) => {
      const labelsA = t.states.map((s) => s.label);
      const labelsB = tracksB[i]!.states.map((s) => s.label);
      return { track: t.track, a: labelsA, b: labelsB, same: labelsA.join('\n') === labelsB.join('\n') };
    }),
  };
}
