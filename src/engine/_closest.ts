/**
 * Damerau–Levenshtein distance (optimal string alignment) between `a` and `b`:
 * insertions, deletions, substitutions and swaps of two neighbours each cost 1.
 */
export function editDistance(a: string, b: string): number {
  // Three rolling rows: a swap looks two rows back.
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, before[j - 2]! + 1);
      row.push(best);
    }
    before = previous;
    previous = row;
  }
  return previous[b.length]!;
}

/** `valid` ordered by distance to `name` (ties keep their order). */
function byDistance(name: string, valid: readonly string[]): Array<{ value: string; distance: number }> {
  return valid.map((value) => ({ value, distance: editDistance(name, value) })).sort((x, y) => x.distance - y.distance);
}

/** The valid name closest to `name` when it is close enough to be a slip (distance ≤ max(2, a third of its length)), else undefined. */
export function closest(name: string, valid: readonly string[]): string | undefined {
  const best = byDistance(name, valid)[0];
  return best && best.distance <= Math.max(2, Math.floor(name.length / 3)) ? best.value : undefined;
}

/** Lists this long or shorter are shown whole; longer ones by their closest few. */
const SHOWN = 12;
const CLOSEST = 5;

/**
 * What to add after "unknown X 'name'": `; did you mean 'x'?` when one of
 * `valid` is close, then the valid names in parentheses (for a long list the
 * closest five, how many there are, and `see` where to find them all).
 */
export function suggestion(name: unknown, valid: readonly string[], see = '`ceasefire schema`'): string {
  const text = typeof name === 'string' ? name : '';
  const guess = typeof name === 'string' ? closest(text, valid) : undefined;
  const mean = guess === undefined ? '' : `; did you mean '${guess}'?`;
  if (valid.length <= SHOWN) return `${mean} (known: ${valid.join(', ') || 'none'})`;
  const near = byDistance(text, valid).slice(0, CLOSEST).map((v) => v.value);
  return `${mean} (${valid.length} known, closest: ${near.join(', ')}; see ${see})`;
}
