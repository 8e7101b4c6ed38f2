import { matchesState, type StateValue } from 'xstate';
import type { StateView } from './model.js';

// Context ids below this make numeric keys; a model with more contexts falls back to string keys.
const CONTEXT_RADIX_BITS = 12;
const CONTEXT_RADIX = 2 ** CONTEXT_RADIX_BITS;

/** A question read a region the reduced exploration does not keep: explore again with it. */
export class ConeMiss extends Error {
  constructor(readonly regions: readonly number[]) {
    super(`the question reads regions ${regions.join(', ')} outside the explored cone`);
  }
}

/** The regions (by index) whose paths meet a `matches` argument's paths. */
export function regionsTouched(regionPaths: ReadonlyArray<readonly string[]>, value: StateValue): number[] {
  const leaves: string[][] = [];
  const walk = (v: unknown, path: string[]) => {
    if (typeof v === 'string') leaves.push([...path, ...v.split('.')]);
    else if (v && typeof v === 'object' && Object.keys(v).length) for (const [k, c] of Object.entries(v)) walk(c, [...path, k]);
    else leaves.push(path);
  };
  walk(value, []);
  const prefix = (a: readonly string[], b: readonly string[]) => a.every((k, i) => i >= b.length || b[i] === k) || b.every((k, i) => i >= a.length || a[i] === k);
  return regionPaths.flatMap((path, r) => (leaves.some((leaf) => prefix(path, leaf)) ? [r] : []));
}

/**
 * A predicate on states, memoised on the regions it has been seen to read
 * (and the context): a state whose parts in those regions and context equal
 * an earlier one's gives the same answer, because the predicate would read
 * the same values in the same order. Reading a new region widens the key and
 * forgets the answers so far.
 */
export class Memo<R> {
  private readonly read: Uint8Array;
  private readonly readList: number[] = [];
  private readonly answers = new Map<number | string, R>();
  private keyBits = 0;
  private readonly radix: number[] = [];
  private readonly contextSlot: number;
  private readonly touchedCache = new Map<string, number[]>();

  constructor(
    private readonly predicate: (...views: StateView[]) => R,
    private readonly regionPaths: ReadonlyArray<readonly string[]>,
    /** Regions the exploration keeps (null: all); reading another throws {@link ConeMiss}. */
    private readonly kept: Uint8Array | null,
    /** Bits each region's part ids need, and the context ids. */
    private readonly partBits: readonly number[],
    private readonly arity = 1,
  ) {
    this.contextSlot = regionPaths.length;
    this.read = new Uint8Array(regionPaths.length);
    this.keyBits = arity * CONTEXT_RADIX_BITS;
  }

  /** True when tuples `a` and `b` agree on every region read so far and on the context: the memo answers both alike. */
  same(a: Int32Array, b: Int32Array): boolean {
    if (a[this.contextSlot] !== b[this.contextSlot]) return false;
    const list = this.readList;
    for (let i = 0; i < list.length; i++) if (a[list[i]!] !== b[list[i]!]) return false;
    return true;
  }

  /** Regions read so far. */
  get regions(): readonly number[] {
    return this.readList;
  }

  private note(regions: readonly number[]): void {
    const missing = this.kept ? regions.filter((r) => !this.kept![r]) : [];
    if (missing.length) throw new ConeMiss(missing);
    for (const r of regions) {
      if (!this.read[r]) {
        this.read[r] = 1;
        this.readList.push(r);
        this.radix.push(2 ** this.partBits[r]!);
        this.answers.clear();
        this.keyBits = this.arity * (CONTEXT_RADIX_BITS + this.readList.reduce((n, k) => n + this.partBits[k]!, 0));
      }
    }
  }

  private recording(state: { value: StateValue; context: unknown }): StateView {
    const note = (v: StateValue) => {
      const json = typeof v === 'string' ? v : JSON.stringify(v);
      let touched = this.touchedCache.get(json);
      if (!touched) this.touchedCache.set(json, (touched = regionsTouched(this.regionPaths, v)));
      this.note(touched);
    };
    const all = this.regionPaths.map((_, r) => r);
    const self = this;
    return {
      get value() {
        self.note(all);
        return state.value;
      },
      context: state.context,
      matches: (v: StateValue) => (note(v), matchesState(v, state.value)),
    };
  }

  private keyOf(tuple: Int32Array, key: number): number {
    key = key * CONTEXT_RADIX + tuple[this.contextSlot]!;
    const list = this.readList;
    const radix = this.radix;
    for (let i = 0; i < list.length; i++) key = key * radix[i]! + tuple[list[i]!]!;
    return key;
  }

  /**
   * The answer for one state (or a step: two), given as tuples of region
   * parts followed by a context id; `views` builds the states' values and
   * contexts only when the answer is not known yet.
   */
  get(a: Int32Array, b: Int32Array | null, views: () => Array<{ value: StateValue; context: unknown }>): R {
    let key: number | string;
    if (this.keyBits <= 52 && a[this.contextSlot]! < CONTEXT_RADIX && (!b || b[this.contextSlot]! < CONTEXT_RADIX)) {
      // A number while the parts fit one exactly; a string past that.
      key = this.keyOf(a, 0);
      if (b) key = this.keyOf(b, key);
    } else {
      key = '';
      for (const t of b ? [a, b] : [a]) {
        key += `${t[this.contextSlot]}:`;
        for (const r of this.readList) key += `${t[r]},`;
      }
    }
    const known = this.answers.get(key);
    if (known !== undefined || this.answers.has(key)) return known as R;
    const before = this.readList.length;
    const answer = this.predicate(...views().map((s) => this.recording(s)));
    // A widened key is rebuilt on the next call; an unchanged one stores the answer now.
    if (this.readList.length === before) {
      if (this.answers.size > 1 << 20) this.answers.clear();
      this.answers.set(key, answer);
    }
    return answer;
  }
}

/** The regions a predicate reads when run on one state (through `matches`; `value` counts as every region). */
export function regionsRead(regionPaths: ReadonlyArray<readonly string[]>, state: { value: StateValue; context: unknown }, run: (view: StateView) => void): number[] {
  const read = new Set<number>();
  const view: StateView = {
    get value() {
      regionPaths.forEach((_, r) => read.add(r));
      return state.value;
    },
    context: state.context,
    matches: (v: StateValue) => (regionsTouched(regionPaths, v).forEach((r) => read.add(r)), matchesState(v, state.value)),
  };
  run(view);
  return [...read];
}
