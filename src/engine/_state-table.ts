import { Int32Column } from './_columns.js';

/**
 * A set of states, each a tuple of small non-negative integers packed into a
 * few 32-bit words, kept in columns and found again through an
 * open-addressing hash table of state indexes: no string keys, no objects.
 */
export class StateTable {
  /** Words per state. */
  readonly words: number;
  private readonly word: Uint8Array;
  private readonly shift: Uint8Array;
  private readonly mask: Uint32Array;
  private readonly store: Int32Column;
  private slots: Int32Array;
  private used = 0;
  /** States in the table. */
  size = 0;
  private readonly scratch: Int32Array;

  /** `bits[k]`: how many bits field k of a tuple needs (fields never straddle a word). */
  constructor(readonly bits: readonly number[]) {
    this.word = new Uint8Array(bits.length);
    this.shift = new Uint8Array(bits.length);
    this.mask = new Uint32Array(bits.length);
    let w = 0;
    let at = 0;
    bits.forEach((b, k) => {
      if (b > 32) throw new RangeError(`a field of ${b} bits does not fit a word`);
      if (at + b > 32) (w += 1), (at = 0);
      this.word[k] = w;
      this.shift[k] = at;
      this.mask[k] = b === 32 ? 0xffffffff : (1 << b) - 1;
      at += b;
    });
    this.words = w + 1;
    this.store = new Int32Column();
    this.slots = new Int32Array(1 << 10);
    this.scratch = new Int32Array(this.words);
  }

  /** Bytes the table holds. */
  get bytes(): number {
    return this.store.bytes + this.slots.byteLength;
  }

  /** True when `value` fits field k. */
  fits(k: number, value: number): boolean {
    return value >= 0 && value <= this.mask[k]!;
  }

  /** Pack a tuple into `into` (default: a scratch array reused by every call). */
  pack(tuple: ArrayLike<number>, into: Int32Array = this.scratch): Int32Array {
    const packed = into;
    packed.fill(0);
    for (let k = 0; k < tuple.length; k++) packed[this.word[k]!]! |= tuple[k]! << this.shift[k]!;
    return packed;
  }

  private hash(packed: Int32Array): number {
    let h = 0x9e3779b9;
    for (let w = 0; w < packed.length; w++) {
      h = Math.imul(h ^ packed[w]!, 0x85ebca6b);
      h ^= h >>> 13;
    }
    h = Math.imul(h ^ (h >>> 16), 0xc2b2ae35);
    return (h ^ (h >>> 15)) >>> 0;
  }

  private equalAt(index: number, packed: Int32Array): boolean {
    const base = index * this.words;
    for (let w = 0; w < packed.length; w++) if (this.store.get(base + w) !== packed[w]) return false;
    return true;
  }

  /** Set field k of a packed state to `value`. */
  setField(packed: Int32Array, k: number, value: number): void {
    const w = this.word[k]!;
    packed[w] = (packed[w]! & ~(this.mask[k]! << this.shift[k]!)) | (value << this.shift[k]!);
  }

  /** The packed words of state `index`, into `into`. */
  readPacked(index: number, into: Int32Array): Int32Array {
    const base = index * this.words;
    for (let w = 0; w < this.words; w++) into[w] = this.store.get(base + w);
    return into;
  }

  /** The index of a state, or -1. */
  find(tuple: ArrayLike<number>): number {
    return this.findPacked(this.pack(tuple));
  }

  /** The index of a packed state, or -1. */
  findPacked(packed: Int32Array): number {
    const mask = this.slots.length - 1;
    for (let slot = this.hash(packed) & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) return -1;
      if (this.equalAt(entry - 1, packed)) return entry - 1;
    }
  }

  /** Add a state known to be absent; its index is the table's size before. */
  add(tuple: ArrayLike<number>): number {
    return this.addPacked(this.pack(tuple));
  }

  /** Add a packed state known to be absent. */
  addPacked(packed: Int32Array): number {
    if ((this.used + 1) * 2 > this.slots.length) this.grow(packed);
    const index = this.size;
    for (let w = 0; w < packed.length; w++) this.store.push(packed[w]!);
    this.place(packed, index);
    this.size += 1;
    return index;
  }

  private place(packed: Int32Array, index: number): void {
    const mask = this.slots.length - 1;
    let slot = this.hash(packed) & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = index + 1;
    this.used += 1;
  }

  private grow(keep: Int32Array): void {
    this.slots = new Int32Array(this.slots.length * 2);
    this.used = 0;
    // Rehash through a scratch of its own: the caller's packed state must survive.
    const packed = keep === this.scratch ? new Int32Array(this.words) : this.scratch;
    for (let i = 0; i < this.size; i++) {
      for (let w = 0; w < this.words; w++) packed[w] = this.store.get(i * this.words + w);
      this.place(packed, i);
    }
  }

  /** Field k of state `index`. */
  field(index: number, k: number): number {
    return (this.store.get(index * this.words + this.word[k]!) >>> this.shift[k]!) & this.mask[k]!;
  }

  /** The tuple of state `index`, into `into`. */
  read(index: number, into: Int32Array): Int32Array {
    for (let k = 0; k < into.length; k++) into[k] = this.field(index, k);
    return into;
  }
}
