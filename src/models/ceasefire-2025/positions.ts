import { addDays, isIsoDate, isOnOrAfter, toEpochMs, type IsoDate } from '../../engine/calendar.js';

/**
 * Ukraine's position: the 30-day text endorsed, revised terms (negotiated
 * after Russia's conditions) accepted, or the endorsement withdrawn.
 */
export type UkrainePosition = 'undecided' | 'endorsed' | 'revisedTermsAccepted' | 'withdrawn';
/**
 * Russia's position: agreed in principle with conditions (`conditional`), the 30-day text
 * accepted as it stands, revised terms agreed, or the proposal rejected.
 */
export type RussiaPosition = 'undecided' | 'conditional' | 'accepted' | 'revisedTermsAccepted' | 'rejected';

/** Length of the proposed truce, and of its one extension, in days. */
export const TRUCE_DAYS = 30;

/** What the model remembers besides its states: bounded, so every state can be explored. */
export interface CeasefireContext {
  /** The current day of the simulated calendar (null before the first event). */
  readonly date: IsoDate | null;
  /** Mirrors the `positions.ukraine` region, for the guards. */
  readonly ukraine: UkrainePosition;
  /** Mirrors the `positions.russia` region, for the guards. */
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

/**
 * A ceasefire can come into force only once both parties have accepted the
 * same terms: Ukraine's endorsement of the 30-day text with Russia's
 * acceptance of that text, or both parties' acceptance of revised terms.
 */
export function bothPartiesAccepted(context: CeasefireContext): boolean {
  return (
    (context.ukraine === 'endorsed' && context.russia === 'accepted') ||
    (context.ukraine === 'revisedTermsAccepted' && context.russia === 'revisedTermsAccepted')
  );
}

/** Russia has accepted terms (the 30-day text or revised ones), so it can no longer reject or let them lapse. */
export function russiaHasAccepted(context: CeasefireContext): boolean {
  return context.russia === 'accepted' || context.russia === 'revisedTermsAccepted';
}

/** An event is admissible when it carries a real date on or after the model's current date. */
export function isNotBackdated(context: CeasefireContext, date: unknown): boolean {
  return isIsoDate(date) && isOnOrAfter(date, context.date);
}

/** The day a truce starting on `date` ends. */
export function truceEndFrom(date: IsoDate): IsoDate {
  return addDays(date, TRUCE_DAYS);
}

/**
 * The day an extended truce ends: another 30 days from its current end, not
 * from the day of the extension (a truce ending 15 April, extended on
 * 10 April, ends 15 May).
 */
export function extendedTruceEnd(currentEnd: IsoDate): IsoDate {
  return addDays(currentEnd, TRUCE_DAYS);
}

/**
 * Milliseconds from the calendar's date to the truce's end: the expiry delay,
 * so the timer fires on `truceEndsOn` whenever it was armed (0 when either is unset).
 */
export function msUntilTruceEnds(context: CeasefireContext): number {
  if (context.date === null || context.truceEndsOn === null) return 0;
  return Math.max(0, toEpochMs(context.truceEndsOn) - toEpochMs(context.date));
}

// Keyed by the position types, so a position added to or dropped from them fails to compile here.
const UKRAINE_POSITIONS = Object.keys({ undecided: 0, endorsed: 0, revisedTermsAccepted: 0, withdrawn: 0 } satisfies Record<UkrainePosition, 0>);
const RUSSIA_POSITIONS = Object.keys({ undecided: 0, conditional: 0, accepted: 0, revisedTermsAccepted: 0, rejected: 0 } satisfies Record<RussiaPosition, 0>);

/** The context's fields as a saved run must hold them. */
export const CONTEXT_FIELDS = {
  date: 'day|null',
  ukraine: UKRAINE_POSITIONS,
  russia: RUSSIA_POSITIONS,
  truceEndsOn: 'day|null',
} as const satisfies Record<keyof CeasefireContext, 'day|null' | readonly string[]>;
