import type { StateValue } from 'xstate';
import type { IsoDate } from './calendar.js';
import type { ActorIdOf, EventTypeOf, Model, OutcomeOf } from './model.js';

/**
 * How far a reported fact is established:
 * - `claimed` — a party's own assertion the article does not verify, in particular a warring party's account of its own or the enemy's operations;
 * - `reported` — the article reports it, attributed to officials, an outlet or "reports", or in its own voice without an on-record source;
 * - `assessed` — an independent third party's assessment (e.g. the Institute for the Study of War);
 * - `confirmed` — the actor's own words quoted on the record, or an act the acting government itself states on the record.
 */
export type Verification = 'claimed' | 'reported' | 'assessed' | 'confirmed';

/** Every verification level, from weakest to strongest. */
export const VERIFICATIONS: readonly Verification[] = ['claimed', 'reported', 'assessed', 'confirmed'];

/**
 * How precisely the articles date a step: `day`; `month` when the source names
 * only the month (the date is then its first day); `undated` when the article
 * gives no day for it (the step carries the date of the article, or of the
 * report, that gives it).
 */
export type DatePrecision = 'day' | 'month' | 'undated';

/** Every date precision, from most to least precise. */
export const DATE_PRECISIONS: readonly DatePrecision[] = ['day', 'month', 'undated'];

/** A news article the scenario cites: metadata only, never its full text. */
export interface Article {
  readonly id: string;
  /** File name of the article's text in an articles folder (for `verify-quotes`). */
  readonly file: string;
  readonly date: IsoDate;
  /** The outlet that published it, where the article names it (null otherwise). */
  readonly outlet: string | null;
  /** The article's own headline; null (or left out) when the text carries none: never an invented one. */
  readonly title?: string | null;
}

/** A short verbatim quote from a cited article. */
export interface Source {
  readonly article: string;
  readonly quote: string;
}

/** What must hold after a step: a (partial) state value and/or an outcome. */
export interface Expectation<M extends Model = Model> {
  readonly description?: string;
  readonly state?: StateValue;
  readonly outcome?: OutcomeOf<M>;
}

/** One dated event of a scenario, with who acted and the words that report it. */
export interface Step<M extends Model = Model> {
  readonly id: string;
  readonly date: IsoDate;
  /** `month` when the source names only the month (the date is then its first day); `undated` when the article gives no day (the date is the article's, or the report's). */
  readonly datePrecision?: DatePrecision;
  readonly actor: ActorIdOf<M>;
  readonly event: EventTypeOf<M>;
  /** The article quotes that report the step (a hypothetical step may have none). */
  readonly sources?: readonly Source[];
  /** How far the reported fact is established; absent for a hypothetical step. */
  readonly verification?: Verification;
  /**
   * Who the article credits for the step, in its own words: an outlet
   * (`The New York Times reported`, `told Fox News`) or `reports`.
   */
  readonly attribution?: string;
  /** Why the date or coding was chosen, where the article leaves room. */
  readonly note?: string;
  readonly expect?: Expectation<M>;
}

/** A hypothetical road: forks from a step of its scenario and applies its own steps. */
export interface Branch<M extends Model = Model> {
  readonly name: string;
  readonly title: string;
  /** The step of the parent scenario after which the branch forks. */
  readonly from: string;
  /** The statement in the articles that makes this road plausible. */
  readonly motivation: Source;
  readonly expectedOutcome: OutcomeOf<M>;
  readonly steps: readonly Step<M>[];
  /** Let the calendar run to this day after the last step, firing delayed transitions. */
  readonly until?: IsoDate;
}

/** A scenario: dated steps replayed on its model, and branches that fork from them. */
export interface Scenario<M extends Model = Model> {
  /** The model the scenario runs on. */
  readonly model: M;
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly articles: readonly Article[];
  readonly steps: readonly Step<M>[];
  readonly branches: readonly Branch<M>[];
  /** A scenario that continues another: its steps follow the parent's record up to `from`. */
  readonly extends?: { readonly scenario: Scenario<M>; readonly from: string };
  /** The outcome the scenario must end in, checked after its last step. */
  readonly expectedOutcome?: OutcomeOf<M>;
  /** Let the calendar run to this day after the last step. */
  readonly until?: IsoDate;
  /** Where the scenario was read from, for error messages (a file path). */
  readonly origin?: string;
}

/** What `defineScenario` takes: a scenario of `M` without its model, whose branches may be left out. */
export type ScenarioInput<M extends Model = Model> = Omit<Scenario<M>, 'branches' | 'model'> & { readonly branches?: readonly Branch<M>[] };

/**
 * Declare a scenario of `model`, with its event types, actors and outcomes type-checked against it.
 * @example
 * export default defineScenario(truce, { id: 'my-what-if', title: '…', description: '…', articles, steps: [...] });
 */
export function defineScenario<M extends Model>(model: M, input: ScenarioInput<M>): Scenario<M> {
  return { ...input, model, branches: input.branches ?? [] };
}
