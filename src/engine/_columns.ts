/**
 * Growable columns of numbers in fixed-size typed-array chunks: no per-item
 * objects, no copying once past the first chunk, and at most one chunk of
 * slack, so a graph of tens of millions of states costs only the bytes its
 * numbers need. One class per element type keeps every access monomorphic.
 */
const CHUNK_BITS = 20;
const CHUNK = 1 << CHUNK_BITS;
const MASK = CHUNK - 1;

/** A column of signed 32-bit integers. */
export class Int32Column {
  private readonly chunks: Int32Array[] = [];
  length = 0;
  /** Bytes this column holds. */
  bytes = 0;

  /** The number at `i` (< length). */
  get(i: number): number {
    return this.chunks[i >>> CHUNK_BITS]![i & MASK]!;
  }

  push(value: number): void {
    const i = this.length;
    if (i < CHUNK) {
      // The first chunk grows by doubling, so a small graph stays small.
      const first = this.chunks[0];
      if (!first || first.length === i) {
        const grown = new Int32Array(Math.min(CHUNK, Math.max(256, i * 2)));
        if (first) grown.set(first);
        this.bytes += grown.byteLength - (first?.byteLength ?? 0);
        this.chunks[0] = grown;
      }
    } else if ((i & MASK) === 0) {
      this.chunks.push(new Int32Array(CHUNK));
      this.bytes += CHUNK * 4;
    }
    this.chunks[i >>> CHUNK_BITS]![i & MASK] = value;
    this.length = i + 1;
  }
}

/** A column of unsigned 16-bit integers. */
export class Uint16Column {
  private readonly chunks: Uint16Array[] = [];
  length = 0;
  /** Bytes this column holds. */
  bytes = 0;

  /** The number at `i` (< length). */
  get(i: number): number {
    return this.chunks[i >>> CHUNK_BITS]![i & MASK]!;
  }

  push(value: number): void {
    const i = this.length;
    if (i < CHUNK) {
      const first = this.chunks[0];
      if (!first || first.length === i) {
        const grown = new Uint16Array(Math.min(CHUNK, Math.max(256, i * 2)));
        if (first) grown.set(first);
        this.bytes += grown.byteLength - (first?.byteLength ?? 0);
        this.chunks[0] = grown;
      }
    } else if ((i & MASK) === 0) {
      this.chunks.push(new Uint16Array(CHUNK));
      this.bytes += CHUNK * 2;
    }
    this.chunks[i >>> CHUNK_BITS]![i & MASK] = value;
    this.length = i + 1;
  }
}
