import { describe, expect, it } from 'vitest';
import { ScenarioError, defineScenario, validateScenario, type Step } from '../../src/index.js';

const article = { id: 'a', file: 'a.txt', date: '2025-03-13', outlet: null, title: 'A test article' };
const good: Step = { id: 's1', date: '2025-03-11', event: 'proposal.table', actor: 'united-states', verification: 'reported', sources: [{ article: 'a', quote: 'q' }] };
const scenarioWith = (...steps: Step[]) => defineScenario({ id: 'x', title: 't', description: 'd', articles: [article], steps });

describe('scenario validation', () => {
  it('accepts a well-formed scenario', () => {
    expect(() => validateScenario(scenarioWith(good), 'x.ts')).not.toThrow();
  });

  it('accepts an undated step with an attribution, and an article with no headline', () => {
    const undated: Step = { ...good, datePrecision: 'undated', attribution: 'The New York Times reported' };
    const scenario = defineScenario({ id: 'x', title: 't', description: 'd', articles: [{ ...article, title: null }], steps: [undated] });
    expect(() => validateScenario(scenario, 'x.ts')).not.toThrow();
  });

  it.each([
    ['a duplicate step id', [good, { ...good }], "x.ts: step 2 's1': field 'id': duplicate step id 's1'"],
    ['a malformed date', [{ ...good, date: '2025-13-01' }], "x.ts: step 1 's1': field 'date': '2025-13-01' is not a YYYY-MM-DD date"],
    ['a date before the previous step', [good, { ...good, id: 's2', date: '2025-03-01' }], "x.ts: step 2 's2': field 'date': 2025-03-01 is before the previous step's 2025-03-11"],
    ['an unknown event type', [{ ...good, event: 'proposal.sign' as Step['event'] }], "x.ts: step 1 's1': field 'event': unknown event type 'proposal.sign'"],
    ['an unknown article', [{ ...good, sources: [{ article: 'zz', quote: 'q' }] }], "x.ts: step 1 's1': field 'sources[0].article': unknown article 'zz'"],
    ['an expectation on a track that does not exist', [{ ...good, expect: { state: { sanctions: 'imposed' } } }], "x.ts: step 1 's1': field 'expect.state.sanctions': 'sanctions' is not a state of the machine (known: proposal, positions, aid, channel, leverage, battlefield, troops, assessments)"],
    ['an expectation on a state that does not exist', [{ ...good, expect: { state: { proposal: 'signed' } } }], "x.ts: step 1 's1': field 'expect.state.proposal': 'signed' is not a state of proposal (known: none, tabled, presentedInSaudiArabia, underConsideration, inForce, expired, collapsed, rejected, lapsed, withdrawn, narrowerDeal)"],
    ['an expectation that names no state', [{ ...good, expect: { state: {} } }], "x.ts: step 1 's1': field 'expect.state': names no state"],
    ['an expectation keyed by __proto__', [{ ...good, expect: { state: JSON.parse('{"__proto__": "tabled"}') } }], "x.ts: step 1 's1': field 'expect.state.__proto__': '__proto__' is not a state of the machine"],
    ['an unknown date precision', [{ ...good, datePrecision: 'week' as Step['datePrecision'] }], "x.ts: step 1 's1': field 'datePrecision': 'week' is not one of day, month, undated"],
    ['a blank attribution', [{ ...good, attribution: '  ' }], "x.ts: step 1 's1': field 'attribution': expected the words that credit an outlet or reports"],
    ['an expectation keyed by an inherited name', [{ ...good, expect: { state: { proposal: 'toString' } } }], "x.ts: step 1 's1': field 'expect.state.proposal': 'toString' is not a state of proposal"],
  ])('refuses %s, naming the file, step and field', (_what, steps, message) => {
    expect(() => validateScenario(scenarioWith(...(steps as Step[])), 'x.ts')).toThrowError(message);
  });

  it('suggests the closest event type, actor, outcome and state, and lists the valid ones', () => {
    const problems = (steps: Step[]) => {
      try {
        validateScenario(scenarioWith(...steps), 'x.ts');
      } catch (error) {
        return (error as ScenarioError).problems;
      }
      return [];
    };
    expect(problems([{ ...good, event: 'russia.rejekt' as Step['event'] }])[0]).toMatch(/unknown event type 'russia.rejekt'; did you mean 'russia.reject'\? \(\d+ known, closest: russia.reject, .*; see `ceasefire schema`\)$/);
    expect(problems([{ ...good, actor: 'putn' as Step['actor'] }])[0]).toMatch(/field 'actor': unknown actor 'putn'; did you mean 'putin'\? /);
    expect(problems([{ ...good, expect: { outcome: 'rejectd' as never } }])[0]).toMatch(/field 'expect.outcome': unknown outcome 'rejectd'; did you mean 'rejected'\? \(known: no-proposal, /);
    expect(problems([{ ...good, expect: { state: { proposal: 'tabeld' } } }])[0]).toBe(
      "x.ts: step 1 's1': field 'expect.state.proposal': 'tabeld' is not a state of proposal; did you mean 'tabled'? (known: none, tabled, presentedInSaudiArabia, underConsideration, inForce, expired, collapsed, rejected, lapsed, withdrawn, narrowerDeal)",
    );
    expect(problems([{ ...good, expect: { state: { levrage: 'none' } } }])[0]).toMatch(/'levrage' is not a state of the machine; did you mean 'leverage'\?/);
    const far = problems([{ ...good, actor: 'nobody-at-all' as Step['actor'] }])[0];
    expect(far).toMatch(/unknown actor 'nobody-at-all' \(\d+ known, closest: /);
    expect(far).not.toContain('did you mean');
  });

  it('reports every problem of a TypeScript scenario at once', () => {
    const steps = [good, { ...good, id: 's2', date: '2025-03-01', event: 'russia.rejekt' }, { ...good, id: 's2', actor: 'putn' }] as Step[];
    let error: unknown;
    try {
      validateScenario(scenarioWith(...steps), 'x.ts');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    const problems = (error as ScenarioError).problems;
    expect(problems.map((p) => p.split(': field ')[0] + ': ' + p.split(': field ')[1]!.split(':')[0])).toEqual([
      "x.ts: step 2 's2': 'date'",
      "x.ts: step 2 's2': 'event'",
      "x.ts: step 3 's2': 'id'",
      "x.ts: step 3 's2': 'actor'",
    ]);
    expect((error as ScenarioError).message).toBe(problems.join('\n'));
  });
});

describe('a steps file', () => {
  it('reports every problem at once, in file order', async () => {
    const { parseStepsFile } = await import('../../src/engine/parse.js');
    const text = ['steps:', '  - id: s1', '    date: 2025-03-01', '    actor: putn', '    event: russia.reject', '  - id: s3', '    date: 2025-03-20', '    actor: putin', '    event: russia.rejekt', ''].join('\n');
    const scenario = scenarioWith(good);
    let error: unknown;
    try {
      parseStepsFile(text, 'more.yaml', scenario, { date: '2025-03-11', ids: ['s1'] });
    } catch (caught) {
      error = caught;
    }
    expect((error as ScenarioError).problems.map((p) => p.split(': ').slice(0, 3).join(': '))).toEqual([
      "more.yaml:4:12: step 1 's1': field 'actor'",
      "more.yaml:9:12: step 2 's3': field 'event'",
    ]);
  });
});
