import { describe, expect, it } from 'vitest';
import { closest, editDistance, suggestion } from '../../src/engine/_closest.js';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['putn', 'putin', 1],
    ['russia.rejekt', 'russia.reject', 1],
    ['ab', 'ba', 1],
    ['kitten', 'sitting', 3],
  ])('%s → %s is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe('closest', () => {
  it('names a near name and none for a far one', () => {
    expect(closest('putn', ['trump', 'putin', 'zelensky'])).toBe('putin');
    expect(closest('nobody-at-all', ['trump', 'putin', 'zelensky'])).toBeUndefined();
  });
});

describe('suggestion', () => {
  it('lists a short list whole, with the guess first', () => {
    expect(suggestion('putn', ['trump', 'putin'])).toBe("; did you mean 'putin'? (known: trump, putin)");
    expect(suggestion('zzz', ['trump', 'putin'])).toBe(' (known: trump, putin)');
    expect(suggestion('x', [])).toBe(' (known: none)');
  });

  it('names the closest five of a long list, how many there are and where to see them all', () => {
    const names = Array.from({ length: 20 }, (_, i) => `name${String(i).padStart(2, '0')}`);
    expect(suggestion('name7', names)).toBe("; did you mean 'name07'? (20 known, closest: name07, name17, name00, name01, name02; see `ceasefire schema`)");
  });
});
