import type { Article, Scenario, Source } from './scenario.js';

/** A quote that is not verbatim in the article it names. */
export interface QuoteProblem {
  /** Where the quote is cited: a step id, or `branch <name>` for a branch's motivation. */
  readonly citedAt: string;
  readonly article: string;
  readonly quote: string;
  readonly reason: 'not-found' | 'article-missing';
}

/** Text compared up to white space and typographic quotes. */
export function normalizeForQuote(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201F\u2033]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Every quote a scenario cites, with where it is cited (record, branches, motivations). */
export function citedQuotes(scenario: Scenario): Array<{ citedAt: string; source: Source }> {
  const fromSteps = (steps: Scenario['steps'], prefix: string) =>
    steps.flatMap((step) => (step.sources ?? []).map((source) => ({ citedAt: `${prefix}${step.id}`, source })));
  return [
    ...fromSteps(scenario.steps, ''),
    ...scenario.branches.flatMap((branch) => [
      { citedAt: `branch ${branch.name}`, source: branch.motivation },
      ...fromSteps(branch.steps, `${branch.name}/`),
    ]),
  ];
}

/**
 * Check that every quote a scenario cites is verbatim in its article, up to
 * white space and typographic quotes. `readArticle` returns an article's text,
 * or undefined when it cannot be found.
 */
export function findQuoteProblems(scenario: Scenario, readArticle: (article: Article) => string | undefined): QuoteProblem[] {
  const texts = new Map<string, string | undefined>();
  for (const article of scenario.articles) {
    const text = readArticle(article);
    texts.set(article.id, text === undefined ? undefined : normalizeForQuote(text));
  }
  return citedQuotes(scenario).flatMap(({ citedAt, source }): QuoteProblem[] => {
    const text = texts.get(source.article);
    if (text === undefined) return [{ citedAt, article: source.article, quote: source.quote, reason: 'article-missing' }];
    return text.includes(normalizeForQuote(source.quote)) ? [] : [{ citedAt, article: source.article, quote: source.quote, reason: 'not-found' }];
  });
}
