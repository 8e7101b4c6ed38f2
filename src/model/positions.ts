import { addDays, isIsoDate, isOnOrAfter, type IsoDate } from './calendar.js';

/** Ukraine's position on the 30-day ceasefire. */
export type UkrainePosition = 'undecided' | 'endorsed' | 'withdrawn';
/** Russia's position on the 30-day ceasefire. */
export type RussiaPosition = 'undecided' | 'conditional' | 'accepted' | 'rejected';

/** Length of the proposed truce, in days. */
export const TRUCE_DAYS = 30;

/** What the model remembers besides its states: bounded, so every state can be explored. */
export interface CeasefireContext {
  /** The current day of the simulated calendar (null before the first event). */
  readonly date: IsoDate | null;
  readonly ukraine: UkrainePosition;
  readonly russia: RussiaPosition;
  /** The day the running truce ends unless extended (null when no truce runs). */
  readonly truceEndsOn: IsoDate | null;
}

/** The context a fresh model starts with. */
export const INITIAL_CONTEXT: CeasefireContext = {
  date: null,
  ukraine: 'undecided',
  russia: 'undecided',
  truceEndsOn: null,
};

/** A ceasefire can come into force only once both parties have accepted its terms. */
export function bothPartiesAccepted(context: CeasefireContext): boolean {
  return context.ukraine === 'endorsed' && context.russia === 'accepted';
}

/** Russia has accepted the terms, so it can no longer reject or let them lapse. */
export function russiaHasAccepted(context: CeasefireContext): boolean {
  return context.russia === 'accepted';
}

/** An event is admissible when it carries a real date on or after the model's current date. */
export function isNotBackdated(context: CeasefireContext, date: unknown): boolean {
  return isIsoDate(date) && isOnOrAfter(date, context.date);
}

/** The day a truce starting (or extended) on `date` ends. */
export function truceEndFrom(date: IsoDate): IsoDate {
  return addDays(date, TRUCE_DAYS);
}
