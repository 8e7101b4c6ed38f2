import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ScenarioError } from '../engine/errors.js';
import { findQuoteProblems } from '../engine/quotes.js';
import type { Article, Scenario } from '../engine/scenario.js';
import { readInput } from './input.js';
import { EXIT, oneLine, type CliIO } from './io.js';

function articleReader(dir: string): (article: Article) => string | undefined {
  if (!existsSync(dir)) throw new ScenarioError(`--articles: folder '${dir}' does not exist`);
  if (!statSync(dir).isDirectory()) throw new ScenarioError(`--articles: '${dir}' is not a folder`);
  const names = readdirSync(dir);
  return (article) => {
    // The article's own file name first, else any file named after its id (`000.txt`, `000_….txt`).
    const name = names.includes(article.file) ? article.file : names.find((n) => n === `${article.id}.txt` || n.startsWith(`${article.id}_`));
    return name === undefined ? undefined : readInput(join(dir, name));
  };
}

/** `ceasefire verify-quotes`: exit 0 when every quote is verbatim in its article, else 1 naming each. */
export function verifyQuotes(scenario: Scenario, dir: string, io: CliIO): number {
  const problems = findQuoteProblems(scenario, articleReader(dir));
  for (const p of problems) {
    const why = p.reason === 'article-missing' ? `article ${p.article} not found in ${dir}` : `not verbatim in article ${p.article}`;
    io.stdout.write(`✗ ${p.citedAt}: ${why}: “${p.quote}”\n`);
  }
  if (problems.length) {
    io.stderr.write(`ceasefire: ${oneLine(`${problems.length} quote(s) of ${scenario.id} are not verbatim in their articles`)}\n`);
    return EXIT.failed;
  }
  io.stdout.write(`✓ every quote of ${scenario.id} is verbatim in its article (${scenario.articles.length} articles)\n`);
  return EXIT.ok;
}
