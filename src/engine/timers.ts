import { addDays, type IsoDate } from './calendar.js';

const DAY_MS = 86_400_000;

/** A delayed transition waiting on the scenario's calendar. */
export interface PendingTimer {
  /** XState's send id, used to cancel it when its state is left. */
  readonly id: string;
  readonly event: { readonly type: string };
  /** The day it fires. */
  readonly due: IsoDate;
  readonly description: string;
}

/** An action as XState's transition hands it over: its type and parameters. */
export interface ActionLike {
  readonly type: string;
  readonly params?: unknown;
}

/** What an action does to the delayed events: cancels one (by send id), starts one (whole days until it fires), or nothing. */
export type DelayedChange = { readonly cancel: string } | { readonly start: { readonly id: string; readonly type: string; readonly days: number } } | null;

/**
 * Read an action for delayed events: XState's pure `transition` returns a
 * delayed transition as an `xstate.raise` with a delay, and leaving its state
 * as an `xstate.cancel`. Delays count in whole days, rounded up.
 */
export function delayedChange(action: ActionLike): DelayedChange {
  const params = (action.params ?? {}) as { delay?: number; event?: { type: string }; id?: string; sendId?: string };
  if (action.type === 'xstate.cancel' && params.sendId) return { cancel: params.sendId };
  if (action.type === 'xstate.raise' && typeof params.delay === 'number' && params.event) {
    return { start: { id: params.id ?? params.event.type, type: params.event.type, days: Math.ceil(params.delay / DAY_MS) } };
  }
  return null;
}

function describeDelayed(type: string, days: number): string {
  // XState names delayed events `xstate.after.<delay>.<machine>.<state path>`.
  const [, , delay, , ...path] = type.split('.');
  return `${days} days (${delay}) elapse in ${path.join('.')}`;
}

/**
 * The engine's calendar of delayed transitions: XState's pure `transition`
 * returns them as `xstate.raise` actions with a delay instead of running a
 * timer, so the engine keeps them here and fires them on the scenario's dates.
 */
export class Timers {
  #pending: PendingTimer[];

  constructor(pending: readonly PendingTimer[] = []) {
    this.#pending = [...pending];
  }

  /** Schedule raised delayed events and drop cancelled ones, relative to `today`. */
  apply(actions: readonly ActionLike[], today: IsoDate | null): void {
    for (const action of actions) {
      const change = delayedChange(action);
      if (change === null) continue;
      if ('cancel' in change) {
        this.#pending = this.#pending.filter((t) => t.id !== change.cancel);
      } else if (today !== null) {
        const { id, type, days } = change.start;
        this.#pending = this.#pending.filter((t) => t.id !== id);
        this.#pending.push({ id, event: { type }, due: addDays(today, days), description: describeDelayed(type, days) });
      }
    }
    this.#pending.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
  }

  /** Remove and return the earliest timer due on or before `until`, if any. */
  nextDue(until: IsoDate): PendingTimer | undefined {
    const first = this.#pending[0];
    if (!first || first.due > until) return undefined;
    this.#pending.shift();
    return first;
  }

  /** The timers still waiting, earliest first. */
  pending(): PendingTimer[] {
    return [...this.#pending];
  }
}
