import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './_io.js';

const dir = mkdtempSync(join(tmpdir(), 'ceasefire-odds-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const good = file('good.yaml', 'default: { days: 30 }\nevents:\n  russia.reject: { days: 90 }\n');

/** Expect a one-line refusal with exit 2 and nothing on stdout; returns the line. */
async function refused(...argv: string[]): Promise<string> {
  const { code, stdout, stderr } = await runCli('odds', ...argv);
  expect(code, stderr).toBe(2);
  expect(stdout).toBe('');
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  return stderr;
}

describe('ceasefire odds refuses bad input in one line, exit 2', () => {
  it('an assumptions file with a bad field: names the file and the field', async () => {
    const bad = file('bad.yaml', 'events:\n  russia.rejct: { days: 90 }\n');
    const line = await refused('--assumptions', bad);
    expect(line).toContain(`${bad}: field 'events.russia.rejct': unknown event type 'russia.rejct'`);
    const negative = file('negative.yaml', 'rules:\n  - when: rejected\n    events: russia.reject\n    times: -1\n');
    expect(await refused('--assumptions', negative)).toContain(`${negative}: field 'rules.0.times': a factor cannot be negative`);
    const timer = file('timer.yaml', 'events:\n  xstate.after.untilTruceEnds: 1\n');
    expect(await refused('--assumptions', timer)).toMatch(/field 'events\.xstate\.after\.untilTruceEnds': .*timers/);
    expect(await refused('--assumptions', join(dir, 'missing.yaml'))).toContain('missing.yaml');
  });

  it('bad options: horizon, days to show, sweep, tornado, format', async () => {
    expect(await refused('--horizon', '2024-01-01')).toContain('--horizon: 2024-01-01 is before the start');
    expect(await refused('--horizon', 'soon')).toContain("--horizon: 'soon' is neither a YYYY-MM-DD day nor a number of days");
    expect(await refused('--horizon', '0')).toContain('--horizon');
    expect(await refused('--at', '2030-01-01')).toContain('--at: 2030-01-01 is outside the days followed');
    expect(await refused('--at', 'April')).toContain("--at: 'April' is not a YYYY-MM-DD day");
    expect(await refused('--sweep', 'russia.reject')).toContain('--sweep: expected <event>=<lo>:<hi>');
    expect(await refused('--sweep', 'russia.rejct=0:1')).toContain("--sweep: 'russia.rejct' is not an event type");
    expect(await refused('--sweep', 'russia.reject=1:0')).toContain('below the low rate');
    expect(await refused('--sweep', 'russia.reject=0:x')).toContain("'x' is not a rate per day");
    expect(await refused('--steps', '3')).toContain('--steps: only with --sweep');
    expect(await refused('--tornado', 'peace')).toContain("--tornado: 'peace' is not an outcome");
    expect(await refused('--format', 'xml')).toContain('xml');
  });

  it('never writes the plot over the assumptions file it reads', async () => {
    const before = readFileSync(good, 'utf8');
    expect(await refused('--assumptions', good, '--plot', good)).toContain('refusing to overwrite');
    expect(readFileSync(good, 'utf8')).toBe(before);
  });
});

describe('ceasefire odds --format json', () => {
  it('gives each outcome its odds on the days asked, summing to 1 with those still open, and the assumptions it rests on', async () => {
    const { code, stdout, stderr } = await runCli('odds', '--assumptions', good, '--at', '2025-04-30,2025-06-30', '--format', 'json');
    expect(code, stderr).toBe(0);
    const json = JSON.parse(stdout) as {
      start: { step: string; date: string };
      horizon: string;
      days: number;
      assumptions: { file: string; defaultsOnly: boolean; rates: Array<{ event: string; rate: number; from: string }> };
      error: number;
      outcomes: Array<{ outcome: string; resolved: boolean; in: Record<string, number>; reached: number; meanDays: number | null }>;
      open: Record<string, number>;
    };
    expect(json.start).toMatchObject({ step: 'plea-to-spare', date: '2025-03-14' });
    expect(json.horizon).toBe('2026-03-13');
    expect(json.days).toBe(365);
    expect(json.assumptions.file).toBe(good);
    expect(json.assumptions.defaultsOnly).toBe(false);
    expect(json.assumptions.rates.find((r) => r.event === 'russia.reject')).toEqual({ event: 'russia.reject', rate: 1 / 90, from: 'event' });
    expect(json.error).toBeLessThan(1e-6);
    for (const day of ['2025-04-30', '2025-06-30']) {
      const total = json.outcomes.reduce((sum, o) => sum + o.in[day]!, 0);
      expect(total).toBeCloseTo(1, 9);
      expect(json.open[day]).toBeCloseTo(json.outcomes.filter((o) => !o.resolved).reduce((sum, o) => sum + o.in[day]!, 0), 12);
    }
    // By the horizon: the resolved outcomes reached and those still open make up every future.
    const resolved = json.outcomes.filter((o) => o.resolved).reduce((sum, o) => sum + o.reached, 0);
    expect(resolved).toBeGreaterThan(0.5);
    expect(resolved).toBeLessThanOrEqual(1 + 1e-9);
    const rejected = json.outcomes.find((o) => o.outcome === 'rejected')!;
    expect(rejected.meanDays).toBeGreaterThan(0);
    expect(rejected.reached).toBeGreaterThan(rejected.in['2025-04-30']! - 1e-12);
  });
});
