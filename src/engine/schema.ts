import { z } from 'zod';
import { suggestion } from './_closest.js';
import type { Model } from './model.js';
import { DATE_PRECISIONS, VERIFICATIONS } from './scenario.js';

const VERIFICATION_LIST = VERIFICATIONS as [string, ...string[]];
const PRECISION_LIST = DATE_PRECISIONS as [string, ...string[]];

/** A value echoed in an error message: short, on one line, safe for any input (cycles included). */
function shown(input: unknown): string {
  if (typeof input === 'string') return `'${input}'`;
  if (typeof input === 'number' || typeof input === 'boolean' || input === null || input === undefined) return String(input);
  try {
    return JSON.stringify(input)?.slice(0, 60) ?? typeof input;
  } catch {
    return Array.isArray(input) ? 'a list' : 'a mapping';
  }
}
const text = (what: string) => z.string({ error: (iss) => `expected ${what}, got ${shown(iss.input)}` });
const day = (description: string) =>
  z.string({ error: (iss) => (iss.input === undefined ? 'is missing' : `expected a YYYY-MM-DD date, got ${shown(iss.input)}`) }).describe(description);
const oneOf = (values: [string, ...string[]], what: string) =>
  z.enum(values, { error: (iss) => (iss.input === undefined ? 'is missing' : `unknown ${what} ${shown(iss.input)}${suggestion(iss.input, values)}`) });

const sourceSchema = z
  .strictObject({
    article: text('an article id').describe("An article id from the scenario's `articles`."),
    quote: text('a quote').min(1, 'is empty').describe('Short verbatim quote from the article.'),
  })
  .describe('A verbatim quote reporting the step.');

const articleSchema = z.strictObject({
  id: text('an article id'),
  file: text('a file name').describe('File name of the article text, for `verify-quotes`.'),
  date: day('Publication day.'),
  outlet: z.string().nullable().optional().describe('The outlet that published the article, where it names one.'),
  title: text('a title').nullable().optional().describe("The article's own headline; null (or left out) when it carries none."),
});

// The parts of the schema that list a model's names: its event types, actors and outcomes.
function buildSchemas(model: Model) {
  const eventNames = model.eventTypes as [string, ...string[]];
  const actorIds = model.actorIds as [string, ...string[]];
  const outcomes = model.outcomeNames as [string, ...string[]];
  const eventSchema = z
    .union([
      oneOf(eventNames, 'event type'),
      z.looseObject({ type: oneOf(eventNames, 'event type') }).describe('An event object; its date comes from the step.'),
    ])
    .describe(`One of the model's event types, e.g. \`${eventNames[0]}\`.`);

  const expectationSchema = z
    .strictObject({
      description: text('a description').optional(),
      state: z.union([z.string(), z.record(z.string(), z.unknown())]).optional().describe('A (partial) state value the model must match.'),
      outcome: oneOf(outcomes, 'outcome').optional(),
    })
    .describe('What must hold after the step.');

  const stepSchema = z.strictObject({
    id: text('a step id').min(1, 'is empty').describe('Unique step id, used by `from:` and in output.'),
    date: day('The day the event happened.'),
    datePrecision: oneOf(PRECISION_LIST, 'date precision')
      .optional()
      .describe(
        '`day` (the default); `month` when the source names only the month (the date is then its first day); ' +
          '`undated` when the article gives no day for this (the step carries the date of the article, or of the report, that gives it).',
      ),
    actor: oneOf(actorIds, 'actor').describe('Who acted.'),
    event: eventSchema,
    sources: z.array(sourceSchema).optional(),
    verification: oneOf(VERIFICATION_LIST, 'verification')
      .optional()
      .describe(
        'How far the reported fact is established. ' +
          "`claimed` — a party's own assertion the article does not verify, in particular a warring party's account of its own or the enemy's operations. " +
          '`reported` — the article reports it, attributed to officials, an outlet or "reports", or in its own voice without an on-record source. ' +
          "`assessed` — an independent third party's assessment (e.g. the Institute for the Study of War). " +
          "`confirmed` — the actor's own words quoted on the record, or an act the acting government itself states on the record.",
      ),
    attribution: text('an attribution')
      .min(1, 'is empty')
      .optional()
      .describe('Who the article credits for the step, in its words: an outlet (`The New York Times reported`, `told Fox News`) or `reports`.'),
    note: text('a note').optional(),
    expect: expectationSchema.optional(),
  });

  const branchSchema = z.strictObject({
    name: text('a branch name').min(1, 'is empty'),
    title: text('a title'),
    from: text('a step id').describe('The step after which the branch forks.'),
    motivation: sourceSchema.describe('The statement in the articles that makes this road plausible.'),
    expectedOutcome: oneOf(outcomes, 'outcome'),
    until: day('Run the calendar to this day after the last step.').optional(),
    steps: z.array(stepSchema),
  });

  const scenarioFile = z
    .strictObject({
      $schema: z.string().optional(),
      model: text('a model id').optional().describe('The id of the model the scenario runs on (see `ceasefire models`); left out, the default model.'),
      id: text('a scenario id').min(1, 'is empty').describe('Scenario id, shown in output.'),
      title: text('a title'),
      description: text('a description').optional(),
      extends: text('a scenario id').optional().describe('Continue this scenario (e.g. `march-2025`) from step `from`.'),
      from: text('a step id').optional().describe('With `extends`: the step of the parent after which this scenario continues.'),
      articles: z.array(articleSchema).optional().describe("Articles cited by this file's quotes (added to the parent's)."),
      expectedOutcome: oneOf(outcomes, 'outcome').optional(),
      until: day('Run the calendar to this day after the last step.').optional(),
      steps: z.array(stepSchema).min(1, 'needs at least one step'),
      branches: z.array(branchSchema).optional(),
    })
    .describe(`A Ceasefire Lab scenario: dated steps replayed on the ${model.title} model.`);

  const stepsFile = z.strictObject({
    $schema: z.string().optional(),
    articles: z.array(articleSchema).optional(),
    steps: z.array(stepSchema).min(1, 'needs at least one step'),
  });
  return { scenarioFile, stepsFile };
}

const built = new WeakMap<Model, ReturnType<typeof buildSchemas>>();

function schemasOf(model: Model): ReturnType<typeof buildSchemas> {
  let schemas = built.get(model);
  if (!schemas) built.set(model, (schemas = buildSchemas(model)));
  return schemas;
}

/** The schema of a YAML or JSON scenario file of `model` (also exported as JSON Schema by `ceasefire schema`). */
export function scenarioFileSchema(model: Model): ReturnType<typeof buildSchemas>['scenarioFile'] {
  return schemasOf(model).scenarioFile;
}

/** A scenario file as parsed by {@link scenarioFileSchema}. */
export type ScenarioFile = z.infer<ReturnType<typeof buildSchemas>['scenarioFile']>;

/** The steps-only file `ceasefire resume --steps` takes, for `model`. */
export function stepsFileSchema(model: Model): ReturnType<typeof buildSchemas>['stepsFile'] {
  return schemasOf(model).stepsFile;
}

/** The JSON Schema of `model`'s scenario files, for editors that validate YAML. */
export function scenarioJsonSchema(model: Model): object {
  return z.toJSONSchema(scenarioFileSchema(model), { io: 'input' });
}
