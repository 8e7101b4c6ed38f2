import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './_io.js';
import { serveView } from './_serve.js';

// Inside the project, so the module's `import … from 'ceasefire-lab'` resolves as it does for a user who installed it.
const dir = mkdtempSync(join(fileURLToPath(new URL('../..', import.meta.url)), '.model-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A model as an analyst writes it in TypeScript (or, with `types` stripped, in JavaScript). */
const MODEL = (ts: boolean) => `import { setup, assign } from 'xstate';
import { defineModel } from 'ceasefire-lab';
${ts ? "type E = { type: 'north.accept' | 'south.accept' | 'south.reject'; date: string };\n" : ''}
const machine = setup({
  ${ts ? 'types: { context: {} as { date: string | null }, events: {} as E },' : ''}
  actions: { advance: assign({ date: ({ event }) => event.date }) },
}).createMachine({
  id: 'mine',
  type: 'parallel',
  context: { date: null },
  states: {
    talks: {
      initial: 'open',
      states: {
        open: { description: 'Talks are open.', on: { 'north.accept': { target: 'northYes', actions: 'advance' } } },
        northYes: { on: { 'south.accept': { target: 'agreed', actions: 'advance' }, 'south.reject': { target: 'rejected', actions: 'advance' } } },
        agreed: {},
        rejected: {},
      },
    },
  },
});

export default defineModel({
  id: 'my-truce',
  title: 'My truce',
  machine,
  events: {
    'north.accept': { description: 'North accepts.', plover: 'AGREE', context: 'diplomatic', cameo: '0356', recipient: null, senders: ['north'] },
    'south.accept': { description: 'South accepts.', plover: 'AGREE', context: 'diplomatic', cameo: '0356', recipient: null, senders: ['south'] },
    'south.reject': { description: 'South rejects.', plover: 'REJECT', mode: 'yield', context: 'diplomatic', cameo: '1246', recipient: null, senders: ['south'] },
  },
  actors: { north: { name: 'North', role: 'A party', country: null }, south: { name: 'South', role: 'The other party', country: null } },
  outcomes: { open: 'Talks are open.', agreed: 'Both parties accepted.', rejected: 'South rejected.' },
  outcomeOf: (state) => (state.matches({ talks: 'agreed' }) ? 'agreed' : state.matches({ talks: 'rejected' }) ? 'rejected' : 'open'),
  resolvedOutcomes: ['agreed', 'rejected'],
});
`;

const SCENARIO = (model: string) => `${model ? `model: ${model}\n` : ''}id: mine
title: Both accept
steps:
  - { id: north-yes, date: 2026-01-01, actor: north, event: north.accept }
  - { id: south-yes, date: 2026-01-02, actor: south, event: south.accept, expect: { outcome: agreed } }
`;

const write = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

describe('a model from a module the user writes', () => {
  it('runs a scenario that names a .ts model module, loaded at run time with no build step', async () => {
    write('my-truce.ts', MODEL(true));
    const { code, stdout, stderr } = await runCli('run', write('both.yaml', SCENARIO('./my-truce.ts')), '--format', 'json');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(JSON.parse(stdout).final).toMatchObject({ outcome: 'agreed', state: { talks: 'agreed' } });
  });

  it('takes a .mjs module through --model in every command that names a model', async () => {
    const model = write('my-truce.mjs', MODEL(false));
    const scenario = write('plain.yaml', SCENARIO(''));
    expect((await runCli('run', scenario, '--model', model)).stdout).toContain('Outcome: agreed — Both parties accepted.');
    expect((await runCli('events', '--model', model)).stdout).toContain('  north.accept  North accepts.\n                by north · CAMEO 0356 · PLOVER AGREE (diplomatic)\n');
    expect((await runCli('diagram', '--model', model)).stdout).toContain('mine_talks_northYes --> mine_talks_agreed : south.accept');
    expect((await runCli('schema', '--model', model)).stdout).toContain('"north.accept"');
    const csv = await runCli('export', 'csv', scenario, '--model', model);
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\r\n')[1]).toMatch(/^north-yes,2026-01-01,/);
  });

  it.each([
    ['a module that does not exist', 'none.ts', '', 'none.ts: no such model module'],
    ['a module that exports no model', 'empty.mjs', 'export const x = 1;\n', 'empty.mjs: exports no model (export one made with defineModel or extendModel)'],
    ['a module that throws', 'broken.mjs', "throw new Error('oops');\n", 'broken.mjs: the model module failed to load: oops'],
  ])('refuses %s in one line, exit 2', async (_what, name, text, message) => {
    const path = text ? write(name, text) : join(dir, name);
    const { code, stdout, stderr } = await runCli('events', '--model', path);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toBe(`ceasefire: ${path.slice(0, -name.length)}${message}\n`);
  });
});

/** A scenario of the user's model with a made-up article and a branch, as an analyst writes one. */
const WITH_BRANCH = `model: ./my-truce.ts
id: both-accept
title: Both accept (an example)
articles:
  - { id: a1, file: a1.md, date: 2026-01-01, title: null }
steps:
  - { id: north-yes, date: 2026-01-01, actor: north, event: north.accept, sources: [{ article: a1, quote: North said yes. }] }
  - { id: south-yes, date: 2026-01-02, actor: south, event: south.accept, expect: { outcome: agreed } }
branches:
  - name: south-says-no
    title: South says no
    from: north-yes
    motivation: { article: a1, quote: North said yes. }
    expectedOutcome: rejected
    steps:
      - { id: south-no, date: 2026-01-02, actor: south, event: south.reject }
`;

/** What every command must do: exit 0 and write nothing to stderr. */
async function ok(...argv: string[]): Promise<string> {
  const result = await runCli(...argv);
  expect({ code: result.code, stderr: result.stderr }, argv.join(' ')).toEqual({ code: 0, stderr: '' });
  return result.stdout;
}

describe('a scenario file that names a model module', () => {
  it('refuses a module that is not there in one line naming the file and the field', async () => {
    const file = write('missing-model.yaml', SCENARIO('./missing.ts'));
    const { code, stdout, stderr } = await runCli('run', file);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toBe(`ceasefire: ${file}: scenario: field 'model': ./missing.ts: no such model module\n`);
  });
});

describe('every command on a model the user writes', () => {
  it('runs, branches, compares, explores, finds roads, simulates, exports, draws and views it', async () => {
    write('my-truce.ts', MODEL(true));
    write('a1.md', 'North said yes.\n');
    const file = write('branched.yaml', WITH_BRANCH);
    expect(await ok('run', file)).toContain('Outcome: agreed — Both parties accepted.');
    expect(await ok('run', file, '--branch', 'south-says-no')).toContain('Outcome: rejected — South rejected.');
    expect(await ok('run', file, '--all-branches')).toMatch(/south-says-no .*rejected/);
    expect(await ok('compare', `${file}#record`, `${file}#south-says-no`)).toMatch(/│ talks \* +│ agreed +│ rejected +│/);

    const explored = JSON.parse(await ok('explore', '--from', `${file}@north-yes`, '--format', 'json'));
    expect(explored.states).toBe(3);
    expect(explored.outcomes.map((o: { outcome: string }) => o.outcome).sort()).toEqual(['agreed', 'open', 'rejected']);
    expect(await ok('paths', '--from', `${file}@north-yes`, '--to', 'rejected')).toContain('1. (1 event) south.reject');
    const none = await runCli('paths', '--from', `${file}@south-yes`, '--to', 'rejected');
    expect(none).toEqual({ code: 1, stdout: "No road from both-accept after 'south-yes' (2026-01-02) reaches outcome rejected.\n", stderr: '' });
    expect(await ok('paths', '--from', `${file}@north-yes`, '--to', 'talks.agreed')).toContain('1. (1 event) south.accept');
    const odds = JSON.parse(await ok('simulate', '--from', `${file}@north-yes`, '--runs', '1000', '--seed', '1', '--format', 'json'));
    expect(odds.outcomes.map((o: { outcome: string }) => o.outcome).sort()).toEqual(['agreed', 'rejected']);
    expect(odds.outcomes.reduce((sum: number, o: { count: number }) => sum + o.count, 0)).toBe(1000);

    expect(await ok('export', 'plover', file)).toContain('"event":"AGREE"');
    expect((await ok('export', 'csv', file, '--branch', 'south-says-no')).split('\r\n').slice(1, 3)).toEqual([
      expect.stringMatching(/^north-yes,2026-01-01,/),
      expect.stringMatching(/^south-no,2026-01-02,/),
    ]);
    expect(await ok('diagram', '--model', join(dir, 'my-truce.ts'), '--highlight', file, '--format', 'dot')).toContain('"talks.agreed" [label="agreed", style="rounded,filled"');
    expect(await ok('verify-quotes', file, '--articles', dir)).toContain('✓');

    const site = join(dir, 'site');
    expect(await ok('view', file, '--export', site)).toContain(site);
    const exported = readFileSync(join(site, 'data.js'), 'utf8');
    // The chart is the user's model's, not the ceasefire's.
    expect(exported).toContain('"id":"talks.northYes"');
    expect(exported).not.toContain('"id":"proposal"');
    const served = await serveView(file);
    try {
      expect(served.url).toMatch(/#scenario=both-accept&step=1$/);
      const data = await (await fetch(new URL('/data.js', served.url))).text();
      expect(data).toContain('"id":"talks.rejected"');
      expect(data).not.toContain('"id":"proposal"');
      expect(data).toContain('South says no');
    } finally {
      expect(await served.stop()).toBe(0);
    }
  }, 60_000);

  it('saves a run with its model and resumes it without naming the model again', async () => {
    write('my-truce.ts', MODEL(true));
    const file = write('saved.yaml', SCENARIO('./my-truce.ts'));
    const save = join(dir, 'run.json');
    expect(await ok('run', file, '--stop-after', 'north-yes', '--save', save)).toContain('continue it with');
    expect(JSON.parse(readFileSync(save, 'utf8'))).toMatchObject({ model: 'my-truce', scenario: { id: 'mine' } });
    expect(await ok('resume', save)).toContain('Outcome: agreed — Both parties accepted.');
  });

  it('asks for the module of a run made with --model when the scenario does not name it', async () => {
    const model = write('my-truce.mjs', MODEL(false));
    const file = write('unnamed.yaml', SCENARIO(''));
    const save = join(dir, 'unnamed.json');
    await ok('run', file, '--model', model, '--stop-after', 'north-yes', '--save', save);
    const { code, stderr } = await runCli('resume', save);
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toBe(`ceasefire: ${save}: field 'model': the run was made on model 'my-truce'; name the module of 'my-truce' with --model`);
    expect(await ok('resume', save, '--model', model)).toContain('Outcome: agreed');
    expect((await runCli('resume', save, '--model', 'two-party-truce')).stderr).toBe(
      `ceasefire: ${save}: field 'model': the run was made on model 'my-truce', not 'two-party-truce' (--model)\n`,
    );
  });
});
