import { describe, expect, it } from 'vitest';
import { EVENTS } from '../../src/models/ceasefire-2025/events.js';
import { runCli } from '../cli/_io.js';

interface RunStep {
  id: string;
  verification: string | null;
  actor: string;
  event: { type: string };
  sources: Array<{ article: string; quote: string }>;
  state: unknown;
}
interface Run {
  steps: RunStep[];
  final: { state: unknown; outcome: string };
}

const run = async (): Promise<Run> => JSON.parse((await runCli('run', 'march-2025', '--format', 'json')).stdout) as Run;

/** Every string in a JSON value, keys included. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [k, ...strings(v)]);
  return [];
}

/** A state value's leaves as `region.path.state` strings. */
function leaves(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [`${prefix}${value}`];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leaves(v, `${prefix}${k}.`));
}

describe('the March 2025 record says what the articles say', () => {
  it('names no place the articles do not name, such as Jeddah', async () => {
    const words = strings(await run()).join('\n');
    expect(words).not.toMatch(/jeddah/i);
    expect(words).toMatch(/Saudi Arabia/);
  });

  it('leaves each claimed step in a state that reads as a claim, still standing at the end', async () => {
    const { steps, final } = await run();
    const finalLeaves = leaves(final.state);
    for (const [i, step] of steps.entries()) {
      if (step.verification !== 'claimed') continue;
      const before = new Set(i === 0 ? [] : leaves(steps[i - 1]!.state));
      const added = leaves(step.state).filter((leaf) => !before.has(leaf));
      const claimed = added.filter((leaf) => /claimed/i.test(leaf.split('.').at(-1)!));
      expect(claimed, step.id).not.toEqual([]);
      expect(finalLeaves, step.id).toEqual(expect.arrayContaining(claimed));
    }
  });

  it("shows Ukraine's endorsement and each of Russia's conditions in the final state", async () => {
    const { final } = await run();
    expect(final.state).toMatchObject({
      positions: {
        ukraine: 'endorsed',
        russia: 'agreedInPrinciple',
        lastingPeace: 'conditionAttached',
        rootCauses: 'conditionAttached',
        securityZone: 'floated',
        leadersCall: 'floated',
      },
    });
  });

  it('ends with the envoy asked to convey Moscow\'s thoughts, not with a message delivered', async () => {
    const { steps, final } = await run();
    expect(final.state).toMatchObject({ channel: { envoy: 'askedToConvey' } });
    expect(steps.some((s) => s.event.type === 'envoy.conveyMessage')).toBe(false);
  });

  it('credits each quote to the step of the one who said it', async () => {
    const { steps } = await run();
    const stepOf = (fragment: string) => steps.filter((s) => s.sources.some((q) => q.quote.includes(fragment)));
    expect(stepOf('Senior U.S. officials say they hope').map((s) => s.actor)).toEqual(['United States']);
    expect(stepOf('there is a very good chance').map((s) => s.actor)).toEqual(['Donald Trump']);
    expect(stepOf('We had very good and productive discussions').map((s) => s.actor)).toEqual(['Donald Trump']);
  });

  it("says Putin expected Kursk freed, not that he ordered it", async () => {
    const words = strings(await run()).join('\n');
    expect(words).not.toMatch(/\border(s|ed)? (Kursk|the Kursk)/i);
    expect(words).toMatch(/expects the military to free the Kursk region/);
  });

  it('codes a declined comment as CAMEO 011 and a visit from the visitor\'s side', () => {
    expect(EVENTS['russia.declineComment'].cameo).toBe('011');
    expect(EVENTS['envoy.meetPresident']).toMatchObject({ cameo: '042', actor: 'USA', recipient: 'RUS' });
    expect(EVENTS['envoy.arrive'].cameo).toBe('042');
  });
});

describe('the March 2025 record keeps the articles\' credits and dates', () => {
  // What the articles attribute to an outlet, a named interview or "reports", step by step.
  const CREDITS: Record<string, string> = {
    'zelenskyy-warns-of-stalling': 'The New York Times reported',
    'intelligence-maximalist-goals': 'The Washington Post reported',
    'putin-meets-envoy': 'reports',
    'envoy-asked-to-convey': 'reports',
    'commander-dismissed': 'told Ukrainian media outlet Suspilne',
    'advisers-call': 'Karoline Leavitt told Fox News',
    'envoy-announced': 'Karoline Leavitt told Fox News',
  };

  it('credits every step the articles attribute to an outlet or to reports, in the JSON and the CSV', async () => {
    const steps = (await run()).steps as Array<RunStep & { attribution: string | null }>;
    const credited = Object.fromEntries(steps.filter((s) => s.attribution !== null).map((s) => [s.id, s.attribution]));
    expect(credited).toEqual(CREDITS);
    const csv = (await runCli('export', 'csv', 'march-2025')).stdout;
    for (const [id, credit] of Object.entries(CREDITS)) expect(csv.split('\r\n').find((row) => row.startsWith(`${id},`))).toContain(`,${credit},`);
  });

  it('applies the verification levels uniformly: claims, reports and assessments as the README defines them', async () => {
    const steps = (await run()).steps as Array<RunStep & { attribution: string | null }>;
    const level = (pick: (s: (typeof steps)[number]) => boolean) => [...new Set(steps.filter(pick).map((s) => s.verification))];
    expect(level((s) => s.actor === 'Russian Defense Ministry')).toEqual(['claimed']);
    expect(level((s) => s.event.type === 'ukraine.reportManeuver' || s.event.type === 'us.reportEncirclement')).toEqual(['claimed']);
    expect(level((s) => /\breport(s|ed)\b/.test(s.attribution ?? ''))).toEqual(['reported']);
    expect(level((s) => s.actor === 'Institute for the Study of War')).toEqual(['assessed']);
    expect(level((s) => /^Karoline Leavitt told/.test(s.attribution ?? ''))).toEqual(['confirmed']);
  });

  it('marks a day the articles do not give as undated, with a note saying how it was dated', async () => {
    const steps = (await run()).steps as Array<RunStep & { datePrecision: string; note?: string }>;
    const undated = steps.filter((s) => s.datePrecision === 'undated');
    expect(undated.map((s) => s.id)).toEqual(expect.arrayContaining(['ceasefire-proposed', 'sanctions-threatened', 'envoy-announced']));
    for (const step of undated) expect(step.note, step.id).toMatch(/no day|dated by/);
  });
});
