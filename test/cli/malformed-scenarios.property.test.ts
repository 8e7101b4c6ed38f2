import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { parse, stringify } from 'yaml';
import march from '../../scenarios/march-2025.js';
import { ACTORS } from '../../src/models/ceasefire-2025/actors.js';
import { EVENT_TYPES } from '../../src/models/ceasefire-2025/events.js';
import { OUTCOME_NAMES } from '../../src/models/ceasefire-2025/outcome.js';
import { runCli } from './_io.js';
import { WHAT_IF } from './_what-if.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };
type Path = Array<string | number>;

/** The valid what-if as data: every run mutates a copy of it. */
const VALID = WHAT_IF as unknown as JsonObject;

const RECORD_IDS = march.steps.map((s) => s.id);
const ACTOR_IDS = Object.keys(ACTORS);
const BRANCH_NAME = 'what-if';

// ---------------------------------------------------------------- arbitraries

/** Anything a user could put where a value belongs. */
const junk: fc.Arbitrary<Json> = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('', ' ', '-', 'null', '~', '2025-03-15', 'russia.reject', 'putin', 'rejected', 'plea-to-spare'),
  fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.constant(null)), { maxLength: 3 }),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
);

const isoDate = fc
  .date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const pad = (n: number, width: number) => String(n).padStart(width, '0');
/** Dates: real days near the record, shapes that look like dates but are not days, free text. */
const anyDate: fc.Arbitrary<Json> = fc.oneof(
  { weight: 4, arbitrary: isoDate },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`) },
  { weight: 1, arbitrary: fc.constantFrom('2025-02-29', '2024-02-29', '2025-3-15', '15 March', '2025/03/15', '2025-03-15T00:00:00Z', '20250315') },
  { weight: 1, arbitrary: junk },
);

const eventName: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...EVENT_TYPES) },
  { weight: 1, arbitrary: fc.constantFrom(...EVENT_TYPES).map((e) => e.replace(/.$/, 'x')) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom('toString', '__proto__', 'constructor', 'hasOwnProperty', 'RUSSIA.REJECT', 'russia.', '.reject') },
);
const anyEvent: fc.Arbitrary<Json> = fc.oneof(
  { weight: 4, arbitrary: eventName },
  { weight: 1, arbitrary: eventName.map((type) => ({ type })) },
  { weight: 1, arbitrary: fc.tuple(eventName, fc.string({ maxLength: 8 }), junk).map(([type, key, value]) => withKey({ type }, key, value)) },
  { weight: 1, arbitrary: junk },
);

const anyActor: fc.Arbitrary<Json> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...ACTOR_IDS) },
  { weight: 1, arbitrary: fc.constantFrom('Putin', 'toString', '__proto__', 'calendar', 'united states') },
  { weight: 1, arbitrary: junk },
);

const stepId: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('putin-rejects', 'sanctions-imposed', 'extra-step', ...RECORD_IDS.slice(-5)),
  fc.string({ maxLength: 12 }),
);

const anyStep: fc.Arbitrary<Json> = fc
  .record(
    {
      id: stepId,
      date: anyDate,
      actor: anyActor,
      event: anyEvent,
      verification: fc.oneof(fc.constantFrom('claimed', 'reported', 'assessed', 'confirmed'), junk),
      note: fc.oneof(fc.string({ maxLength: 30 }), junk),
      attribution: fc.oneof(fc.constantFrom('The New York Times reported', 'reports', ''), junk),
      datePrecision: fc.oneof(fc.constantFrom('day', 'month', 'undated'), junk),
      sources: fc.oneof(
        fc.array(fc.record({ article: fc.constantFrom('000', '001', '002', '003'), quote: fc.string({ maxLength: 20 }) }), { maxLength: 2 }),
        junk,
      ),
      expect: fc.oneof(
        fc.record(
          {
            state: fc.oneof(fc.dictionary(fc.constantFrom('proposal', 'leverage', 'aid', 'nope'), junk, { maxKeys: 2 }), fc.string({ maxLength: 20 }), junk),
            outcome: fc.oneof(fc.constantFrom(...OUTCOME_NAMES), junk),
            description: fc.string({ maxLength: 10 }),
          },
          { requiredKeys: [] },
        ),
        junk,
      ),
    },
    { requiredKeys: ['id', 'date', 'actor', 'event'] },
  )
  .map((s) => s as Json);

const anyBranch: fc.Arbitrary<Json> = fc
  .record(
    {
      name: fc.oneof(fc.constant(BRANCH_NAME), fc.string({ maxLength: 8 })),
      title: fc.oneof(fc.constant('A road not taken'), junk),
      from: fc.oneof(fc.constantFrom('putin-rejects', 'sanctions-imposed', ...RECORD_IDS), fc.string({ maxLength: 8 })),
      motivation: fc.oneof(fc.constant({ article: '002', quote: 'spared' }), junk),
      expectedOutcome: fc.oneof(fc.constantFrom(...OUTCOME_NAMES), junk),
      until: anyDate,
      steps: fc.array(anyStep, { maxLength: 3 }),
    },
    { requiredKeys: ['name', 'title', 'from', 'motivation', 'expectedOutcome', 'steps'] },
  )
  .map((b) => b as Json);

/** Edits of the scenario as data; `pick` chooses a node (modulo how many there are). */
type DataMutation =
  | { kind: 'drop'; pick: number }
  | { kind: 'swap'; pick: number; value: Json }
  | { kind: 'addKey'; pick: number; key: string; value: Json }
  | { kind: 'duplicateStep'; from: number; to: number }
  | { kind: 'shuffleDates'; order: number[] }
  | { kind: 'set'; field: 'date' | 'event' | 'actor' | 'id'; step: number; value: Json }
  | { kind: 'addStep'; at: number; step: Json }
  | { kind: 'top'; field: 'from' | 'extends' | 'expectedOutcome' | 'until' | 'id' | 'title'; value: Json }
  | { kind: 'branch'; branch: Json };

const dataMutation: fc.Arbitrary<DataMutation> = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), pick: fc.nat(), value: junk }),
  fc.record({ kind: fc.constant('addKey' as const), pick: fc.nat(), key: fc.oneof(fc.constantFrom('extra', 'type', 'notes', 'Date', 'steps'), fc.string({ maxLength: 8 })), value: junk }),
  fc.record({ kind: fc.constant('duplicateStep' as const), from: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('shuffleDates' as const), order: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }) }),
  fc.record({ kind: fc.constant('set' as const), field: fc.constant('date' as const), step: fc.nat(), value: anyDate }),
  fc.record({ kind: fc.constant('set' as const), field: fc.constant('event' as const), step: fc.nat(), value: anyEvent }),
  fc.record({ kind: fc.constant('set' as const), field: fc.constant('actor' as const), step: fc.nat(), value: anyActor }),
  fc.record({ kind: fc.constant('set' as const), field: fc.constant('id' as const), step: fc.nat(), value: fc.oneof(stepId, junk) }),
  fc.record({ kind: fc.constant('addStep' as const), at: fc.nat(), step: anyStep }),
  fc.record({ kind: fc.constant('top' as const), field: fc.constant('from' as const), value: fc.oneof(fc.constantFrom(...RECORD_IDS), junk) }),
  fc.record({ kind: fc.constant('top' as const), field: fc.constantFrom('extends' as const), value: fc.oneof(fc.constantFrom('march-2025', 'april-2025', '../scenarios/march-2025', ''), junk) }),
  fc.record({ kind: fc.constant('top' as const), field: fc.constantFrom('expectedOutcome' as const), value: fc.oneof(fc.constantFrom(...OUTCOME_NAMES), junk) }),
  fc.record({ kind: fc.constant('top' as const), field: fc.constantFrom('until' as const, 'id' as const, 'title' as const), value: fc.oneof(anyDate, junk) }),
  fc.record({ kind: fc.constant('branch' as const), branch: anyBranch }),
);

/*
 * Characters inserted into the text: YAML and JSON syntax (anchors and aliases
 * included), letters, digits, whitespace and some non-ASCII.
 */
const SYNTAX = [...':-[]{}#!|>\'"%@`,?.~\\/*& \t\n\r', 'a', 'z', 'Q', '0', '9', '\u00e9', '\u2014', '\u{1F54A}', '\u0000', '\uFEFF'];
const insertText = fc.oneof(
  fc.string({ unit: fc.constantFrom(...SYNTAX), minLength: 1, maxLength: 6 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }),
  fc.constantFrom('\n  - ', ': ', '- ', '{', '}', '[', ']', '"', "'", '\n---\n', '#', '!!str ', '!!int ', '!!timestamp ', '!!binary ', '!!set ', '!!omap ', '%YAML 1.1\n---\n', '\t', '<<: '),
);

/** Edits of the text itself, after serialising. */
type TextMutation =
  | { kind: 'none' }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'swapLines'; a: number; b: number };

const textMutation: fc.Arbitrary<TextMutation> = fc.oneof(
  { weight: 5, arbitrary: fc.constant({ kind: 'none' as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: insertText }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('swapLines' as const), a: fc.nat(), b: fc.nat() }) },
);

type Format = 'yaml' | 'yaml-flow' | 'json' | 'json-min';

/*
 * Well-formed but implausible stories: known events, actors and real days,
 * then sorted by date with unique ids (`inOrder`), so the file passes the checks
 * and the model itself has to accept or refuse what happens.
 */
const laterDay = fc.integer({ min: 14, max: 60 }).map((n) => new Date(Date.UTC(2025, 2, n)).toISOString().slice(0, 10));
const plausibleStep: fc.Arbitrary<Json> = fc.record({
  id: fc.constantFrom('s1', 's2', 's3', 's4', 's5', 's6'),
  date: laterDay,
  actor: fc.constantFrom(...ACTOR_IDS),
  event: fc.constantFrom(...EVENT_TYPES),
});
const plausibleMutation: fc.Arbitrary<DataMutation> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), field: fc.constant('event' as const), step: fc.nat(), value: fc.constantFrom(...EVENT_TYPES) }),
  fc.record({ kind: fc.constant('set' as const), field: fc.constant('date' as const), step: fc.nat(), value: laterDay }),
  fc.record({ kind: fc.constant('addStep' as const), at: fc.nat(), step: plausibleStep }),
  fc.record({ kind: fc.constant('shuffleDates' as const), order: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }) }),
  fc.record({ kind: fc.constant('top' as const), field: fc.constant('from' as const), value: fc.constantFrom(...RECORD_IDS) }),
  fc.record({ kind: fc.constant('top' as const), field: fc.constant('expectedOutcome' as const), value: fc.constantFrom(...OUTCOME_NAMES) }),
  fc.record({ kind: fc.constant('top' as const), field: fc.constant('until' as const), value: fc.constantFrom('2025-04-30', '2025-06-30', '2025-03-01') }),
  fc.record({
    kind: fc.constant('branch' as const),
    branch: fc
      .record({
        name: fc.constant(BRANCH_NAME),
        title: fc.constant('A road not taken'),
        from: fc.constantFrom('putin-rejects', 'sanctions-imposed', ...RECORD_IDS),
        motivation: fc.constant({ article: '002', quote: 'spared' }),
        expectedOutcome: fc.constantFrom(...OUTCOME_NAMES),
        steps: fc.array(plausibleStep, { maxLength: 3 }),
      })
      .map((b) => b as Json),
  }),
);

const options = {
  format: fc.constantFrom<Format>('yaml', 'yaml', 'yaml-flow', 'json', 'json-min'),
  // A file named .json may hold YAML (JSON is YAML, and the parser reads both).
  ext: fc.constantFrom('.yaml', '.yml', '.json'),
  lenient: fc.boolean(),
  // Mostly the record; sometimes the branch a mutation may have added, or one nobody declared.
  branch: fc.oneof({ weight: 6, arbitrary: fc.constant(null) }, { weight: 3, arbitrary: fc.constant(BRANCH_NAME) }, { weight: 1, arbitrary: fc.constant('no-such-road') }),
};

const malformed = fc.oneof(
  { weight: 3, arbitrary: fc.record({ edits: fc.array(dataMutation, { minLength: 0, maxLength: 3 }), inOrder: fc.constant(false), text: textMutation, ...options }) },
  {
    weight: 1,
    arbitrary: fc.record({ edits: fc.array(plausibleMutation, { minLength: 1, maxLength: 4 }), inOrder: fc.constant(true), text: fc.constant<TextMutation>({ kind: 'none' }), ...options }),
  },
);
type Malformed = typeof malformed extends fc.Arbitrary<infer T> ? T : never;

// ---------------------------------------------------------------- applying edits

function withKey(target: JsonObject, key: string, value: Json): JsonObject {
  // defineProperty: a key such as `__proto__` must be an own field, as YAML makes it.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return target;
}

const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every node below the root, as paths. */
function paths(node: Json, prefix: Path = []): Path[] {
  const children: Array<[string | number, Json]> = Array.isArray(node) ? node.map((v, i) => [i, v]) : isObject(node) ? Object.entries(node) : [];
  return children.flatMap(([key, value]) => [[...prefix, key], ...paths(value, [...prefix, key])]);
}

function nodeAt(root: Json, path: Path): Json {
  let node: Json = root;
  for (const key of path) node = (Array.isArray(node) ? node[key as number] : isObject(node) ? node[key as string] : null) ?? null;
  return node;
}

function parentOf(root: Json, path: Path): { parent: Json; key: string | number } {
  return { parent: nodeAt(root, path.slice(0, -1)), key: path[path.length - 1]! };
}

function pick<T>(items: readonly T[], n: number): T | undefined {
  return items.length ? items[n % items.length] : undefined;
}

function stepsOf(doc: JsonObject): JsonObject[] {
  return Array.isArray(doc.steps) ? doc.steps.filter(isObject) : [];
}

function applyData(doc: JsonObject, m: DataMutation): void {
  switch (m.kind) {
    case 'drop':
    case 'swap': {
      const path = pick(paths(doc), m.pick);
      if (!path) return;
      const { parent, key } = parentOf(doc, path);
      if (Array.isArray(parent) && typeof key === 'number') {
        if (m.kind === 'drop') parent.splice(key, 1);
        else parent[key] = m.value;
      } else if (isObject(parent) && typeof key === 'string') {
        if (m.kind === 'drop') delete parent[key];
        else withKey(parent, key, m.value);
      }
      return;
    }
    case 'addKey': {
      const objects = [doc, ...paths(doc).map((p) => nodeAt(doc, p))].filter(isObject);
      const target = pick(objects, m.pick);
      if (target) withKey(target, m.key, m.value);
      return;
    }
    case 'duplicateStep': {
      if (!Array.isArray(doc.steps) || doc.steps.length === 0) return;
      const copy = structuredClone(pick(doc.steps, m.from) ?? null);
      doc.steps.splice(m.to % (doc.steps.length + 1), 0, copy);
      return;
    }
    case 'shuffleDates': {
      const steps = stepsOf(doc);
      const dates = steps.map((s) => s.date ?? null);
      steps.forEach((s, i) => {
        s.date = pick(dates, pick(m.order, i) ?? 0) ?? null;
      });
      return;
    }
    case 'set': {
      const step = pick(stepsOf(doc), m.step);
      if (step) withKey(step, m.field, m.value);
      return;
    }
    case 'addStep': {
      if (!Array.isArray(doc.steps)) doc.steps = [];
      doc.steps.splice(m.at % (doc.steps.length + 1), 0, m.step);
      return;
    }
    case 'top':
      withKey(doc, m.field, m.value);
      return;
    case 'branch':
      if (!Array.isArray(doc.branches)) doc.branches = [];
      doc.branches.push(m.branch);
      return;
  }
}

/** Sort the steps by date and make their ids unique, so only the model can object. */
function putInOrder(doc: JsonObject): void {
  const tidy = (steps: Json | undefined) => {
    if (!Array.isArray(steps)) return;
    steps.sort((a, b) => String(isObject(a) ? a.date : '').localeCompare(String(isObject(b) ? b.date : '')));
    steps.forEach((step, i) => {
      if (isObject(step)) step.id = `${String(step.id)}-${i}`;
    });
  };
  tidy(doc.steps);
  if (Array.isArray(doc.branches)) for (const branch of doc.branches) if (isObject(branch)) tidy(branch.steps);
}

function serialise(doc: JsonObject, format: Format): string {
  switch (format) {
    case 'yaml':
      return stringify(doc);
    case 'yaml-flow':
      return stringify(doc, { collectionStyle: 'flow' });
    case 'json':
      return `${JSON.stringify(doc, null, 2)}\n`;
    case 'json-min':
      return JSON.stringify(doc);
  }
}

function applyText(text: string, m: TextMutation): string {
  switch (m.kind) {
    case 'none':
      return text;
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
    case 'insert': {
      const at = m.at % (text.length + 1);
      return `${text.slice(0, at)}${m.text}${text.slice(at)}`;
    }
    case 'delete': {
      const at = m.at % (text.length + 1);
      return `${text.slice(0, at)}${text.slice(at + m.length)}`;
    }
    case 'swapLines': {
      const lines = text.split('\n');
      const a = m.a % lines.length;
      const b = m.b % lines.length;
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return lines.join('\n');
    }
  }
}

function scenarioText(input: Malformed): string {
  const doc = structuredClone(VALID);
  for (const edit of input.edits) applyData(doc, edit);
  if (input.inOrder) putInOrder(doc);
  return applyText(serialise(doc, input.format), input.text);
}

// ---------------------------------------------------------------- the property

/** The messages on stderr, one a line, each starting `ceasefire: ` (line breaks in echoed values are escaped). */
function stderrMessages(stderr: string): string[] {
  if (stderr === '') return [];
  expect(stderr.endsWith('\n')).toBe(true);
  const lines = stderr.slice(0, -1).split('\n');
  for (const line of lines) {
    expect(line).toMatch(/^ceasefire: /);
    expect(line).not.toContain('\r');
  }
  return lines;
}

const NUM_RUNS = 2000;

/** A file that passed every check and was refused while replaying. */
const MODEL_REFUSAL = /is refused by the model's rules|is not accepted in the current state|is dated before the model's current date/;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'scenario-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('ceasefire run on malformed scenario files', () => {
  it('always exits 0, 1 or 2; a refusal is ceasefire: lines, one per problem, a run is JSON', async () => {
    // A library warning would reach the real process's stderr as extra lines.
    const warnings = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
    const codes = new Map<number, number>();
    const messages = new Set<string>();
    let modelRefusals = 0;

    await fc.assert(
      fc.asyncProperty(malformed, async (input) => {
        const text = scenarioText(input);
        const file = join(dir, `scenario${input.ext}`);
        writeFileSync(file, text);
        const args = ['run', file, '--format', 'json', ...(input.lenient ? ['--lenient'] : []), ...(input.branch ? ['--branch', input.branch] : [])];
        warnings.mockClear();
        const { code, stdout, stderr } = await runCli(...args);
        codes.set(code, (codes.get(code) ?? 0) + 1);

        expect([0, 1, 2]).toContain(code);
        expect(stderr).not.toContain('    at ');
        expect(stderr).not.toContain('internal error');
        // A library warning would reach the real process's stderr as extra lines.
        expect(warnings.mock.calls.map(([w]) => String(w instanceof Error ? w.message : w))).toEqual([]);
        const lines = stderrMessages(stderr);
        if (code === 2) {
          expect(stdout).toBe('');
          // Every problem of the file is a line of its own: at most 50, then one '… and N more'.
          expect(lines.length).toBeGreaterThanOrEqual(1);
          expect(lines.length).toBeLessThanOrEqual(51);
          for (const line of lines) expect(line).toMatch(/^ceasefire: (?!warning: )/);
          expect(new Set(lines).size).toBe(lines.length);
          if (MODEL_REFUSAL.test(stderr)) modelRefusals += 1;
          messages.add(stderr.replace(file, 'F').replace(/:\d+:\d+:/, ':L:C:').replace(/'[^']*'/g, "'…'"));
        } else {
          const run = JSON.parse(stdout) as { ok: boolean; final: { outcome: string } };
          expect(run.ok).toBe(code === 0);
          expect(typeof run.final.outcome).toBe('string');
          // Only a lenient run may write to stderr, and only its warnings.
          if (!input.lenient) expect(stderr).toBe('');
          for (const line of lines) expect(line).toMatch(/^ceasefire: warning: .*\(skipped\)$/);
        }
      }),
      { numRuns: NUM_RUNS, seed: 42, endOnFailure: true },
    );

    // Not vacuous: most inputs are refused, in many different ways, and some still run.
    const refused = codes.get(2) ?? 0;
    expect(refused).toBeGreaterThan(NUM_RUNS / 3);
    expect(messages.size).toBeGreaterThan(40);
    expect((codes.get(0) ?? 0) + (codes.get(1) ?? 0)).toBeGreaterThan(20);
    expect(modelRefusals).toBeGreaterThan(20);
    console.info(`exit codes: ${JSON.stringify(Object.fromEntries([...codes].sort()))}; ${messages.size} kinds of refusal (${modelRefusals} by the model)`);
    // Generous: two thousand in-process runs on a busy 2-core machine take far longer than on an idle one.
  }, 900_000);
});

/* Inputs the generator found that once crashed or broke the one-line rule, kept as plain cases. */
describe('ceasefire run on tricky YAML', () => {
  const runText = async (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return { file, ...(await runCli('run', file, '--format', 'json')) };
  };
  const base = stringify(VALID);
  const title = 'title: What if Russia had rejected the proposal on Friday?';

  it('refuses an alias to an undefined anchor with exit 2', async () => {
    const { code, stderr } = await runText('alias.yaml', base.replace(title, 'title: *t'));
    expect(stderr).toMatch(/^ceasefire: (?!internal error)[^\n]+\n$/);
    expect(code).toBe(2);
  });

  it('refuses a stray alias in a JSON file with exit 2', async () => {
    const { code, stderr } = await runText('alias.json', JSON.stringify(VALID).replace('"steps"', '"x": *a, "steps"'));
    expect(stderr).toMatch(/^ceasefire: (?!internal error)[^\n]+\n$/);
    expect(code).toBe(2);
  });

  it('refuses a self-referencing anchor with exit 2', async () => {
    const { code, stderr } = await runText('cycle.yaml', base.replace(title, 'title: &t [ *t ]'));
    expect(stderr).toMatch(/^ceasefire: (?!internal error)[^\n]+\n$/);
    expect(code).toBe(2);
  });

  it('refuses an alias bomb with exit 2', async () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]'].join('\n');
    const { code, stderr } = await runText('bomb.yaml', `${bomb}\n${base}`);
    expect(stderr).toMatch(/^ceasefire: (?!internal error)[^\n]+\n$/);
    expect(code).toBe(2);
  });

  it('keeps the message on one line when an echoed value holds a line break', async () => {
    const { code, stderr } = await runText('newline.yaml', base.replace('event: russia.reject', 'event: "russia.reject\\nnow"'));
    expect(code).toBe(2);
    expect(stderr).toMatch(/^ceasefire: [^\r\n]+\n$/);
  });

  it('refuses a collection used as a key without a Node warning on stderr', async () => {
    const warnings = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
    const { code } = await runText('complex-key.yaml', `? [a, b]\n: c\n${base}`);
    expect(code).toBe(2);
    expect(warnings).not.toHaveBeenCalled();
  });
});
