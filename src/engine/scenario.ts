import type { StateValue } from 'xstate';
import type { ActorId } from '../model/actors.js';
import type { IsoDate } from '../model/calendar.js';
import type { CeasefireEventType } from '../model/events.js';
import type { Outcome } from '../model/outcome.js';

/** How far a reported fact is established. */
export type Verification = 'claimed' | 'reported' | 'assessed' | 'confirmed';

/** Every verification level, from weakest to strongest. */
export const VERIFICATIONS: readonly Verification[] = ['claimed', 'reported', 'assessed', 'confirmed'];

/** A news article the scenario cites: metadata only, never its full text. */
export interface Article {
  readonly id: string;
  /** File name of the article's text in an articles folder (for `verify-quotes`). */
  readonly file: string;
  readonly date: IsoDate;
  readonly outlet: string | null;
  readonly title: string;
}

/** A short verbatim quote from a cited article. */
export interface Source {
  readonly article: string;
  readonly quote: string;
}

/** What must hold after a step: a (partial) state value and/or an outcome. */
export interface Expectation {
  readonly description?: string;
  readonly state?: StateValue;
  readonly outcome?: Outcome;
}

/** One dated event of a scenario, with who acted and the words that report it. */
export interface Step {
  readonly id: string;
  readonly date: IsoDate;
  /** `month` when the source names only the month; the date is then its first day. */
  readonly datePrecision?: 'day' | 'month';
  readonly actor: ActorId;
  readonly event: CeasefireEventType;
  /** The article quotes that report the step (a hypothetical step may have none). */
  readonly sources?: readonly Source[];
  /** How far the reported fact is established; absent for a hypothetical step. */
  readonly verification?: Verification;
  /** Why the date or coding was chosen, where the article leaves room. */
  readonly note?: string;
  readonly expect?: Expectation;
}

/** A hypothetical road: forks from a step of its scenario and applies its own steps. */
export interface Branch {
  readonly name: string;
  readonly title: string;
  /** The step of the parent scenario after which the branch forks. */
  readonly from: string;
  /** The statement in the articles that makes this road plausible. */
  readonly motivation: Source;
  readonly expectedOutcome: Outcome;
  readonly steps: readonly Step[];
  /** Let the calendar run to this day after the last step, firing delayed transitions. */
  readonly until?: IsoDate;
}

/** A scenario: dated steps replayed on the model, and branches that fork from them. */
export interface Scenario {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly articles: readonly Article[];
  readonly steps: readonly Step[];
  readonly branches: readonly Branch[];
  /** A scenario that continues another: its steps follow the parent's record up to `from`. */
  readonly extends?: { readonly scenario: Scenario; readonly from: string };
  /** The outcome the scenario must end in, checked after its last step. */
  readonly expectedOutcome?: Outcome;
  /** Let the calendar run to this day after the last step. */
  readonly until?: IsoDate;
  /** Where the scenario was read from, for error messages (a file path). */
  readonly origin?: string;
}

/** What `defineScenario` takes: a scenario whose branches may be left out. */
export type ScenarioInput = Omit<Scenario, 'branches'> & { readonly branches?: readonly Branch[] };

/**
 * Declare a scenario with type-checked event names and actors.
 * @example
 * export default defineScenario({ id: 'my-what-if', title: '…', description: '…', articles, steps: [...] });
 */
export function defineScenario(input: ScenarioInput): Scenario {
  return { ...input, branches: input.branches ?? [] };
}
