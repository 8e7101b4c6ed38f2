import type { EventInfo, Model, PloverEvent } from '../model.js';
import type { ReplayResult, StepResult } from '../replay.js';
import type { Article, DatePrecision, Scenario, Verification } from '../scenario.js';

/** Who coded the records, in PLOVER's `coder` field. */
export const PLOVER_CODER = 'ceasefire-lab';

/** The article a record's text comes from, as PLOVER's `cite_info`. */
export interface PloverCiteInfo {
  readonly id: string;
  /** The article's own headline; null when it carries none. */
  readonly title: string | null;
  readonly date: string;
  readonly outlet: string | null;
  /** Who the article credits for the step (`The New York Times reported`, `reports`), or null. */
  readonly attribution: string | null;
}

/**
 * One PLOVER-style event record: PLOVER's own fields first (`actor` and
 * `recipient` as ISO alpha-3 country codes rather than lists of entities, so
 * the file loads as a flat table), then the CAMEO code and what the scenario adds.
 */
export interface PloverRecord {
  readonly id: string;
  readonly date: string;
  readonly actor: string | null;
  readonly recipient: string | null;
  /** PLOVER event type; null for a bare statement PLOVER does not code. */
  readonly event: PloverEvent | null;
  readonly mode: string | null;
  readonly context: string;
  /** The event's description in the model. */
  readonly event_text: string;
  /** The step's first quote, verbatim; null for a step with no source. */
  readonly text: string | null;
  /** The article of `text`. */
  readonly cite_info: PloverCiteInfo | null;
  readonly coder: typeof PLOVER_CODER;
  /** False for a record PLOVER does not code as an event (a bare statement): its `event` and `mode` are then null. */
  readonly has_event: boolean;
  /** True for a step of a what-if branch: this did not happen. */
  readonly hypothetical: boolean;
  readonly cameo: string;
  /** `month` when the source names only the month (the date is then its first day); `undated` when it gives no day (the date is the article's). */
  readonly date_precision: DatePrecision;
  /** The person or body the scenario names for the step (for a few event types, who reported the act). */
  readonly step_actor: string;
  readonly verification: Verification | null;
  /** Who the article credits for the step (`The New York Times reported`, `told Fox News`, `reports`), or null. */
  readonly attribution: string | null;
  /** The step's own note (why this date, where the article leaves room). */
  readonly comment: string | null;
  /** Why the event type is coded this way, where the choice is arguable. */
  readonly coding_note: string | null;
  /** Every quote the step cites, with its article id. */
  readonly sources: ReadonlyArray<{ readonly article: string; readonly quote: string }>;
}

/** A scenario's articles and those of the scenarios it extends, by id. */
function articlesOf(scenario: Scenario): Map<string, Article> {
  const parent = scenario.extends ? articlesOf(scenario.extends.scenario) : new Map<string, Article>();
  for (const article of scenario.articles) parent.set(article.id, article);
  return parent;
}

function record(model: Model, step: StepResult, id: string, articles: ReadonlyMap<string, Article>): PloverRecord | undefined {
  // A delayed transition fired by the calendar (a truce running out) has no actor: PLOVER has nothing to code.
  if (step.kind === 'timer' || !model.isEventType(step.event.type)) return undefined;
  const coding: EventInfo = model.events[step.event.type]!;
  const stepCountry = model.isActorId(step.actor.id) ? model.actors[step.actor.id]!.country : null;
  const actor = coding.actor ?? stepCountry;
  const first = step.sources[0];
  const article = first ? articles.get(first.article) : undefined;
  return {
    id,
    date: step.date,
    actor,
    // An act aimed at the actor's own side (Ukraine agreeing terms it is party to) has no recipient.
    recipient: coding.recipient === actor ? null : coding.recipient,
    event: coding.plover,
    mode: coding.mode ?? null,
    context: coding.context,
    event_text: step.event.description,
    text: first?.quote ?? null,
    cite_info: article ? { id: article.id, title: article.title ?? null, date: article.date, outlet: article.outlet ?? null, attribution: step.attribution } : null,
    coder: PLOVER_CODER,
    has_event: coding.plover !== null,
    hypothetical: step.hypothetical,
    cameo: coding.cameo,
    date_precision: step.datePrecision,
    step_actor: step.actor.name,
    verification: step.verification,
    attribution: step.attribution,
    comment: step.note ?? null,
    coding_note: coding.note ?? null,
    sources: step.sources.map(({ article: a, quote }) => ({ article: a, quote })),
  };
}

/**
 * The PLOVER-style records of a replayed scenario, one per dated step (steps
 * the calendar fires, like a truce expiring, are left out). Ids are
 * `<scenario>/<branch or "record">/<step id>`, unique within one export.
 */
export function ploverRecords(scenario: Scenario, result: ReplayResult): PloverRecord[] {
  const articles = articlesOf(scenario);
  const prefix = `${scenario.id}/${result.branch ?? 'record'}`;
  const seen = new Map<string, number>();
  return result.steps.flatMap((step) => {
    const base = `${prefix}/${step.id}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const made = record(scenario.model, step, n === 1 ? base : `${base}~${n}`, articles);
    return made ? [made] : [];
  });
}

/** Records as JSON Lines: one compact JSON object per line, each line ending in `\n`. */
export function toJsonLines(records: readonly object[]): string {
  return records.map((r) => `${JSON.stringify(r)}\n`).join('');
}
