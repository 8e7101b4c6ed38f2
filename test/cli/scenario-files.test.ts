import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './_io.js';
import { WHAT_IF } from './_what-if.js';

/** The what-if of the README: Russia rejects on Friday 14 March, sanctions follow. */
const VALID = `id: russia-rejects-on-friday
title: What if Russia had rejected the proposal on Friday?
extends: march-2025
from: plea-to-spare
expectedOutcome: rejected
steps:
  - id: putin-rejects
    date: 2025-03-15
    actor: putin
    event: russia.reject
  - id: sanctions-imposed
    date: 2025-03-20
    actor: trump
    event: us.imposeSanctions
    expect:
      state: { leverage: sanctionsImposed }
`;

/** The same scenario as a JSON object. */
const VALID_OBJECT = WHAT_IF;

/** A one-branch road in the same file: Russia attacks the encircled troops, then rejects. */
const BRANCH = `branches:
  - name: encircled-attacked
    title: What if Russia had attacked the encircled troops instead?
    from: plea-to-spare
    motivation:
      article: '002'
      quote: I have strongly requested to President Putin that their lives be spared.
    expectedOutcome: rejected
    steps:
      - id: encircled-attacked
        date: 2025-03-16
        actor: russian-forces
        event: russia.attackEncircled
      - id: putin-rejects-later
        date: 2025-03-20
        actor: putin
        event: russia.reject
`;

const REFUSED = "event 'ceasefire.start' is refused by the model's rules in proposal.underConsideration (guards: bothPartiesAccepted)";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'scenario-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Write `text` to `name` in the temp dir and return its path. */
function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** The valid YAML with `from` replaced by `to` (which must occur exactly once). */
function edit(from: string, to: string): string {
  expect(VALID.split(from)).toHaveLength(2);
  return VALID.replace(from, to);
}

/** `text` as a literal in a regular expression. */
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

type Run = Awaited<ReturnType<typeof runCli>>;

/** Assert a bad-input run: exit 2, nothing on stdout, one line on stderr; return that line. */
function badInput(run: Run): string {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr.endsWith('\n')).toBe(true);
  const lines = run.stderr.slice(0, -1).split('\n');
  expect(lines).toHaveLength(1);
  expect(run.stderr).toMatch(/^ceasefire: /);
  expect(run.stderr).not.toContain('    at ');
  expect(run.stderr).not.toContain('internal error');
  return lines[0]!;
}

interface JsonRun {
  branch: string | null;
  ok: boolean;
  steps: Array<{ id: string; hypothetical: boolean; kind: string; event: { type: string }; state: Record<string, unknown> }>;
  final: { outcome: string; state: Record<string, unknown> };
  expectations: Array<{ step: string; description: string; ok: boolean }>;
}

describe('ceasefire run <file>', () => {
  it('replays a YAML what-if after the record it extends and ends in its outcome', async () => {
    const file = write('russia-rejects-on-friday.yaml', VALID);
    const { code, stdout, stderr } = await runCli('run', file, '--format', 'json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const run = JSON.parse(stdout) as JsonRun;
    expect(run.final.outcome).toBe('rejected');
    expect(run.ok).toBe(true);
    const ids = run.steps.map((s) => s.id);
    const fork = ids.indexOf('plea-to-spare');
    expect(fork).toBeGreaterThan(0);
    expect(ids.slice(fork + 1)).toEqual(['putin-rejects', 'sanctions-imposed']);
    expect(run.steps.slice(0, fork + 1).every((s) => !s.hypothetical)).toBe(true);
    expect(run.steps.slice(fork + 1).every((s) => s.hypothetical)).toBe(true);
    expect(run.steps.at(-1)!.state).toMatchObject({ leverage: 'sanctionsImposed' });
    expect(run.expectations.filter((e) => e.step === 'sanctions-imposed').every((e) => e.ok)).toBe(true);
  });

  it('replays the same scenario written as JSON, step for step', async () => {
    const yaml = JSON.parse((await runCli('run', write('same.yaml', VALID), '--format', 'json')).stdout) as JsonRun;
    const file = write('russia-rejects-on-friday.json', `${JSON.stringify(VALID_OBJECT, null, 2)}\n`);
    const { code, stdout, stderr } = await runCli('run', file, '--format', 'json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const run = JSON.parse(stdout) as JsonRun;
    expect(run.final.outcome).toBe('rejected');
    expect(run).toEqual(yaml);
  });

  it('accepts the .yml extension and the object form of an event', async () => {
    const file = write('object-event.yml', edit('event: russia.reject', 'event: { type: russia.reject }'));
    const { code, stdout, stderr } = await runCli('run', file, '--format', 'json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as JsonRun).final.outcome).toBe('rejected');
  });

  it('names the line, step and field of an unknown event type', async () => {
    const file = write('unknown-event.yaml', edit('event: russia.reject', 'event: russia.rejekt'));
    const line = badInput(await runCli('run', file, '--format', 'json'));
    expect(line).toBe(
      `ceasefire: ${file}:10:12: step 1 'putin-rejects': field 'event': unknown event type 'russia.rejekt'; did you mean 'russia.reject'? ` +
        '(59 known, closest: russia.reject, russia.accept, proposal.present, terms.agree, us.hailTalks; see `ceasefire schema`)',
    );
  });

  it('reports every mistake in a file at once, one line each in file order', async () => {
    const text = VALID.replace('event: russia.reject', 'event: russia.rejekt').replace('actor: trump', 'actor: trumpf').replace('date: 2025-03-20', 'date: 2025-03-02');
    const file = write('three-mistakes.yaml', text);
    const run = await runCli('run', file);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(new RegExp(`^ceasefire: ${escape(file)}:10:12: step 1 'putin-rejects': field 'event': unknown event type 'russia.rejekt'; did you mean 'russia.reject'\\?`));
    expect(lines[1]).toBe(`ceasefire: ${file}:12:11: step 2 'sanctions-imposed': field 'date': 2025-03-02 is before the previous step's 2025-03-15`);
    expect(lines[2]).toMatch(new RegExp(`^ceasefire: ${escape(file)}:13:12: step 2 'sanctions-imposed': field 'actor': unknown actor 'trumpf'; did you mean 'trump'\\?`));
  });

  it('suggests the closest actor, outcome and state, and lists the valid ones', async () => {
    const actor = badInput(await runCli('run', write('actor.yaml', edit('actor: putin', 'actor: putn'))));
    expect(actor).toMatch(/field 'actor': unknown actor 'putn'; did you mean 'putin'\? \(/);
    const outcome = badInput(await runCli('run', write('outcome.yaml', edit('expectedOutcome: rejected', 'expectedOutcome: rejectd'))));
    expect(outcome).toMatch(/field 'expectedOutcome': unknown outcome 'rejectd'; did you mean 'rejected'\? \(known: .*rejected/);
    const state = badInput(await runCli('run', write('state.yaml', edit('{ leverage: sanctionsImposed }', '{ leverage: sanctionsImposd }'))));
    expect(state).toMatch(/field 'expect.state.leverage': 'sanctionsImposd' is not a state of leverage; did you mean 'sanctionsImposed'\? \(known: /);
  });

  it('lists the valid names but guesses none for a far-off one', async () => {
    const line = badInput(await runCli('run', write('far.yaml', edit('actor: putin', 'actor: nobody-at-all'))));
    expect(line).toMatch(/field 'actor': unknown actor 'nobody-at-all' \((known: |\d+ known, closest: )/);
    expect(line).not.toContain('did you mean');
  });

  it("names the step whose date is before the previous step's", async () => {
    const file = write('date-before.yaml', edit('date: 2025-03-20', 'date: 2025-03-02'));
    const line = badInput(await runCli('run', file));
    expect(line).toBe(`ceasefire: ${file}:12:11: step 2 'sanctions-imposed': field 'date': 2025-03-02 is before the previous step's 2025-03-15`);
  });

  it('names the parent scenario when `from` is not one of its steps', async () => {
    const file = write('unknown-from.yaml', edit('from: plea-to-spare', 'from: plea-to-spar'));
    const line = badInput(await runCli('run', file));
    expect(line).toBe(`ceasefire: ${file}:4:7: scenario: field 'from': unknown step 'plea-to-spar' in 'march-2025'`);
  });

  it('refuses a payload field on an event object, pointing at the field', async () => {
    const file = write('payload.yaml', edit('event: russia.reject', 'event: { type: russia.reject, tone: harsh }'));
    const line = badInput(await runCli('run', file));
    expect(line).toBe(
      `ceasefire: ${file}:10:41: step 1 'putin-rejects': field 'event.tone': event 'russia.reject' takes no payload field 'tone' (its date is the step's)`,
    );
  });

  it('quotes a date that is not YYYY-MM-DD', async () => {
    const file = write('malformed-date.yaml', edit('date: 2025-03-15', 'date: 15 March'));
    const line = badInput(await runCli('run', file));
    expect(line).toBe(`ceasefire: ${file}:8:11: step 1 'putin-rejects': field 'date': '15 March' is not a YYYY-MM-DD date`);
  });

  it('points at the step when its date is missing', async () => {
    const file = write('missing-date.yaml', edit('    date: 2025-03-15\n', ''));
    const line = badInput(await runCli('run', file));
    expect(line).toBe(`ceasefire: ${file}:7:5: step 1 'putin-rejects': field 'date' is missing`);
  });

  it('names the second step that reuses an id', async () => {
    const file = write('duplicate-id.yaml', edit('id: sanctions-imposed', 'id: putin-rejects'));
    const line = badInput(await runCli('run', file));
    expect(line).toBe(`ceasefire: ${file}:11:9: step 2 'putin-rejects': field 'id': duplicate step id 'putin-rejects'`);
  });

  it("explains which of the model's rules refuses an event", async () => {
    const file = write('refused.yaml', edit('event: russia.reject', 'event: ceasefire.start'));
    const line = badInput(await runCli('run', file, '--format', 'json'));
    expect(line).toBe(`ceasefire: ${file}: step 'putin-rejects' (2025-03-15): ${REFUSED}`);
  });

  it('reports a YAML syntax error with its line and column', async () => {
    const file = write('syntax.yaml', edit('title: What if', 'title: [What if'));
    const line = badInput(await runCli('run', file));
    expect(line).toBe(`ceasefire: ${file}:3:1: Flow sequence in block collection must be sufficiently indented and end with a ]`);
  });

  it('names an unknown field in a one-line JSON file by its column', async () => {
    const text = JSON.stringify({
      id: 'json-what-if',
      title: 'A JSON what-if',
      extends: 'march-2025',
      from: 'plea-to-spare',
      steps: [{ id: 'a', date: '2025-03-15', actor: 'putin', event: 'russia.reject', extra: true }],
    });
    const file = write('unknown-field.json', text);
    const line = badInput(await runCli('run', file));
    // Column 180 is the value of `extra`, the last field of the only line.
    expect(text.indexOf('"extra":true') + '"extra":'.length + 1).toBe(180);
    expect(line).toBe(`ceasefire: ${file}:1:180: step 1 'a': field 'extra' is not part of the scenario format`);
  });

  it('names an unknown field in a YAML step', async () => {
    const file = write('unknown-field.yaml', edit('    actor: putin\n', '    actor: putin\n    mood: grim\n'));
    const line = badInput(await runCli('run', file));
    expect(line).toBe(`ceasefire: ${file}:10:11: step 1 'putin-rejects': field 'mood' is not part of the scenario format`);
  });

  it('says when the scenario file does not exist', async () => {
    const file = join(dir, 'no-such-scenario.yaml');
    const line = badInput(await runCli('run', file));
    expect(line).toBe(`ceasefire: ${file}: cannot read (no such file)`);
  });

  it('asks for `from` when a file `extends` a scenario without it', async () => {
    const file = write('extends-without-from.yaml', edit('from: plea-to-spare\n', ''));
    const line = badInput(await runCli('run', file));
    expect(line).toBe(`ceasefire: ${file}:3:10: scenario: field 'from' is missing (needed with 'extends')`);
  });

  it('asks for `extends` when a file has `from` without it', async () => {
    const file = write('from-without-extends.yaml', edit('extends: march-2025\n', ''));
    const line = badInput(await runCli('run', file));
    expect(line).toBe(`ceasefire: ${file}:3:7: scenario: field 'extends' is missing (needed with 'from')`);
  });

  it('replays a branch declared in the file with --branch', async () => {
    const file = write('with-branch.yaml', `${VALID}${BRANCH}`);
    const { code, stdout, stderr } = await runCli('run', file, '--branch', 'encircled-attacked', '--format', 'json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const run = JSON.parse(stdout) as JsonRun;
    expect(run.branch).toBe('encircled-attacked');
    expect(run.final.outcome).toBe('rejected');
    const ids = run.steps.map((s) => s.id);
    const fork = ids.indexOf('plea-to-spare');
    expect(ids.slice(fork + 1)).toEqual(['encircled-attacked', 'putin-rejects-later']);
    expect(ids).not.toContain('putin-rejects');
    expect(run.steps.slice(fork + 1).every((s) => s.hypothetical)).toBe(true);
    expect(run.expectations.at(-1)).toMatchObject({ description: 'branch ends in rejected', ok: true });

    // Without --branch the same file replays its own steps.
    const record = JSON.parse((await runCli('run', file, '--format', 'json')).stdout) as JsonRun;
    expect(record.branch).toBeNull();
    expect(record.steps.map((s) => s.id)).toContain('putin-rejects');
    expect(record.steps.map((s) => s.id)).not.toContain('encircled-attacked');
  });

  it('refuses a --branch the file does not declare, listing the ones it does', async () => {
    const file = write('with-branch-2.yaml', `${VALID}${BRANCH}`);
    const line = badInput(await runCli('run', file, '--branch', 'no-such-road', '--format', 'json'));
    expect(line).toBe("ceasefire: scenario 'russia-rejects-on-friday' has no branch 'no-such-road' (branches: encircled-attacked)");
  });

  it('refuses --branch on a file without branches', async () => {
    const file = write('no-branches.yaml', VALID);
    const line = badInput(await runCli('run', file, '--branch', 'encircled-attacked'));
    expect(line).toBe("ceasefire: scenario 'russia-rejects-on-friday' has no branch 'encircled-attacked' (branches: none)");
  });

  it('with --lenient, warns about the refused event, skips it and checks the rest', async () => {
    const file = write('lenient.yaml', edit('event: russia.reject', 'event: ceasefire.start'));
    const { code, stdout, stderr } = await runCli('run', file, '--lenient', '--format', 'json');
    expect(stderr).toBe(`ceasefire: warning: ${file}: step 'putin-rejects' (2025-03-15): ${REFUSED} (skipped)\n`);
    // Without Russia's rejection the scenario cannot end in `rejected`: an expectation fails.
    expect(code).toBe(1);
    const run = JSON.parse(stdout) as JsonRun;
    expect(run.ok).toBe(false);
    expect(run.steps.map((s) => s.id)).not.toContain('putin-rejects');
    expect(run.steps.at(-1)!.id).toBe('sanctions-imposed');
    expect(run.final.outcome).toBe('agreed-in-principle');
    expect(run.expectations.filter((e) => !e.ok).map((e) => e.description)).toEqual(['scenario ends in rejected']);
  });

  it('with --lenient, exits 0 when the remaining expectations hold', async () => {
    const text = edit('event: russia.reject', 'event: ceasefire.start').replace('expectedOutcome: rejected\n', 'expectedOutcome: agreed-in-principle\n');
    const file = write('lenient-ok.yaml', text);
    const { code, stdout, stderr } = await runCli('run', file, '--lenient', '--format', 'json');
    expect(stderr).toBe(`ceasefire: warning: ${file}: step 'putin-rejects' (2025-03-15): ${REFUSED} (skipped)\n`);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as JsonRun).ok).toBe(true);
  });

  it('exits 1 and prints the run when a step expectation does not hold', async () => {
    const file = write('failing-expectation.yaml', edit('{ leverage: sanctionsImposed }', '{ leverage: sanctionsThreatened }'));
    const { code, stdout, stderr } = await runCli('run', file, '--format', 'json');
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const run = JSON.parse(stdout) as JsonRun;
    expect(run.ok).toBe(false);
    expect(run.expectations.filter((e) => !e.ok).map((e) => e.step)).toEqual(['sanctions-imposed']);
  });
});
