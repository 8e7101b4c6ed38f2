/** A day of the model's calendar, `YYYY-MM-DD`. */
export type Day = string;

/** Each party's answer to the terms on the table. */
export type Answer = 'pending' | 'accepted' | 'rejected' | 'countered';

/** What the model remembers besides its states: bounded, so every state can be explored. */
export interface TruceContext {
  /** The calendar's current day (null before the first event). */
  readonly date: Day | null;
  readonly partyA: Answer;
  readonly partyB: Answer;
  /** The day the truce in force ends unless extended (null when none runs). */
  readonly truceEndsOn: Day | null;
  /** How many times the truce has been extended. */
  readonly extensions: number;
}

/** Length of the truce, and of each extension, in days. Change it for your conflict. */
export const TRUCE_DAYS = 30;

/** How many extensions the terms allow. */
export const MAX_EXTENSIONS = 1;

/** The context a fresh negotiation starts with. */
export const INITIAL_CONTEXT: TruceContext = { date: null, partyA: 'pending', partyB: 'pending', truceEndsOn: null, extensions: 0 };

const DAY_MS = 86_400_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar day written `YYYY-MM-DD`. */
export function isDay(value: unknown): value is Day {
  return typeof value === 'string' && ISO_DAY.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

/** `day` plus `days`. */
export function addDays(day: Day, days: number): Day {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** An event counts only when it carries a real day on or after the calendar's. */
export function isNotBackdated(context: TruceContext, date: unknown): boolean {
  return isDay(date) && (context.date === null || date >= context.date);
}

/** Both parties have accepted the same terms (a counter-proposal resets both answers). */
export function bothAccepted(context: TruceContext): boolean {
  return context.partyA === 'accepted' && context.partyB === 'accepted';
}

/** The truce may be extended again: another {@link TRUCE_DAYS} from its current end. */
export function canExtend(context: TruceContext): boolean {
  return context.truceEndsOn !== null && context.extensions < MAX_EXTENSIONS;
}

/** Milliseconds from the calendar's day to the truce's end: the expiry timer's delay. */
export function msUntilTruceEnds(context: TruceContext): number {
  if (context.date === null || context.truceEndsOn === null) return 0;
  return Math.max(0, Date.parse(`${context.truceEndsOn}T00:00:00Z`) - Date.parse(`${context.date}T00:00:00Z`));
}
