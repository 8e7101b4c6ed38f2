import { describe, expect, it } from 'vitest';
import { defineScenario, replay, type Step } from '../../src/index.js';
import record from '../../scenarios/march-2025.js';

const article = { id: 'a', file: 'a.txt', date: '2025-03-13', outlet: null, title: 'A test article' };
const step = (id: string, date: string, event: Step['event'], extra: Partial<Step> = {}): Step => ({
  id,
  date,
  event,
  actor: 'united-states',
  verification: 'reported',
  sources: [{ article: 'a', quote: 'a quote' }],
  ...extra,
});
const toRussia: Step[] = [
  step('table', '2025-03-11', 'proposal.table'),
  step('present', '2025-03-11', 'proposal.present'),
  step('endorse', '2025-03-12', 'ukraine.endorse'),
  step('to-russia', '2025-03-12', 'proposal.putToRussia'),
];

describe('replay of the March 2025 record', () => {
  const result = replay(record);

  it('holds every expectation of the record', () => {
    expect(result.expectations.length).toBeGreaterThanOrEqual(3);
    expect(result.expectations.filter((e) => !e.ok)).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('ends with a conditional yes from Moscow and no ceasefire in force', () => {
    const { state, outcome } = result.final;
    expect(outcome).toBe('agreed-in-principle');
    expect(state).toMatchObject({
      proposal: { underConsideration: 'agreedInPrinciple' },
      aid: 'restored',
      channel: { envoy: 'askedToConvey' },
      battlefield: {
        sudzha: { russianClaim: 'claimedRecaptured', thirdParty: 'russianControlAssessed' },
        sumy: 'novenkeCaptureClaimed',
      },
    });
    expect(result.snapshot.context).toMatchObject({ ukraine: 'endorsed', russia: 'conditional', truceEndsOn: null });
  });

  it('never goes back in time', () => {
    const dates = result.steps.map((s) => s.date);
    expect(dates).toEqual([...dates].sort());
    expect(dates[0]).toBe('2024-08-01');
    expect(dates.at(-1)).toBe('2025-03-14');
  });

  it('cites at least one article quote for every step', () => {
    expect(result.steps.every((s) => s.sources.length > 0 && s.verification !== null)).toBe(true);
  });

  it('records what changed in the state at each step', () => {
    const putin = result.steps.find((s) => s.id === 'putin-yes-but');
    expect(putin?.changes).toEqual([
      { track: 'proposal', from: ['awaiting Russia: dismissed by aide'], to: ['under consideration: agreed in principle'] },
      {
        track: 'positions',
        from: ['Russia: undecided', 'lasting peace: not attached', 'root causes: not attached'],
        to: ['Russia: agreed in principle', 'lasting peace: condition attached', 'root causes: condition attached'],
      },
    ]);
  });
});

describe('replay of other scenarios', () => {
  it('refuses a ceasefire before both sides accept, naming the step and the rule', () => {
    const scenario = defineScenario({
      id: 'early-truce', title: 't', description: 'd', articles: [article],
      steps: [...toRussia, step('start', '2025-03-13', 'ceasefire.start')],
    });
    expect(() => replay(scenario)).toThrowError(
      "step 'start' (2025-03-13): event 'ceasefire.start' is refused by the model's rules in proposal.underConsideration (guards: bothPartiesAccepted)",
    );
  });

  it('refuses an event the current state cannot take, naming the states it needs', () => {
    const scenario = defineScenario({
      id: 'early-meeting', title: 't', description: 'd', articles: [article],
      steps: [step('meet', '2025-03-13', 'envoy.meetPresident')],
    });
    expect(() => replay(scenario)).toThrowError(
      "step 'meet' (2025-03-13): event 'envoy.meetPresident' is not accepted in the current state; it needs one of: channel.envoy.inMoscow",
    );
  });

  it('skips a refused step with a warning when lenient', () => {
    const scenario = defineScenario({
      id: 'early-meeting', title: 't', description: 'd', articles: [article],
      steps: [step('meet', '2025-03-13', 'envoy.meetPresident'), step('table', '2025-03-14', 'proposal.table')],
    });
    const result = replay(scenario, { lenient: true });
    expect(result.warnings).toEqual([expect.stringMatching(/^step 'meet' .* \(skipped\)$/)]);
    expect(result.steps.map((s) => s.id)).toEqual(['table']);
  });

  it('fires a truce expiry on the calendar before the next dated step', () => {
    const scenario = defineScenario({
      id: 'truce', title: 't', description: 'd', articles: [article],
      steps: [
        ...toRussia,
        step('accept', '2025-03-14', 'russia.accept'),
        step('start', '2025-03-15', 'ceasefire.start'),
        step('sanctions', '2025-05-01', 'us.threatenSanctions'),
      ],
    });
    const result = replay(scenario);
    const timer = result.steps.find((s) => s.kind === 'timer');
    expect(timer).toMatchObject({ date: '2025-04-14', actor: { name: 'Calendar' }, changes: [{ track: 'proposal', to: ['expired'] }] });
    expect(result.steps.map((s) => s.id).slice(-2)).toEqual(['timer-2025-04-14', 'sanctions']);
    expect(result.final.outcome).toBe('truce-expired');
  });

  it('keeps a truce pending at the end when its 30 days have not run out', () => {
    const scenario = defineScenario({
      id: 'truce', title: 't', description: 'd', articles: [article],
      steps: [...toRussia, step('accept', '2025-03-14', 'russia.accept'), step('start', '2025-03-15', 'ceasefire.start')],
    });
    const result = replay(scenario);
    expect(result.final.outcome).toBe('ceasefire-in-force');
    expect(result.final.pendingTimers).toMatchObject([{ due: '2025-04-14' }]);
  });

  it('reports a failed expectation without throwing', () => {
    const scenario = defineScenario({
      id: 'wrong', title: 't', description: 'd', articles: [article],
      steps: [step('table', '2025-03-11', 'proposal.table', { expect: { outcome: 'rejected' } })],
    });
    const result = replay(scenario);
    expect(result.ok).toBe(false);
    expect(result.expectations[0]).toMatchObject({ ok: false, actual: { outcome: 'no-proposal' } });
  });
});
