import type { Scenario } from './scenario.js';

/** A piece of a scenario's or model's own words, and where it is written. */
export interface Prose {
  /** Where the text is: `step <id> note`, `branch <name> title`, `event <type>`, … */
  readonly usedAt: string;
  readonly text: string;
}

/** A name (of a place, person, outlet) in our own words that no article uses. */
export interface NameProblem {
  readonly usedAt: string;
  readonly name: string;
}

// Words that may be capitalised without naming anything the articles must give.
const CALENDAR_WORDS = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
]);

// Text before a word that begins a sentence or a label: nothing, or an end mark then space and an opening quote.
const SENTENCE_START = /(^|[.!?:;—–]["'“‘(]*)\s*["'“‘(]*$/u;

/** A word as compared: typographic apostrophe made plain, a possessive and edge punctuation dropped. */
function wordOf(token: string): string {
  return token.replace(/’/g, "'").replace(/^['-]+|['-]+$/g, '').replace(/'s$/, '');
}

/** The scenario's own words: its title and description, each step's note and attribution, each branch's title and steps. */
export function scenarioProse(scenario: Scenario): Prose[] {
  const steps = (steps: Scenario['steps'], prefix: string): Prose[] =>
    steps.flatMap((step) => [
      ...(step.note === undefined ? [] : [{ usedAt: `${prefix}${step.id} note`, text: step.note }]),
      ...(step.attribution === undefined ? [] : [{ usedAt: `${prefix}${step.id} attribution`, text: step.attribution }]),
    ]);
  return [
    { usedAt: 'title', text: scenario.title },
    { usedAt: 'description', text: scenario.description },
    ...steps(scenario.steps, ''),
    ...scenario.branches.flatMap((branch) => [{ usedAt: `branch ${branch.name} title`, text: branch.title }, ...steps(branch.steps, `${branch.name}/`)]),
  ];
}

/**
 * Every capitalised word of `prose`, not at the start of a sentence, that none
 * of the `articles` uses in any case (a possessive `'s` dropped; month and
 * weekday names allowed): a place, title or outlet the record would add to
 * what its sources say.
 */
export function findNameProblems(prose: readonly Prose[], articles: readonly string[]): NameProblem[] {
  const known = new Set(Array.from(articles.join('\n').matchAll(/[\p{L}'’-]+/gu), (m) => wordOf(m[0]).toLowerCase()));
  const problems: NameProblem[] = [];
  for (const { usedAt, text } of prose) {
    const names = new Set(
      Array.from(text.matchAll(/(?<![\p{L}'’-])[A-Z][\p{L}'’-]+/gu))
        .filter((m) => !SENTENCE_START.test(text.slice(0, m.index)))
        .map((m) => wordOf(m[0])),
    );
    for (const name of names) {
      const word = name.toLowerCase();
      if (!CALENDAR_WORDS.has(word) && !known.has(word)) problems.push({ usedAt, name });
    }
  }
  return problems;
}
