import { describe, expect, it } from 'vitest';
import { addDays, isIsoDate } from '../../src/index.js';

describe('the calendar', () => {
  it('accepts real days and refuses impossible ones', () => {
    expect(isIsoDate('2025-03-13')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-3-13')).toBe(false);
    expect(isIsoDate(20250313)).toBe(false);
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2025-03-15', 30)).toBe('2025-04-14');
    expect(addDays('2025-12-20', 30)).toBe('2026-01-19');
  });
});
