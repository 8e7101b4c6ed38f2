/** A calendar day written as `YYYY-MM-DD`. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** True when `value` is a real calendar day written as `YYYY-MM-DD`. */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const day = new Date(0);
  // setUTCFullYear keeps years 0–99 (Date.UTC maps them to 1900–1999); 2025-02-30 rolls to March and fails the round trip.
  day.setUTCFullYear(y, m - 1, d);
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

/** Milliseconds since the epoch at midnight UTC of `date`. */
export function toEpochMs(date: IsoDate): number {
  return Date.parse(`${date}T00:00:00Z`);
}

/** The calendar day that contains `ms` (UTC). */
export function fromEpochMs(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

/** `date` moved by a whole number of days. */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochMs(toEpochMs(date) + days * DAY_MS);
}

/** Number of milliseconds in `days` days, for delayed transitions. */
export function daysToMs(days: number): number {
  return days * DAY_MS;
}

/** True when `date` is on or after `current` (an unset calendar accepts any day). */
export function isOnOrAfter(date: IsoDate, current: IsoDate | null): boolean {
  return current === null || date >= current;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toEpochMs(to) - toEpochMs(from)) / DAY_MS);
}
