import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './_io.js';

// Inside the project, so the module's `import … from 'ceasefire-lab'` resolves as it does for a user who installed it.
const dir = mkdtempSync(join(fileURLToPath(new URL('../..', import.meta.url)), '.model-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A model as an analyst writes it in TypeScript (or, with `types` stripped, in JavaScript). */
const MODEL = (ts: boolean) => `import { setup, assign } from 'xstate';
import { defineModel } from 'ceasefire-lab';
${ts ? "type E = { type: 'north.accept' | 'south.accept'; date: string };\n" : ''}
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
        northYes: { on: { 'south.accept': { target: 'agreed', actions: 'advance' } } },
        agreed: {},
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
  },
  actors: { north: { name: 'North', role: 'A party', country: null }, south: { name: 'South', role: 'The other party', country: null } },
  outcomes: { open: 'Talks are open.', agreed: 'Both parties accepted.' },
  outcomeOf: (state) => (state.matches({ talks: 'agreed' }) ? 'agreed' : 'open'),
  resolvedOutcomes: ['agreed'],
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
