import { LineCounter, isNode, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { ScenarioError } from './errors.js';
import { buildsOn, type Model } from './model.js';
import type { Article, Branch, Scenario, Step } from './scenario.js';
import { scenarioFileSchema, stepsFileSchema, type ScenarioFile } from './schema.js';
import { validateScenario, type FieldPath, type Locate } from './validate.js';

/** Finds the scenario a file `extends` (e.g. the shipped `march-2025`). */
export type ResolveScenario = (id: string) => Promise<Scenario>;

/** Finds the model a file names in `model:` (undefined when it names none); throws an Error saying why when it cannot. */
export type ResolveModel = (id: string | undefined) => Model;

interface Parsed {
  readonly data: unknown;
  readonly locate: Locate;
}

/** Parse YAML or JSON text (JSON is YAML), keeping positions for error messages. */
function parseText(text: string, origin: string): Parsed {
  const lineCounter = new LineCounter();
  // logLevel 'error': the yaml library would otherwise print its own warnings on stderr.
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  const error = doc.errors[0];
  if (error) {
    const pos = lineCounter.linePos(error.pos[0]);
    throw new ScenarioError(`${origin}:${pos.line}:${pos.col}: ${error.message.split('\n')[0]}`);
  }
  const locate: Locate = (path) => {
    // A missing field has no node; point at the nearest enclosing one instead.
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) {
        const { line, col } = lineCounter.linePos(node.range[0]);
        return `:${line}:${col}`;
      }
    }
    return '';
  };
  let data: unknown;
  try {
    // Aliases are resolved here: an unknown anchor, a cycle or an alias bomb is bad input too.
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new ScenarioError(`${origin}: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ScenarioError(`${origin}${locate([])}: the file: expected a mapping with id, title and steps`);
  }
  return { data, locate };
}

function at(data: unknown, path: FieldPath): unknown {
  return path.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), data);
}

/** `step 3 'russia-rejects'` or `branch 'x' step 1 'y'` for the part of the path that names a step. */
function describeWhere(data: unknown, path: FieldPath): { where: string; field: FieldPath } {
  let where = '';
  let rest = path;
  if (rest[0] === 'branches' && typeof rest[1] === 'number') {
    const name = at(data, ['branches', rest[1], 'name']);
    where = typeof name === 'string' ? `branch '${name}'` : `branch ${rest[1] + 1}`;
    rest = rest.slice(2);
  }
  if (rest[0] === 'steps' && typeof rest[1] === 'number') {
    const id = at(data, [...path.slice(0, path.length - rest.length), 'steps', rest[1], 'id']);
    where = `${where ? `${where} ` : ''}step ${rest[1] + 1}${typeof id === 'string' ? ` '${id}'` : ''}`;
    rest = rest.slice(2);
  }
  return { where: where || 'scenario', field: rest };
}

function fieldName(field: FieldPath): string {
  return field.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i ? '.' : ''}${key}`)).join('');
}

type Issue = z.core.$ZodIssue;

/** The innermost issue worth reporting, with its full path. */
function innermost(issue: Issue, data: unknown, prefix: FieldPath = []): { issue: Issue; path: FieldPath } {
  const path = [...prefix, ...(issue.path as FieldPath)];
  if (issue.code === 'invalid_union' && issue.errors.length) {
    // Report against the option that matches the input's kind (a string, or an object).
    const input = at(data, path);
    const option = issue.errors[typeof input === 'string' || input === undefined ? 0 : issue.errors.length - 1] ?? issue.errors[0]!;
    if (option[0]) return innermost(option[0], data, path);
  }
  return { issue, path };
}

function schemaError(origin: string, parsed: Parsed, first: Issue): ScenarioError {
  const { issue, path } = innermost(first, parsed.data);
  const fullPath = issue.code === 'unrecognized_keys' ? [...path, issue.keys[0]!] : path;
  const { where, field } = describeWhere(parsed.data, fullPath);
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') message = 'is not part of the scenario format';
  else if (issue.code === 'invalid_type' && at(parsed.data, path) === undefined) message = 'is missing';
  const name = field.length ? `field '${fieldName(field)}'` : 'the file';
  const joined = message.startsWith('is ') || message.startsWith('needs ') ? ` ${message}` : `: ${message}`;
  return new ScenarioError(`${origin}${parsed.locate(fullPath)}: ${where}: ${name}${joined}`);
}

type StepFile = ScenarioFile['steps'][number];

function toStep(raw: StepFile, base: FieldPath, origin: string, parsed: Parsed): Step {
  const { event, ...rest } = raw;
  if (typeof event === 'object') {
    const extra = Object.keys(event).find((key) => key !== 'type');
    if (extra !== undefined) {
      const path = [...base, 'event', extra];
      const { where } = describeWhere(parsed.data, path);
      throw new ScenarioError(
        `${origin}${parsed.locate(path)}: ${where}: field 'event.${extra}': event '${event.type}' takes no payload field '${extra}' (its date is the step's)`,
      );
    }
  }
  return { ...rest, event: typeof event === 'string' ? event : event.type } as Step;
}

/** An article as the file gives it, with a left-out outlet or headline made null (the file never has to invent one). */
function toArticle(raw: NonNullable<ScenarioFile['articles']>[number]): Article {
  return { ...raw, outlet: raw.outlet ?? null, title: raw.title ?? null };
}

/**
 * Parse a YAML or JSON scenario file into a validated {@link Scenario} of
 * `model`, or of the model its `model:` field names when given a
 * {@link ResolveModel}. Every error is one line naming `origin`, the line and
 * column, the step and the field.
 */
export async function parseScenarioFile(text: string, origin: string, resolve: ResolveScenario, model: Model | ResolveModel): Promise<Scenario> {
  const parsed = parseText(text, origin);
  const named = at(parsed.data, ['model']);
  const fail = (message: string) => new ScenarioError(`${origin}${parsed.locate(['model'])}: scenario: field 'model': ${message}`);
  if (named !== undefined && typeof named !== 'string') throw fail(`expected a model id, got ${JSON.stringify(named)?.slice(0, 60) ?? typeof named}`);
  let chosen: Model;
  try {
    chosen = typeof model === 'function' ? model(named) : model;
  } catch (error) {
    throw fail(error instanceof Error ? error.message : String(error));
  }
  // A fixed model must be the one named; a resolver has already matched the name (an id, or a module's path).
  if (named !== undefined && typeof model !== 'function' && named !== chosen.id) throw fail(`'${named}' is not the model this file is read with ('${chosen.id}')`);
  const result = scenarioFileSchema(chosen).safeParse(parsed.data);
  if (!result.success) throw schemaError(origin, parsed, result.error.issues[0]!);
  const file = result.data;
  if (file.extends !== undefined && file.from === undefined) {
    throw new ScenarioError(`${origin}${parsed.locate(['extends'])}: scenario: field 'from' is missing (needed with 'extends')`);
  }
  if (file.from !== undefined && file.extends === undefined) {
    throw new ScenarioError(`${origin}${parsed.locate(['from'])}: scenario: field 'extends' is missing (needed with 'from')`);
  }
  const parent = file.extends === undefined ? undefined : await resolve(file.extends);
  // A scenario of an extended model may continue one of its base model's (the base's events are its own too).
  if (parent && !buildsOn(chosen, parent.model)) {
    throw new ScenarioError(`${origin}${parsed.locate(['extends'])}: scenario: field 'extends': scenario '${parent.id}' runs on model '${parent.model.id}', not '${chosen.id}'`);
  }
  const branches: Branch[] = (file.branches ?? []).map((b, i) => ({
    ...b,
    expectedOutcome: b.expectedOutcome as Branch['expectedOutcome'],
    steps: b.steps.map((s, j) => toStep(s, ['branches', i, 'steps', j], origin, parsed)),
  }));
  const scenario: Scenario = {
    model: chosen,
    id: file.id,
    title: file.title,
    description: file.description ?? '',
    articles: [...(parent?.articles ?? []), ...(file.articles ?? []).map(toArticle)],
    steps: file.steps.map((s, i) => toStep(s, ['steps', i], origin, parsed)),
    branches,
    origin,
    ...(parent && file.from !== undefined ? { extends: { scenario: parent, from: file.from } } : {}),
    ...(file.expectedOutcome ? { expectedOutcome: file.expectedOutcome as Scenario['expectedOutcome'] } : {}),
    ...(file.until ? { until: file.until } : {}),
  };
  return validateScenario(scenario, origin, parsed.locate);
}

/**
 * Parse a steps-only YAML or JSON file (`steps:` and optional `articles:`),
 * as `ceasefire resume --steps` takes, checked against the scenario it continues.
 */
export function parseStepsFile(text: string, origin: string, scenario: Scenario, after: { date: string | null; ids: readonly string[] }): { steps: Step[]; articles: Article[] } {
  const parsed = parseText(text, origin);
  const result = stepsFileSchema(scenario.model).safeParse(parsed.data);
  if (!result.success) throw schemaError(origin, parsed, result.error.issues[0]!);
  const articles = (result.data.articles ?? []).map(toArticle);
  const steps = result.data.steps.map((s, i) => toStep(s, ['steps', i], origin, parsed));
  // Validate as a scenario made of these steps, with the run's ids and date before them.
  const probe: Scenario = { model: scenario.model, id: 'steps', title: '', description: '', articles: [...scenario.articles, ...articles], steps, branches: [] };
  const seen = new Set(after.ids);
  const clash = steps.findIndex((s) => seen.has(s.id));
  if (clash >= 0) {
    throw new ScenarioError(`${origin}${parsed.locate(['steps', clash, 'id'])}: step ${clash + 1} '${steps[clash]!.id}': field 'id': duplicate step id '${steps[clash]!.id}'`);
  }
  const first = steps[0]!;
  if (after.date !== null && first.date < after.date) {
    throw new ScenarioError(`${origin}${parsed.locate(['steps', 0, 'date'])}: step 1 '${first.id}': field 'date': ${first.date} is before the saved run's date ${after.date}`);
  }
  validateScenario(probe, origin, parsed.locate);
  return { steps, articles };
}
