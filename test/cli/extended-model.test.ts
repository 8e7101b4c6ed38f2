// The ceasefire extended as an analyst extends it, in a module of their own: every command runs on it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './_io.js';
import { serveView } from './_serve.js';

// Inside the project, so the module's `import … from 'ceasefire-lab'` resolves as it does for a user who installed it.
const dir = mkdtempSync(join(fileURLToPath(new URL('../..', import.meta.url)), '.model-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The next round of talks: a narrower truce on strikes against energy infrastructure, beside the ceasefire's tracks. */
const ENERGY = `import { stateIn } from 'xstate';
import { ceasefire2025, extendModel } from 'ceasefire-lab';

export default extendModel(ceasefire2025, {
  id: 'ceasefire-energy',
  title: 'March 2025 ceasefire, with a truce on energy strikes',
  tracks: {
    energyTruce: {
      description: 'A narrower truce: no strikes on energy infrastructure.',
      initial: 'notProposed',
      states: {
        notProposed: { description: 'No energy truce proposed.', on: { 'energy.propose': { target: 'proposed', guard: 'isNotBackdated', actions: 'advanceCalendar' } } },
        proposed: { description: 'An energy truce proposed.', on: { 'energy.agree': { target: 'agreed', guard: 'russiaStillTalking', actions: 'advanceCalendar' } } },
        agreed: { description: 'An energy truce agreed.', on: { 'energy.reportStrike': { target: 'strikeReported', guard: 'isNotBackdated', actions: 'advanceCalendar' } } },
        strikeReported: { description: 'A strike on energy infrastructure reported during the energy truce.' },
      },
    },
  },
  events: {
    'energy.propose': { description: 'The U.S. proposes a truce on strikes against energy infrastructure.', cameo: '0256', plover: 'REQUEST', mode: 'yield', context: 'military', recipient: 'RUS', senders: ['trump'] },
    'energy.agree': { description: 'Russia agrees to stop strikes on energy infrastructure.', cameo: '0356', plover: 'AGREE', context: 'military', recipient: 'USA', senders: ['putin'] },
    'energy.reportStrike': { description: 'A strike on energy infrastructure is reported.', cameo: '195', plover: 'ASSAULT', mode: 'aerial', context: 'military', recipient: 'UKR' },
  },
  // A guard of the new track reads the base model's proposal track.
  guards: { russiaStillTalking: stateIn('#ceasefire.proposal.underConsideration') },
  outcomes: { 'energy-truce': 'Russia agreed in principle and an energy-strikes truce is agreed.' },
  outcomeOf: (state, base) => (base === 'agreed-in-principle' && state.matches({ energyTruce: 'agreed' } as never) ? 'energy-truce' : base),
  invariants: [
    {
      name: 'energyTruceNeedsTalks',
      description: 'An energy truce is agreed only while the proposal is under consideration.',
      holdsAcross: (before, after) => !after.matches({ energyTruce: 'agreed' }) || before.matches({ energyTruce: 'agreed' }) || before.matches({ proposal: 'underConsideration' }),
    },
  ],
  trackLabels: { energyTruce: 'energy truce' },
});
`;

/** A scenario on the extended model that continues the record past 14 March, with a branch. */
const ROUND = `model: ./energy.ts
id: energy-round
title: The next round (hypothetical)
description: Continues the record on the extended model.
extends: march-2025
from: plea-to-spare
expectedOutcome: energy-truce
steps:
  - { id: energy-proposed, date: 2025-03-17, actor: trump, event: energy.propose }
  - { id: energy-agreed, date: 2025-03-18, actor: putin, event: energy.agree, expect: { state: { energyTruce: agreed } } }
branches:
  - name: strike-reported
    title: A strike on energy infrastructure is reported
    from: energy-agreed
    motivation: { article: '001', quote: 'We agree with the proposals to halt the fighting, but we proceed from the assumption that the ceasefire should lead to lasting peace and remove the root causes of the crisis' }
    expectedOutcome: agreed-in-principle
    steps:
      - { id: strike, date: 2025-03-19, actor: ukraine, event: energy.reportStrike, expect: { state: { energyTruce: strikeReported } } }
`;

let file: string;
beforeAll(() => {
  writeFileSync(join(dir, 'energy.ts'), ENERGY);
  file = join(dir, 'energy-round.yaml');
  writeFileSync(file, ROUND);
});

/** What every command must do: exit 0 and write nothing to stderr (but what `allowed` matches). */
async function ok(argv: string[], allowed?: RegExp): Promise<string> {
  const result = await runCli(...argv);
  expect({ code: result.code, stderr: allowed ? result.stderr.replace(allowed, '') : result.stderr }, argv.join(' ')).toEqual({ code: 0, stderr: '' });
  return result.stdout;
}

describe('an extended ceasefire model in a module of its own', () => {
  it('replays the record past 14 March, the base tracks as they were and the new track beside them', async () => {
    const run = JSON.parse(await ok(['run', file, '--format', 'json']));
    expect(run.final).toMatchObject({ outcome: 'energy-truce', state: { energyTruce: 'agreed', proposal: { underConsideration: 'agreedInPrinciple' } } });
    expect(run.steps.at(-3)).toMatchObject({ id: 'plea-to-spare', date: '2025-03-14' });
    const branch = JSON.parse(await ok(['run', file, '--branch', 'strike-reported', '--format', 'json']));
    expect(branch.steps.at(-1)).toMatchObject({ id: 'strike', hypothetical: true, changes: [{ track: 'energyTruce', to: ['strike reported'] }] });
    expect(await ok(['run', file, '--all-branches'])).toMatch(/strike-reported .*agreed-in-principle/);
    expect(await ok(['compare', `${file}#record`, `${file}#strike-reported`])).toMatch(/│ energyTruce +│ agreed +│ strike reported +│/);
  });

  it('explores with its invariant, finds roads and simulates from a step of its scenario', async () => {
    const explored = JSON.parse(await ok(['explore', '--from', `${file}@energy-proposed`, '--max-depth', '1', '--format', 'json']));
    // Its invariant reads the new track: the track is in the cone with the proposal's.
    expect(explored.reduction.tracks).toContain('energyTruce');
    expect(JSON.parse(await ok(['explore', '--from', `${file}@energy-proposed`, '--max-depth', '1', '--full', '--format', 'json'])).states).toBe(19);
    expect(explored.outcomes.map((o: { outcome: string }) => o.outcome)).toContain('energy-truce');
    expect(explored.invariants.find((i: { name: string }) => i.name === 'energyTruceNeedsTalks')).toMatchObject({ ok: true });
    expect(await ok(['paths', '--from', `${file}@energy-proposed`, '--to', 'energy-truce', '--max-depth', '1'])).toContain('1. (1 event) energy.agree');
    const odds = JSON.parse(await ok(['simulate', '--from', `${file}@energy-proposed`, '--runs', '500', '--seed', '1', '--max-states', '2000', '--format', 'json'], /^ceasefire: warning: stopped at 2,000 states.*\n/));
    expect(odds.outcomes.reduce((sum: number, o: { count: number }) => sum + o.count, 0)).toBe(500);
    // Futures that run past the 2,000 states explored are counted unresolved, never given an outcome they did not reach.
    const names = odds.outcomes.map((o: { outcome: string }) => o.outcome);
    expect(names).toContain('unresolved');
    expect(names).toContain('rejected');
  });

  it('exports, draws, saves and resumes, and views it, served and exported', async () => {
    expect(await ok(['export', 'plover', file, '--branch', 'strike-reported'])).toContain('"event":"ASSAULT"');
    expect((await ok(['export', 'csv', file])).split('\r\n').at(-2)).toMatch(/^energy-agreed,2025-03-18,/);
    expect(await ok(['diagram', '--model', join(dir, 'energy.ts'), '--highlight', file, '--format', 'dot'])).toContain('"energyTruce.agreed" [label="agreed", style="rounded,filled"');
    expect(await ok(['events', '--model', join(dir, 'energy.ts')])).toContain('energy.reportStrike');

    const save = join(dir, 'round.json');
    await ok(['run', file, '--stop-after', 'energy-proposed', '--save', save]);
    expect(JSON.parse(readFileSync(save, 'utf8')).model).toBe('ceasefire-energy');
    expect(await ok(['resume', save])).toContain('Outcome: energy-truce');

    const site = join(dir, 'site');
    await ok(['view', file, '--export', site]);
    expect(readFileSync(join(site, 'data.js'), 'utf8')).toContain('"id":"energyTruce.strikeReported"');
    const served = await serveView(file, '--branch', 'strike-reported');
    try {
      const data = await (await fetch(new URL('/data.js', served.url))).text();
      expect(data).toContain('"id":"energyTruce.strikeReported"');
      expect(data).toContain('"id":"proposal.underConsideration.agreedInPrinciple"');
    } finally {
      expect(await served.stop()).toBe(0);
    }
  }, 60_000);
});
