import type { ViewStep } from '../view-data.js';

/** The date as shown: a month-precise step shows its month only. */
export function displayDate(step: ViewStep): string {
  return step.datePrecision === 'month' ? step.date.slice(0, 7) : step.date;
}

/** The date as read aloud and in tooltips: an undated step says so. */
export function spokenDate(step: ViewStep): string {
  return step.datePrecision === 'undated' ? `${step.date} (undated)` : displayDate(step);
}

/** Whole days from one ISO date to another (0 when either cannot be read, or when time runs backwards). */
export function daysBetween(from: string, to: string): number {
  const days = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
  return Number.isFinite(days) && days > 0 ? days : 0;
}

/**
 * The space in pixels before a day on the timeline, for the days since the
 * day before it: it grows with the gap but only as its logarithm, so that
 * seven months read as far while the strip still fits a screen or two.
 */
export function gapWidth(days: number): number {
  return days <= 0 ? 0 : Math.round(8 + 28 * Math.log1p(days));
}

/** What a long gap is called on the strip ("8 days", "7 months"), or null when it is too short to name. */
export function gapLabel(days: number): string | null {
  if (days < 5) return null;
  if (days < 45) return `${days} days`;
  return `${Math.round(days / 30.44)} months`;
}

/** Steps that share one date on the timeline, with the gap in days since the date before. */
export interface DayCluster {
  /** The date as shown (a month for month-precise steps). */
  readonly label: string;
  readonly date: string;
  readonly daysBefore: number;
  /** Indexes of the road's steps on this date, in order. */
  readonly steps: readonly number[];
}

/** Group a road's consecutive steps that fall on the same shown date, keeping the road's order. */
export function dayClusters(steps: readonly ViewStep[]): DayCluster[] {
  const clusters: Array<{ label: string; date: string; daysBefore: number; steps: number[] }> = [];
  steps.forEach((step, i) => {
    const label = displayDate(step);
    const last = clusters.at(-1);
    if (last && last.label === label) last.steps.push(i);
    else clusters.push({ label, date: step.date, daysBefore: last ? daysBetween(last.date, step.date) : 0, steps: [i] });
  });
  return clusters;
}
