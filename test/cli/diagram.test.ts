import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagramCommand } from '../../src/cli/diagram.js';
import { ScenarioError } from '../../src/engine/errors.js';
import { parseDot } from '../engine/formats/_parsers.js';

type Options = Parameters<typeof diagramCommand>[0];

/** Call the command as the CLI will, with streams that collect what it prints. */
async function diagram(options: Partial<Options> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await diagramCommand({ format: 'mermaid', ...options }, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
  return { code, stdout, stderr };
}

describe('ceasefire diagram', () => {
  it('prints the machine as a Mermaid state diagram by default', async () => {
    const { code, stdout, stderr } = await diagram();
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(/^stateDiagram-v2\n/);
    expect(stdout).not.toContain('classDef active');
  });

  it('highlights where a scenario stands after its last step', async () => {
    const { stdout } = await diagram({ highlight: 'march-2025' });
    expect(stdout).toContain("%% active states: march-2025, after step 37 'plea-to-spare' (2025-03-14)");
    expect(stdout).toMatch(/\n {2}class [\w,]*ceasefire_proposal_underConsideration_agreedInPrinciple[\w,]* active\n/);
  });

  it('highlights a branch after a chosen step, or the initial state at step 0', async () => {
    const { stdout } = await diagram({ format: 'json', highlight: 'march-2025', branch: 'truce-collapses', step: '41' });
    const json = JSON.parse(stdout);
    expect(json.highlight).toEqual({ scenario: 'march-2025', branch: 'truce-collapses', step: 41, stepId: 'truce-starts', date: '2025-03-30' });
    expect(json.active).toEqual(expect.arrayContaining(['proposal.inForce.term.running', 'proposal.inForce.violations.noneReported']));
    const start = JSON.parse((await diagram({ format: 'json', highlight: 'march-2025', step: '0' })).stdout);
    expect(start.highlight).toMatchObject({ step: 0, stepId: null, date: null });
    expect(start.active).toContain('proposal.none');
    expect(start.active).toContain('aid.flowing');
  });

  it('prints DOT that parses, with the active states filled', async () => {
    const { stdout } = await diagram({ format: 'dot', highlight: 'march-2025', step: '3' });
    const graph = parseDot(stdout);
    const filled = [...graph.nodes].filter(([, n]) => /filled/.test(n.attributes.style ?? '')).map(([id]) => id);
    expect(filled).toContain('aid.suspended');
    expect(filled).not.toContain('aid.restored');
  });

  it('writes --out atomically and says so', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ceasefire-diagram-')), 'model.json');
    const { stdout } = await diagram({ format: 'json', out });
    expect(stdout).toBe(`Wrote the json diagram to ${out}.\n`);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ id: 'ceasefire', type: 'parallel' });
  });
});

describe('ceasefire diagram: bad input', () => {
  it.each([
    ['an unknown format', { format: 'svg' }, "--format: unknown diagram format 'svg' (known: mermaid, dot, json)"],
    ['a step past the end', { highlight: 'march-2025', step: '38' }, "--step: '38' is not a step number of this run (0 to 37"],
    ['a step that is not a number', { highlight: 'march-2025', step: 'last' }, "--step: 'last' is not a step number"],
    ['--step without --highlight', { step: '3' }, '--branch and --step choose the run to highlight'],
    ['--branch without --highlight', { branch: 'truce-collapses' }, '--branch and --step choose the run to highlight'],
    ['an unknown scenario to highlight', { highlight: 'april-2025' }, "unknown scenario 'april-2025'"],
  ])('refuses %s with a one-line ScenarioError', async (_what, options, message) => {
    await expect(diagram(options)).rejects.toBeInstanceOf(ScenarioError);
    await expect(diagram(options)).rejects.toThrow(message);
  });
});
