import { LineCounter, isNode, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { ScenarioError } from './errors.js';
import { buildsOn, type Model } from './model.js';
import type { Article, Branch, Scenario, Step } from './scenario.js';
import { scenarioFileSchema, stepsFileSchema, type ScenarioFile } from './schema.js';
import { scenarioProblems, type FieldPath, type Locate, type Problem } from './validate.js';

/** Finds the scenario a file `extends` (e.g. the shipped `march-2025`). */
export type ResolveScenario = (id: string) => Promise<Scenario>;

/** Finds the model a file names in `model:` (undefined when it names none); throws an Error saying why when it cannot. */
export type ResolveModel = (id: string | undefined) => Model;

interface Parsed {
  readonly data: unknown;
  readonly locate: Locate;
  /** Line and column of a path (of its nearest enclosing node), or [0, 0] when unknown: the order problems are shown in. */
  readonly place: (path: FieldPath) => readonly [number, number];
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
  const place = (path: FieldPath): readonly [number, number] => {
    // A missing field has no node; point at the nearest enclosing one instead.
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) {
        const { line, col } = lineCounter.linePos(node.range[0]);
        return [line, col];
      }
    }
    return [0, 0];
  };
  const locate: Locate = (path) => {
    const [line, col] = place(path);
    return line ? `:${line}:${col}` : '';
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
  return { data, locate, place };
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

function schemaProblem(origin: string, parsed: Parsed, reported: Issue): Problem {
  const { issue, path } = innermost(reported, parsed.data);
  const fullPath = issue.code === 'unrecognized_keys' ? [...path, issue.keys[0]!] : path;
  const { where, field } = describeWhere(parsed.data, fullPath);
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') message = 'is not part of the scenario format';
  else if (issue.code === 'invalid_type' && at(parsed.data, path) === undefined) message = 'is missing';
  const name = field.length ? `field '${fieldName(field)}'` : 'the file';
  const joined = message.startsWith('is ') || message.startsWith('needs ') ? ` ${message}` : `: ${message}`;
  return { path: fullPath, message: `${origin}${parsed.locate(fullPath)}: ${where}: ${name}${joined}` };
}

/** Every schema issue as a problem, once each. */
function schemaProblems(origin: string, parsed: Parsed, issues: readonly Issue[]): Problem[] {
  const seen = new Set<string>();
  return issues.map((issue) => schemaProblem(origin, parsed, issue)).filter((p) => !seen.has(p.message) && seen.add(p.message));
}

/** The problems in the order of the file (stable for those at one place), as one error. */
function inFileOrder(parsed: Parsed, problems: readonly Problem[]): ScenarioError {
  const placed = problems.map((problem) => ({ problem, at: parsed.place(problem.path) }));
  placed.sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1]);
  return new ScenarioError(placed.map((p) => p.problem.message));
}

const within = (inner: FieldPath, outer: FieldPath) => outer.length <= inner.length && outer.every((key, i) => inner[i] === key);

type StepFile = ScenarioFile['steps'][number];

function toStep(raw: StepFile, base: FieldPath, origin: string, parsed: Parsed, problems: Problem[]): Step {
  const { event, ...rest } = raw;
  if (typeof event === 'object') {
    for (const extra of Object.keys(event).filter((key) => key !== 'type')) {
      const path = [...base, 'event', extra];
      const { where } = describeWhere(parsed.data, path);
      problems.push({
        path,
        message: `${origin}${parsed.locate(path)}: ${where}: field 'event.${extra}': event '${event.type}' takes no payload field '${extra}' (its date is the step's)`,
      });
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
 * {@link ResolveModel}. Throws one {@link ScenarioError} with every problem
 * found, in file order, each a line naming `origin`, the line and column, the
 * step and the field.
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
  if (!result.success) {
    const found = schemaProblems(origin, parsed, result.error.issues);
    // The checks past the schema (dates in order, duplicate ids…) still run on what can be read, for one report of everything.
    const more = await roughProblems(parsed, origin, chosen, resolve);
    throw inFileOrder(parsed, [...found, ...more.filter((m) => !found.some((f) => within(m.path, f.path) || within(f.path, m.path)))]);
  }
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
  const problems: Problem[] = [];
  const branches: Branch[] = (file.branches ?? []).map((b, i) => ({
    ...b,
    expectedOutcome: b.expectedOutcome as Branch['expectedOutcome'],
    steps: b.steps.map((s, j) => toStep(s, ['branches', i, 'steps', j], origin, parsed, problems)),
  }));
  const scenario: Scenario = {
    model: chosen,
    id: file.id,
    title: file.title,
    description: file.description ?? '',
    articles: [...(parent?.articles ?? []), ...(file.articles ?? []).map(toArticle)],
    steps: file.steps.map((s, i) => toStep(s, ['steps', i], origin, parsed, problems)),
    branches,
    origin,
    ...(parent && file.from !== undefined ? { extends: { scenario: parent, from: file.from } } : {}),
    ...(file.expectedOutcome ? { expectedOutcome: file.expectedOutcome as Scenario['expectedOutcome'] } : {}),
    ...(file.until ? { until: file.until } : {}),
  };
  problems.push(...scenarioProblems(scenario, origin, parsed.locate));
  if (problems.length) throw inFileOrder(parsed, problems);
  return scenario;
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** A step as far as it can be read: an event object stands for its type; anything else is an empty step. */
function roughStep(raw: unknown): Step {
  if (!isRecord(raw)) return {} as Step;
  return { ...raw, event: isRecord(raw['event']) ? raw['event']['type'] : raw['event'] } as Step;
}

/**
 * The structural problems of a file the schema refused, read as far as it can
 * be; none when even that fails (the schema's problems then say enough).
 */
async function roughProblems(parsed: Parsed, origin: string, model: Model, resolve: ResolveScenario): Promise<Problem[]> {
  try {
    const data = parsed.data as Record<string, unknown>;
    const parent = typeof data['extends'] === 'string' && typeof data['from'] === 'string' ? await resolve(data['extends']).catch(() => undefined) : undefined;
    const scenario: Scenario = {
      model,
      id: String(data['id']),
      title: '',
      description: '',
      articles: [...(parent?.articles ?? []), ...(listOf(data['articles']).filter(isRecord) as unknown as Article[])],
      steps: listOf(data['steps']).map(roughStep),
      branches: listOf(data['branches']).map((b) => ({ ...(isRecord(b) ? b : {}), steps: listOf(isRecord(b) ? b['steps'] : undefined).map(roughStep) }) as unknown as Branch),
      ...(parent && parent.model.id === model.id ? { extends: { scenario: parent, from: data['from'] as string } } : {}),
      ...(data['expectedOutcome'] !== undefined ? { expectedOutcome: data['expectedOutcome'] as Scenario['expectedOutcome'] } : {}),
      ...(typeof data['until'] === 'string' ? { until: data['until'] } : {}),
    };
    return scenarioProblems(scenario, origin, parsed.locate);
  } catch {
    return [];
  }
}

/**
 * Parse a steps-only YAML or JSON file (`steps:` and optional `articles:`),
 * as `ceasefire resume --steps` takes, checked against the scenario it continues.
 */
export function parseStepsFile(text: string, origin: string, scenario: Scenario, after: { date: string | null; ids: readonly string[] }): { steps: Step[]; articles: Article[] } {
  const parsed = parseText(text, origin);
  const result = stepsFileSchema(scenario.model).safeParse(parsed.data);
  if (!result.success) throw inFileOrder(parsed, schemaProblems(origin, parsed, result.error.issues));
  const problems: Problem[] = [];
  const articles = (result.data.articles ?? []).map(toArticle);
  const steps = result.data.steps.map((s, i) => toStep(s, ['steps', i], origin, parsed, problems));
  // Validate as a scenario made of these steps, with the run's ids and date before them.
  const probe: Scenario = { model: scenario.model, id: 'steps', title: '', description: '', articles: [...scenario.articles, ...articles], steps, branches: [] };
  const seen = new Set(after.ids);
  steps.forEach((step, i) => {
    if (!seen.has(step.id)) return;
    const path = ['steps', i, 'id'];
    problems.push({ path, message: `${origin}${parsed.locate(path)}: step ${i + 1} '${step.id}': field 'id': duplicate step id '${step.id}'` });
  });
  const first = steps[0]!;
  if (after.date !== null && first.date < after.date) {
    const path = ['steps', 0, 'date'];
    problems.push({ path, message: `${origin}${parsed.locate(path)}: step 1 '${first.id}': field 'date': ${first.date} is before the saved run's date ${after.date}` });
  }
  problems.push(...scenarioProblems(probe, origin, parsed.locate));
  if (problems.length) throw inFileOrder(parsed, problems);
  return { steps, articles };
}
