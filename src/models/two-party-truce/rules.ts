import { addDays, isIsoDate, isOnOrAfter, toEpochMs, type IsoDate } from '../../engine/calendar.js';

/** Each party's answer to the terms on the table. */
export type Answer = 'pending' | 'accepted' | 'rejected' | 'countered';

/** What the model remembers besides its states: bounded, so every state can be explored. */
export interface TruceContext {
  /** The calendar's current day (null before the first event). */
  readonly date: IsoDate | null;
  readonly partyA: Answer;
  readonly partyB: Answer;
  /** The day the truce in force ends unless extended (null when none runs). */
  readonly truceEndsOn: IsoDate | null;
}

/** Length of the truce, and of each extension, in days. Change it for your conflict. */
export const TRUCE_DAYS = 30;

/** Each field of the context, as a saved run must hold it. */
export const CONTEXT_FIELDS = {
  date: 'day|null',
  partyA: ['pending', 'accepted', 'rejected', 'countered'],
  partyB: ['pending', 'accepted', 'rejected', 'countered'],
  truceEndsOn: 'day|null',
} as const;

/** The context a fresh negotiation starts with. */
export const INITIAL_CONTEXT: TruceContext = { date: null, partyA: 'pending', partyB: 'pending', truceEndsOn: null };

/** An event counts only when it carries a real day on or after the calendar's. */
export function isNotBackdated(context: TruceContext, date: unknown): boolean {
  return isIsoDate(date) && isOnOrAfter(date, context.date);
}

/** The day a truce starting (or ending, when extended) on `day` ends: {@link TRUCE_DAYS} later. */
export function truceEndFrom(day: IsoDate): IsoDate {
  return addDays(day, TRUCE_DAYS);
}

/** Both parties have accepted the same terms (a counter-proposal resets both answers). */
export function bothAccepted(context: TruceContext): boolean {
  return context.partyA === 'accepted' && context.partyB === 'accepted';
}

/** Milliseconds from the calendar's day to the truce's end: the expiry timer's delay. */
export function msUntilTruceEnds(context: TruceContext): number {
  if (context.date === null || context.truceEndsOn === null) return 0;
  return Math.max(0, toEpochMs(context.truceEndsOn) - toEpochMs(context.date));
}
