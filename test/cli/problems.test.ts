import { describe, expect, it } from 'vitest';
import { problemLines } from '../../src/cli/problems.js';
import { ScenarioError } from '../../src/engine/errors.js';

describe('problemLines', () => {
  it('prints each problem on a line of its own, with newlines inside one escaped', () => {
    expect(problemLines(new ScenarioError(['a', 'b\nc']))).toBe('ceasefire: a\nceasefire: b\\nc\n');
  });

  it('stops at 50 lines and says how many more there are', () => {
    const lines = problemLines(new ScenarioError(Array.from({ length: 60 }, (_, i) => `problem ${i + 1}`))).trimEnd().split('\n');
    expect(lines).toHaveLength(51);
    expect(lines[49]).toBe('ceasefire: problem 50');
    expect(lines[50]).toBe('ceasefire: … and 10 more');
  });

  it('keeps a one-problem error as it was', () => {
    const error = new ScenarioError('x.yaml:1:1: scenario: field id is missing');
    expect(error.problems).toEqual([error.message]);
    expect(problemLines(error)).toBe(`ceasefire: ${error.message}\n`);
  });
});
