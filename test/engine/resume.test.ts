import { describe, expect, it } from 'vitest';
import { replay, resumeRun, type RunState } from '../../src/index.js';
import record from '../../scenarios/march-2025.js';

/** What a user compares between two runs: every step, the end, and the verdicts. */
const visible = (r: ReturnType<typeof replay>) => ({ steps: r.steps, final: r.final, expectations: r.expectations, ok: r.ok });
/** A saved run goes through JSON on disk. */
const throughDisk = (state: RunState): RunState => JSON.parse(JSON.stringify(state));

describe('save and resume', () => {
  const roads = [null, ...record.branches.map((b) => b.name)];

  it.each(roads)('continues %s from any step exactly as a straight run', (branch) => {
    const straight = replay(record, { branch });
    const ids = straight.steps.filter((s) => s.kind === 'scenario').map((s) => s.id);
    // Every stop point from the fork on, plus a few early in the record.
    const fork = branch ? record.branches.find((b) => b.name === branch)!.from : ids[0]!;
    const stops = [...ids.slice(0, 3), ...ids.slice(ids.indexOf(fork))];
    for (const stopAfter of new Set(stops)) {
      const paused = replay(record, { branch, stopAfter });
      const resumed = resumeRun(record, throughDisk(paused.state), {
        branch,
        applied: paused.position.applied,
        lastStep: paused.position.lastStep,
        paused: true,
      });
      expect(visible(resumed), `stopped after ${stopAfter}`).toEqual(visible(straight));
    }
  });

  it('keeps a truce expiry pending across a save and fires it on resume', () => {
    const branch = 'russia-accepts-truce-expires';
    const paused = replay(record, { branch, stopAfter: 'truce-starts' });
    expect(paused.final.outcome).toBe('ceasefire-in-force');
    expect(paused.final.pendingTimers).toMatchObject([{ due: '2025-04-15' }]);
    const resumed = resumeRun(record, throughDisk(paused.state), { branch, applied: paused.position.applied, lastStep: paused.position.lastStep, paused: true });
    expect(resumed.steps.find((s) => s.kind === 'timer')).toMatchObject({ date: '2025-04-15', changes: [{ track: 'proposal', to: ['expired'] }] });
    expect(resumed.final).toMatchObject({ outcome: 'truce-expired', date: '2025-04-30', pendingTimers: [] });
  });

  it('refuses to resume a run whose scenario no longer has the step it stopped at', () => {
    const paused = replay(record, { stopAfter: 'saudi-arabia-talks' });
    expect(() => resumeRun(record, paused.state, { branch: null, applied: paused.position.applied, lastStep: 'renamed-step', paused: true })).toThrowError(
      "the saved run no longer matches scenario 'march-2025' (its step 5 was 'renamed-step')",
    );
  });
});

describe('running the calendar forward', () => {
  it('fires a pending truce expiry when --until passes its end', () => {
    const result = replay(record, { branch: 'encircled-troops-spared', until: '2025-05-01' });
    expect(result.final).toMatchObject({ outcome: 'truce-expired', date: '2025-05-01' });
    expect(result.ok).toBe(false);
  });

  it('leaves the truce in force when --until stops short of its end', () => {
    const result = replay(record, { branch: 'encircled-troops-spared', until: '2025-04-28' });
    expect(result.final).toMatchObject({ outcome: 'ceasefire-in-force', date: '2025-04-28' });
    expect(result.ok).toBe(true);
  });

  it('refuses an --until before the last step', () => {
    expect(() => replay(record, { until: '2025-03-01' })).toThrowError("--until 2025-03-01 is before the run's current date 2025-03-14");
  });
});

describe('a saved run that no longer says what its scenario says', () => {
  const paused = replay(record, { stopAfter: 'putin-yes-but' });
  const position = { branch: null, applied: paused.position.applied, lastStep: paused.position.lastStep, paused: true, origin: 'run.json' };
  const edited = (edit: (state: { steps: Array<Record<string, unknown>>; expectations: Array<Record<string, unknown>> }) => void): RunState => {
    const state = throughDisk(paused.state) as unknown as { steps: Array<Record<string, unknown>>; expectations: Array<Record<string, unknown>> };
    edit(state);
    return state as unknown as RunState;
  };

  it('refuses a quote that is not the scenario\'s, naming the file and the field', () => {
    const state = edited((s) => (s.steps[3]!.sources = [{ article: '000', quote: 'words nobody wrote' }]));
    expect(() => resumeRun(record, state, position)).toThrowError(`run.json: field 'state.steps[3].sources': does not say what step '${paused.steps[3]!.id}' of the scenario says`);
  });

  it('refuses a step marked hypothetical that the record reports', () => {
    const state = edited((s) => (s.steps[0]!.hypothetical = true));
    expect(() => resumeRun(record, state, position)).toThrowError("run.json: field 'state.steps[0].hypothetical'");
  });

  it('refuses an expectation the scenario does not declare', () => {
    const state = edited((s) => (s.expectations[0]!.expected = { outcome: 'no-proposal' }));
    expect(() => resumeRun(record, state, position)).toThrowError("run.json: field 'state.expectations[0]': is not the expectation step");
  });

  it('refuses a paused run that has already checked its declared outcome', () => {
    const spared = replay(record, { branch: 'encircled-troops-spared', stopAfter: 'terms-agreed' });
    const ended = replay(record, { branch: 'encircled-troops-spared' });
    const state = { ...throughDisk(spared.state), expectations: [...spared.state.expectations, ended.expectations.at(-1)!] };
    expect(() =>
      resumeRun(record, state, { branch: 'encircled-troops-spared', applied: spared.position.applied, lastStep: spared.position.lastStep, paused: true, origin: 'run.json' }),
    ).toThrowError('run.json: field');
  });
});
