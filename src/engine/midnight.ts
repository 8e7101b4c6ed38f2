import { addDays, isIsoDate, type IsoDate } from './calendar.js';

/**
 * Midnight on a calendar kept relative to a fixed `today`: the context's
 * `date` stays `today` and every later day in the context (a truce's end)
 * comes one day closer, so that a model's dates mean "days from now" and the
 * contexts stay finitely many however long the chain runs. Days on or before
 * `today` (days already past) keep their value. Returns null when the start
 * context holds no day to move.
 * @example
 * const tick = midnightFor('2025-03-13');
 * tick({ date: '2025-03-13', truceEndsOn: '2025-04-12' }); // { date: '2025-03-13', truceEndsOn: '2025-04-11' }
 */
export function midnightFor(today: IsoDate): (context: unknown) => unknown {
  return (context) => {
    if (context === null || typeof context !== 'object') return context;
    let moved: Record<string, unknown> | null = null;
    for (const [key, value] of Object.entries(context)) {
      if (key === 'date' || !isIsoDate(value) || value <= today) continue;
      moved ??= { ...(context as Record<string, unknown>) };
      moved[key] = addDays(value, -1);
    }
    return moved ?? context;
  };
}
