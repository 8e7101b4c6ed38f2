import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyStateNode } from 'xstate';
import { ACTORS } from '../../src/models/ceasefire-2025/actors.js';
import { ceasefireMachine } from '../../src/models/ceasefire-2025/ceasefire.machine.js';
import { EVENT_TYPES } from '../../src/models/ceasefire-2025/events.js';
import { OUTCOME_NAMES } from '../../src/models/ceasefire-2025/outcome.js';
import { runCli } from './_io.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = Array<string | number>;

/** Where each saved run stops: early in the record, at a fork, inside a branch, on a running or extended truce, at a branch's end. */
const SAVES: ReadonlyArray<{ readonly branch: string | null; readonly stopAfter: string }> = [
  { branch: null, stopAfter: 'aid-suspended' },
  { branch: null, stopAfter: 'plea-to-spare' },
  { branch: 'russia-accepts-truce-expires', stopAfter: 'truce-starts' },
  { branch: 'russia-accepts-truce-extended', stopAfter: 'truce-extended' },
  { branch: 'russia-rejects-sanctions-follow', stopAfter: 'putin-rejects' },
  { branch: 'moscow-drags-terms-out', stopAfter: 'us-presses-again' },
  { branch: 'truce-collapses', stopAfter: 'violation-reported' },
  { branch: 'encircled-troops-spared', stopAfter: 'truce-starts' },
];

const FORMATS = ['text', 'json'] as const;
const RUNS = 300;

interface Saved {
  readonly text: string;
  /** What resuming the untampered save prints, per format. */
  readonly resumed: Record<(typeof FORMATS)[number], { code: number; stdout: string; stderr: string }>;
}

function stateNames(node: AnyStateNode): string[] {
  return Object.values(node.states as Record<string, AnyStateNode>).flatMap((child) => [child.key, ...stateNames(child)]);
}

const AFTER_TYPES = ['running', 'extended'].map((s) => `xstate.after.truceLength.ceasefire.proposal.inForce.${s}`);
const isoDate = fc.date({ min: new Date('2024-08-01T00:00:00Z'), max: new Date('2025-06-30T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

/** Strings a tamperer would try: names the model knows, real and impossible days, anything. */
const word: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...new Set(stateNames(ceasefireMachine.root))) },
  { weight: 2, arbitrary: fc.constantFrom(...EVENT_TYPES, ...AFTER_TYPES) },
  { weight: 1, arbitrary: fc.constantFrom('undecided', 'endorsed', 'withdrawn', 'conditional', 'accepted', 'rejected', ...OUTCOME_NAMES) },
  { weight: 1, arbitrary: fc.constantFrom(...Object.keys(ACTORS), ...Object.values(ACTORS).map((a) => a.name), 'calendar', 'Calendar') },
  { weight: 3, arbitrary: isoDate },
  { weight: 1, arbitrary: fc.constantFrom('2025-02-29', '2025-02-30', '2025-04-31', '2025-13-01', '2025-00-10', '2025-3-16', '') },
  { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'toString', 'timer-2025-04-15', 'march-2025', 'spared.json') },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

/** A pending timer as a tamperer would add one. */
const timer: fc.Arbitrary<Json> = fc.record({
  id: fc.constantFrom(...AFTER_TYPES, 'x'),
  event: fc.record({ type: fc.constantFrom(...AFTER_TYPES, 'russia.reject') }),
  due: isoDate,
  description: fc.constantFrom('30 days (truceLength) elapse in proposal.inForce.running', 'soon'),
});

/** Where a change lands: a part of the saved run, then one node inside it (by index, modulo the nodes there). */
const REGIONS: readonly Path[] = [
  [], ['format'], ['scenario'], ['branch'], ['position'],
  ['state', 'value'], ['state', 'context'], ['state', 'calendar'], ['state', 'pendingTimers'],
  ['state', 'steps'], ['state', 'expectations'], ['state', 'warnings'],
];

type Change =
  | { readonly kind: 'replace'; readonly value: Json }
  | { readonly kind: 'word'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'flip' }
  | { readonly kind: 'shiftDate'; readonly days: number }
  | { readonly kind: 'delete' }
  | { readonly kind: 'addKey'; readonly key: string; readonly value: Json }
  | { readonly kind: 'addTimer'; readonly value: Json }
  | { readonly kind: 'duplicate' }
  | { readonly kind: 'swap' };

interface Mutation {
  readonly region: Path;
  readonly target: number;
  readonly change: Change;
}

const change: fc.Arbitrary<Change> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 2 }).map((value) => ({ kind: 'replace' as const, value: value as Json })) },
  { weight: 6, arbitrary: word.map((value) => ({ kind: 'word' as const, value })) },
  { weight: 2, arbitrary: fc.oneof(fc.integer({ min: -2, max: 60 }), fc.double(), fc.constant(2 ** 53)).map((value) => ({ kind: 'number' as const, value })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'flip' as const }) },
  { weight: 3, arbitrary: fc.integer({ min: -40, max: 40 }).map((days) => ({ kind: 'shiftDate' as const, days })) },
  { weight: 3, arbitrary: fc.constant({ kind: 'delete' as const }) },
  { weight: 1, arbitrary: fc.tuple(fc.oneof(word, fc.string({ maxLength: 6 })), fc.jsonValue({ maxDepth: 1 })).map(([key, value]) => ({ kind: 'addKey' as const, key, value: value as Json })) },
  { weight: 2, arbitrary: timer.map((value) => ({ kind: 'addTimer' as const, value })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'duplicate' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'swap' as const }) },
);

const mutation: fc.Arbitrary<Mutation> = fc.record({ region: fc.constantFrom(...REGIONS), target: fc.nat(), change });

function nodesUnder(value: Json, path: Path): Array<{ path: Path; value: Json }> {
  const here = [{ path, value }];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => nodesUnder(v, [...path, i]))];
  if (value !== null && typeof value === 'object') return [...here, ...Object.entries(value).flatMap(([k, v]) => nodesUnder(v, [...path, k]))];
  return here;
}

const valueAt = (root: Json, path: Path): Json => path.reduce<Json>((node, key) => (node as Record<string | number, Json>)[key]!, root);
const isDay = (value: Json) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Which nodes a change can apply to. */
function fits(change: Change, node: { path: Path; value: Json }, root: Json): boolean {
  const parent = node.path.length ? valueAt(root, node.path.slice(0, -1)) : undefined;
  switch (change.kind) {
    case 'word': return typeof node.value === 'string';
    case 'number': return typeof node.value === 'number';
    case 'flip': return typeof node.value === 'boolean';
    case 'shiftDate': return isDay(node.value);
    case 'delete': case 'replace': return node.path.length > 0;
    case 'addKey': return node.value !== null && typeof node.value === 'object' && !Array.isArray(node.value);
    case 'addTimer': return node.path.join('.') === 'state.pendingTimers';
    case 'duplicate': case 'swap': return Array.isArray(parent);
  }
}

/** Apply a mutation to a copy of a saved run; returns the copy and the path of what changed (null: nothing fitted). */
function mutate(text: string, { region, target, change }: Mutation): { run: Json; changed: Path | null; kind: Change['kind'] } {
  const run = JSON.parse(text) as Json;
  const start = region.reduce<Json | undefined>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, Json>)[key] : undefined), run);
  let candidates = start === undefined ? [] : nodesUnder(start, region).filter((n) => fits(change, n, run));
  // A change that fits nothing in its region lands anywhere it fits instead.
  if (!candidates.length) candidates = nodesUnder(run, []).filter((n) => fits(change, n, run));
  if (!candidates.length) return { run, changed: null, kind: change.kind };
  const { path, value } = candidates[target % candidates.length]!;
  const key = path.at(-1)!;
  const parent = valueAt(run, path.slice(0, -1)) as Record<string | number, Json> & Json[];
  switch (change.kind) {
    case 'replace': case 'word': case 'number': parent[key] = change.value; break;
    case 'flip': parent[key] = !value; break;
    case 'shiftDate': parent[key] = shift(value as string, change.days); break;
    case 'delete': if (Array.isArray(parent)) parent.splice(key as number, 1); else delete parent[key]; break;
    case 'addKey': (value as Record<string, Json>)[change.key] = change.value; return { run, changed: [...path, change.key], kind: change.kind };
    case 'addTimer': (value as Json[]).push(change.value); return { run, changed: [...path, (value as Json[]).length - 1], kind: change.kind };
    case 'duplicate': parent.splice(key as number, 0, structuredClone(value)); break;
    case 'swap': {
      const other = ((key as number) + 1) % parent.length;
      [parent[key as number], parent[other]] = [parent[other]!, parent[key as number]!];
      break;
    }
  }
  return { run, changed: path, kind: change.kind };
}

/**
 * The one free text of a saved run: the reason a lenient run gave for skipping
 * a step. Its step and date are checked against the scenario, its wording is
 * not, so a change there only has to end cleanly.
 */
function freeText(path: Path): boolean {
  const [a, b, c] = path;
  return a === 'state' && b === 'warnings' && typeof c === 'number';
}

describe('resuming a tampered saved run', () => {
  let dir: string;
  const saves: Saved[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tampered-'));
    const file = join(dir, 'run.json');
    for (const { branch, stopAfter } of SAVES) {
      const road = branch ? ['--branch', branch] : [];
      const made = await runCli('run', 'march-2025', ...road, '--stop-after', stopAfter, '--save', file);
      expect(made.code, `${branch} ${stopAfter}`).toBe(0);
      const text = readFileSync(file, 'utf8');
      const resumed = {} as Saved['resumed'];
      for (const format of FORMATS) resumed[format] = await runCli('resume', file, '--format', format);
      saves.push({ text, resumed });
    }
  }, 120_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints what the untampered save prints, or refuses it in one line naming the file; never anything else', async () => {
    const file = join(dir, 'run.json');
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: SAVES.length - 1 }), fc.constantFrom(...FORMATS), mutation, async (index, format, m) => {
        const saved = saves[index]!;
        const { run, changed } = mutate(saved.text, m);
        writeFileSync(file, JSON.stringify(run, null, 2));
        const { code, stdout, stderr } = await runCli('resume', file, '--format', format);
        expect([0, 1, 2]).toContain(code);
        if (code === 2) {
          refused += 1;
          expect(stdout).toBe('');
          expect(stderr).toMatch(/^ceasefire: [^\n]*\n$/);
          expect(stderr).toContain(`${file}: `);
          return;
        }
        if (changed && freeText(changed)) return;
        const untampered = saved.resumed[format];
        expect({ code, stdout, stderr }).toEqual(untampered);
      }),
      { numRuns: RUNS },
    );
    // Most tampering is caught; a property that refused nothing would test nothing.
    expect(refused).toBeGreaterThan(RUNS / 2);
  }, 120_000);
});
