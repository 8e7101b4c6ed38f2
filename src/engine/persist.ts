import { matchesState, type StateValue } from 'xstate';
import { z } from 'zod';
import { isIsoDate } from './calendar.js';
import type { ContextField, Model } from './model.js';
import { ScenarioError } from './errors.js';
import type { ReplayResult, RunState } from './replay.js';
import { checkSavedRun, fieldName, shown, type SavedPath, type SavedRunLabels, type UncheckedRun } from './saved-check.js';
import { DATE_PRECISIONS, VERIFICATIONS } from './scenario.js';
import { diffTracks } from './view.js';

/** Marks a file as a saved run of this tool, and its layout version. */
export const SAVED_RUN_FORMAT = 'ceasefire-lab/run@1';

/** A run written by `run --save`: where it stopped, and everything needed to continue it. */
export interface SavedRun {
  readonly format: typeof SAVED_RUN_FORMAT;
  /** The id of the model the run was made on (a run saved before models were named was made on `ceasefire-2025`). */
  readonly model?: string;
  /** How to load the scenario again: a shipped id or an absolute file path. */
  readonly scenario: { readonly ref: string; readonly id: string };
  readonly branch: string | null;
  readonly position: ReplayResult['position'];
  readonly state: RunState;
}

const name = z.string().min(1);
const day = z.string().refine(isIsoDate, { error: (iss) => `${shown(iss.input)} is not a real day (YYYY-MM-DD)` });

const fieldSchema = (field: ContextField) =>
  field === 'day' ? day : field === 'day|null' ? day.nullable() : z.enum(field as [string, ...string[]]);

// The model's context as it declares it; the engine's timers read `date` from any model's context.
const contextSchema = (model: Model) =>
  model.contextFields
    ? z.strictObject(Object.fromEntries(Object.entries(model.contextFields).map(([key, field]) => [key, fieldSchema(field)])))
    : z.looseObject({ date: day.nullable() });

// The labels the model's run output puts on its states, which a saved run repeats.
const labelsOf = (model: Model): SavedRunLabels => ({
  actorName: (id) => (model.isActorId(id) ? model.actors[id]!.name : undefined),
  eventDescription: (type) => (model.isEventType(type) ? model.events[type]!.description : undefined),
  changes: (before, after) => diffTracks(model, before, after),
  outcome: (value) => model.outcomeOf({ matches: (parent: never) => matchesState(parent as StateValue, value) }),
});

const stepSchema = z.strictObject({
  id: name,
  date: day,
  datePrecision: z.enum(DATE_PRECISIONS as [string, ...string[]]),
  kind: z.enum(['scenario', 'timer']),
  hypothetical: z.boolean(),
  actor: z.strictObject({ id: name, name }),
  event: z.strictObject({ type: name, description: z.string() }),
  sources: z.array(z.strictObject({ article: name, quote: name })),
  verification: z.enum(VERIFICATIONS as [string, ...string[]]).nullable(),
  attribution: name.nullable(),
  note: name.optional(),
  // States are checked against the machine, which knows their shape.
  state: z.unknown(),
  changes: z.array(z.unknown()),
});

const expectationSchema = (outcome: z.ZodType) =>
  z.strictObject({
    step: z.string(),
    description: z.string(),
    ok: z.boolean(),
    expected: z.strictObject({ description: z.string().optional(), state: z.unknown().optional(), outcome: outcome.optional() }),
    actual: z.strictObject({ state: z.unknown(), outcome }),
  });

function savedRunSchema(model: Model) {
  const outcome = z.enum(model.outcomeNames as [string, ...string[]]);
  return z.strictObject({
    format: z.literal(SAVED_RUN_FORMAT),
    model: z.literal(model.id).optional(),
    scenario: z.strictObject({ ref: name, id: name }),
    branch: name.nullable(),
    position: z.strictObject({ applied: z.int().nonnegative(), of: z.int().nonnegative(), lastStep: name.nullable(), paused: z.boolean() }),
    state: z.strictObject({
      value: z.unknown(),
      context: contextSchema(model),
      calendar: day.nullable(),
      pendingTimers: z.array(z.strictObject({ id: name, event: z.strictObject({ type: name }), due: day, description: z.string() })),
      steps: z.array(stepSchema),
      expectations: z.array(expectationSchema(outcome)),
      warnings: z.array(z.string()),
    }),
  });
}

/** The saved form of a run of `model`, ready to be written as JSON. */
export function toSavedRun(result: ReplayResult, ref: string, model: Model): SavedRun {
  return { format: SAVED_RUN_FORMAT, model: model.id, scenario: { ref, id: result.scenario }, branch: result.branch, position: result.position, state: result.state };
}

function valueAt(data: unknown, path: SavedPath): unknown {
  return path.reduce<unknown>((node, key) => (typeof node === 'object' && node !== null && Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined), data);
}

function issueMessage(issue: z.core.$ZodIssue, data: unknown): { path: SavedPath; message: string } {
  const path = issue.path as SavedPath;
  if (issue.code === 'unrecognized_keys') return { path: [...path, issue.keys[0]!], message: 'is not part of a saved run' };
  const parent = valueAt(data, path.slice(0, -1));
  const key = path.at(-1);
  if (key !== undefined && (typeof parent !== 'object' || parent === null || !Object.hasOwn(parent, key))) return { path, message: 'is missing' };
  const input = valueAt(data, path);
  switch (issue.code) {
    case 'invalid_type':
      return { path, message: `expected ${issue.expected === 'int' ? 'a whole number' : issue.expected}, got ${shown(input)}` };
    case 'invalid_value':
      return { path, message: `${shown(input)} is not one of ${issue.values.map((v) => shown(v)).join(', ')}` };
    case 'too_small':
      return { path, message: issue.origin === 'string' ? 'is empty' : `${shown(input)} is below ${issue.minimum}` };
    default:
      return { path, message: issue.message };
  }
}

/** What a saved run says of where it came from, read before it is checked against a model: its model id and its scenario's ref, where they are text. */
export interface SavedRunOrigin {
  readonly model: string | undefined;
  readonly ref: string | undefined;
}

/** Parse a saved run's JSON and check its format mark (one-line errors naming `origin`). */
function readSaved(text: string, origin: string): unknown {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ScenarioError(`${origin}: not a saved run (not JSON)`);
  }
  const format = valueAt(data, ['format']);
  if (format !== SAVED_RUN_FORMAT) {
    throw new ScenarioError(`${origin}: not a saved run of this tool: field 'format': expected '${SAVED_RUN_FORMAT}', got ${format === undefined ? 'none' : shown(format)}`);
  }
  return data;
}

/** The model and scenario a saved run names, so that they can be loaded before the run is checked against them. */
export function savedRunOrigin(text: string, origin: string): SavedRunOrigin {
  const data = readSaved(text, origin);
  const text_ = (path: SavedPath) => {
    const value = valueAt(data, path);
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  return { model: text_(['model']), ref: text_(['scenario', 'ref']) };
}

/**
 * Read a saved run back from its JSON text and check it against `model`'s machine
 * (see {@link checkSavedRun}) and the model's context, actors,
 * events and outcomes. Anything else is a one-line {@link ScenarioError}
 * naming `origin` and the field, so the run can be resumed without surprises.
 */
export function parseSavedRun(text: string, origin: string, model: Model): SavedRun {
  const data = readSaved(text, origin);
  const result = savedRunSchema(model).safeParse(data);
  if (!result.success) {
    const { path, message } = issueMessage(result.error.issues[0]!, data);
    throw new ScenarioError(`${origin}: field '${fieldName(path)}': ${message}`);
  }
  const saved = result.data;
  const state = checkSavedRun(saved as UncheckedRun, model.machine, labelsOf(model), origin);
  return { ...saved, state } as unknown as SavedRun;
}
