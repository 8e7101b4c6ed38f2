import { z } from 'zod';
import { ScenarioError } from './errors.js';
import type { ReplayResult, RunState } from './replay.js';

/** Marks a file as a saved run of this tool, and its layout version. */
export const SAVED_RUN_FORMAT = 'ceasefire-lab/run@1';

/** A run written by `run --save`: where it stopped, and everything needed to continue it. */
export interface SavedRun {
  readonly format: typeof SAVED_RUN_FORMAT;
  /** How to load the scenario again: a shipped id or an absolute file path. */
  readonly scenario: { readonly ref: string; readonly id: string };
  readonly branch: string | null;
  readonly position: ReplayResult['position'];
  readonly state: RunState;
}

const savedRunSchema = z.object({
  format: z.literal(SAVED_RUN_FORMAT),
  scenario: z.object({ ref: z.string(), id: z.string() }),
  branch: z.string().nullable(),
  position: z.object({ applied: z.number().int().nonnegative(), of: z.number().int().nonnegative(), lastStep: z.string().nullable(), paused: z.boolean() }),
  state: z.object({
    value: z.union([z.string(), z.record(z.string(), z.unknown())]),
    context: z.object({ date: z.string().nullable(), ukraine: z.string(), russia: z.string(), truceEndsOn: z.string().nullable() }),
    calendar: z.string().nullable(),
    pendingTimers: z.array(z.object({ id: z.string(), event: z.object({ type: z.string() }), due: z.string(), description: z.string() })),
    steps: z.array(z.unknown()),
    expectations: z.array(z.unknown()),
    warnings: z.array(z.string()),
  }),
});

/** The saved form of a run, ready to be written as JSON. */
export function toSavedRun(result: ReplayResult, ref: string): SavedRun {
  return { format: SAVED_RUN_FORMAT, scenario: { ref, id: result.scenario }, branch: result.branch, position: result.position, state: result.state };
}

/** Read a saved run back from its JSON text; anything else is a one-line {@link ScenarioError}. */
export function parseSavedRun(text: string, origin: string): SavedRun {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ScenarioError(`${origin}: not a saved run (not JSON)`);
  }
  const result = savedRunSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ScenarioError(`${origin}: not a saved run of this tool: field '${issue.path.join('.') || 'format'}': ${issue.message}`);
  }
  return result.data as unknown as SavedRun;
}
