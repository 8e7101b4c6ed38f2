import { describe, expect, it } from 'vitest';
import { ceasefire2025 } from '../../src/models/ceasefire-2025/index.js';
import { renderTimeline, stepTable } from '../../src/cli/render-timeline.js';
import { replay } from '../../src/index.js';
import record from '../../scenarios/march-2025.js';

const rows = (n: number) => Array.from({ length: n }, (_, i) => [`2025-03-${String((i % 28) + 1).padStart(2, '0')}`, `actor ${i}`, 'x '.repeat(i % 40), i % 3 ? '' : 'a\nb', `“quote ${i}”`]);

describe('the text timeline', () => {
  it('draws a long run in slices that join into the same table as one drawn whole', () => {
    for (const n of [1, 2, 3, 7, 10]) {
      expect(stepTable(rows(n), 120, 3)).toBe(stepTable(rows(n), 120, 1_000));
    }
  });

  it('prints the record with one bordered table, a row per step', () => {
    const text = renderTimeline(ceasefire2025, replay(record), 120);
    const lines = text.split('\n');
    expect(lines.filter((l) => l.startsWith('┌'))).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith('└'))).toHaveLength(1);
    // The header's separator and one between each pair of the 37 steps.
    expect(lines.filter((l) => l.startsWith('├'))).toHaveLength(37);
  });
});
