import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ScenarioError } from '../engine/errors.js';
import { findNameProblems, scenarioProse, type Prose } from '../engine/names.js';
import { findQuoteProblems } from '../engine/quotes.js';
import type { Article, Scenario } from '../engine/scenario.js';
import { allStates, stateLabel } from '../engine/statechart.js';
import type { Model } from '../engine/model.js';
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

/** The model's own words a reader of any run sees: event descriptions, actors, state labels and descriptions, outcomes. */
export function modelProse(model: Model): Prose[] {
  return [
    ...Object.entries(model.events).map(([type, info]) => ({ usedAt: `event ${type}`, text: info.description })),
    ...Object.entries(model.actors).flatMap(([id, actor]) => [{ usedAt: `actor ${id}`, text: actor.name }, { usedAt: `actor ${id} role`, text: actor.role }]),
    ...allStates(model.machine.root).flatMap((node) => [
      { usedAt: `state ${node.path.join('.')}`, text: stateLabel(model, node) },
      ...(node.description === undefined ? [] : [{ usedAt: `state ${node.path.join('.')} description`, text: node.description }]),
    ]),
    ...Object.entries(model.outcomes).map(([name, text]) => ({ usedAt: `outcome ${name}`, text })),
  ];
}

/**
 * `ceasefire verify-quotes`: exit 0 when every quote is verbatim in its article
 * and every name the scenario and its model use is in the articles, else 1 naming each.
 */
export function verifyQuotes(scenario: Scenario, dir: string, io: CliIO): number {
  const read = articleReader(dir);
  const problems = findQuoteProblems(scenario, read);
  for (const p of problems) {
    const why = p.reason === 'article-missing' ? `article ${p.article} not found in ${dir}` : `not verbatim in article ${p.article}`;
    io.stdout.write(`✗ ${p.citedAt}: ${why}: “${p.quote}”\n`);
  }
  const texts = scenario.articles.flatMap((article) => read(article) ?? []);
  // A scenario with no article (an example) has no names to check against.
  const names = texts.length > 0 && texts.length === scenario.articles.length ? findNameProblems([...scenarioProse(scenario), ...modelProse(scenario.model)], texts) : [];
  for (const n of names) io.stdout.write(`✗ ${n.usedAt}: '${n.name}' is a name no article uses\n`);
  if (problems.length) io.stderr.write(`ceasefire: ${oneLine(`${problems.length} quote(s) of ${scenario.id} are not verbatim in their articles`)}\n`);
  if (names.length) io.stderr.write(`ceasefire: ${oneLine(`${names.length} name(s) in ${scenario.id} or its model are in no article`)}\n`);
  if (problems.length || names.length) return EXIT.failed;
  io.stdout.write(`✓ every quote of ${scenario.id} is verbatim in its article (${scenario.articles.length} articles)\n`);
  if (texts.length > 0) io.stdout.write(`✓ every name ${scenario.id} and its model use (places, people, outlets) is in the articles\n`);
  return EXIT.ok;
}
