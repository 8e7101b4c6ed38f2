import { describe, expect, it } from 'vitest';
import { defineScenario, validateScenario, type Step } from '../../src/index.js';

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
});
