import { describe, expect, it } from 'vitest';
import { defineScenario, findQuoteProblems, normalizeForQuote } from '../../src/index.js';

const scenario = defineScenario({
  id: 'q', title: 't', description: 'd',
  articles: [{ id: 'a', file: 'a.txt', date: '2025-03-13', outlet: null, title: 'A' }],
  steps: [
    { id: 'ok', date: '2025-03-11', event: 'proposal.table', actor: 'trump', verification: 'confirmed', sources: [{ article: 'a', quote: "it's up to  Russia now" }] },
    { id: 'bad', date: '2025-03-11', event: 'proposal.present', actor: 'trump', verification: 'confirmed', sources: [{ article: 'a', quote: 'it is up to Russia now' }] },
  ],
});

describe('quote verification', () => {
  it('compares up to white space and typographic quotes', () => {
    expect(normalizeForQuote('“it’s\n up to Russia”')).toBe('"it\'s up to Russia"');
  });

  it('names each quote that is not verbatim in its article', () => {
    const problems = findQuoteProblems(scenario, () => 'Trump said that “it’s up to Russia now” on Wednesday.');
    expect(problems).toEqual([{ citedAt: 'bad', article: 'a', quote: 'it is up to Russia now', reason: 'not-found' }]);
  });

  it('reports a missing article rather than passing its quotes', () => {
    expect(findQuoteProblems(scenario, () => undefined).map((p) => p.reason)).toEqual(['article-missing', 'article-missing']);
  });
});
