import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ceasefire2025 } from '../../../src/models/ceasefire-2025/index.js';
import type { AnyStateNode } from 'xstate';
import { mermaidId, toMermaid } from '../../../src/engine/formats/mermaid.js';
import { stateTransitions } from '../../../src/engine/statechart.js';
import { replay } from '../../../src/engine/replay.js';
import { leafPaths } from '../../../src/engine/view.js';
import { ceasefireMachine } from '../../../src/models/ceasefire-2025/ceasefire.machine.js';
import record from '../../../scenarios/march-2025.js';
import { launchBrowser, visit, type Visit } from '../../viewer/_browser.js';

/** Mermaid's own browser bundle, the code GitHub runs to draw ```mermaid blocks. */
const MERMAID_BUNDLE = fileURLToPath(new URL('../../../node_modules/mermaid/dist/mermaid.min.js', import.meta.url));

function statesOf(node: AnyStateNode): AnyStateNode[] {
  return Object.values(node.states).flatMap((child) => [child, ...statesOf(child)]);
}
const ALL = statesOf(ceasefireMachine.root);
const ACTIVE = leafPaths(replay(record).final.state);
const activeIds = ALL.filter((s) => ACTIVE.includes(s.path.join('.'))).map(mermaidId);

describe('Mermaid state diagram', () => {
  const text = toMermaid(ceasefire2025);
  const lines = text.split('\n');

  it('declares every state once under a Mermaid-safe id, with its name', () => {
    expect(lines[0]).toBe('stateDiagram-v2');
    const declared = lines.map((l) => /^\s*state "([^"]*)" as (\S+)$/.exec(l)).filter((m) => m !== null);
    expect(declared.map((m) => m[2])).toEqual([mermaidId(ceasefireMachine.root), ...ALL.map(mermaidId)]);
    for (const [, , id] of declared) expect(id).toMatch(/^\w+$/);
    expect(new Set(declared.map((m) => m[2])).size).toBe(declared.length);
    expect(declared.find((m) => m[2] === 'ceasefire_proposal_underConsideration_awaitingRussia')?.[1]).toBe(ceasefire2025.stateLabel('awaitingRussia'));
  });

  it('nests composite states, starts each compound state at its initial state and splits parallel regions with --', () => {
    const compound = [ceasefireMachine.root, ...ALL].filter((s) => s.type === 'compound');
    const parallel = [ceasefireMachine.root, ...ALL].filter((s) => s.type === 'parallel');
    expect(lines.filter((l) => /^\s*\[\*\] --> \w+$/.test(l))).toHaveLength(compound.length);
    expect(lines).toContain(`      [*] --> ${mermaidId(ceasefireMachine.root.states.proposal!.states.none!)}`);
    const regions = parallel.reduce((n, s) => n + Object.keys(s.states).length - 1, 0);
    expect(lines.filter((l) => l.trim() === '--')).toHaveLength(regions);
    expect(lines.filter((l) => /\{$/.test(l))).toHaveLength(lines.filter((l) => l.trim() === '}').length);
  });

  it('labels every transition with its event, delayed ones as `after untilTruceEnds`', () => {
    const edges = lines.filter((l) => /^\s*\w+ --> \w+ : /.test(l));
    expect(edges).toHaveLength(stateTransitions(ceasefireMachine.root).length);
    expect(edges).toContain('  ceasefire_proposal_tabled --> ceasefire_proposal_presentedInSaudiArabia : proposal.present');
    expect(edges).toContain('  ceasefire_proposal_inForce_term_running --> ceasefire_proposal_expired : after untilTruceEnds');
  });

  it('marks the active states with the `active` class only when asked', () => {
    expect(text).not.toContain('classDef');
    const lit = toMermaid(ceasefire2025, { active: ACTIVE, caption: 'march-2025 after its last step' });
    expect(lit).toContain('  %% march-2025 after its last step\n');
    expect(lit).toContain('  classDef active fill:#ffe08a,stroke:#a06b00\n');
    expect(lit).toContain(`  class ${activeIds.join(',')} active\n`);
    expect(activeIds).toHaveLength(ACTIVE.length);
  });
});

describe('Mermaid state diagram in Mermaid itself (Chromium)', () => {
  let browser: Browser;
  let tab: Visit;

  beforeAll(async () => {
    expect(existsSync(MERMAID_BUNDLE), `${MERMAID_BUNDLE} (devDependency mermaid)`).toBe(true);
    browser = await launchBrowser();
    tab = await visit(browser);
    // Nothing may come from the network: the page and Mermaid are local.
    await tab.context.route('**/*', (route) => route.abort());
    await tab.page.setContent('<!doctype html><html><body><div id="out"></div></body></html>');
    await tab.page.addScriptTag({ path: MERMAID_BUNDLE });
    await tab.page.evaluate(() => (window as unknown as { mermaid: { initialize(c: object): void } }).mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' }));
    // Starting Chromium and loading Mermaid can take tens of seconds on a busy 2-core machine.
  }, 60_000);

  afterAll(async () => {
    await tab?.close();
    await browser?.close();
  });

  /** Parse with mermaid.parse, render with mermaid.render, and read back what the SVG shows. */
  function render(source: string) {
    return tab.page.evaluate(async (src) => {
      const mermaid = (window as unknown as { mermaid: { parse(t: string): Promise<{ diagramType: string }>; render(id: string, t: string): Promise<{ svg: string }> } }).mermaid;
      const parsed = await mermaid.parse(src);
      const { svg } = await mermaid.render(`d${Math.random().toString(36).slice(2)}`, src);
      const out = document.getElementById('out')!;
      out.innerHTML = svg;
      const nodes = [...out.querySelectorAll('g.node')];
      return {
        diagramType: parsed.diagramType,
        texts: [...out.querySelectorAll('svg text, svg foreignObject')].map((n) => n.textContent?.trim() ?? '').filter(Boolean),
        clusters: out.querySelectorAll('g.statediagram-cluster').length,
        active: nodes
          .filter((n) => n.classList.contains('active'))
          .map((n) => ({ id: n.id, style: n.querySelector('rect, path')?.getAttribute('style') ?? '' })),
      };
    }, source);
  }

  it('parses as a state diagram and draws every state, cluster and event label', async () => {
    const drawn = await render(toMermaid(ceasefire2025));
    expect(drawn.diagramType).toBe('stateDiagram');
    for (const state of ALL) expect(drawn.texts, state.path.join('.')).toContain(ceasefire2025.stateLabel(state.key));
    expect(drawn.texts).toContain('after untilTruceEnds');
    expect(drawn.texts).toContain('russia.agreeInPrinciple');
    expect(drawn.clusters).toBeGreaterThanOrEqual(ALL.filter((s) => Object.keys(s.states).length > 0).length);
    expect(drawn.active).toEqual([]);
    expect(tab.problems).toEqual([]);
  });

  it('fills exactly the active states of a replayed run', async () => {
    const drawn = await render(toMermaid(ceasefire2025, { active: ACTIVE }));
    // Mermaid names a state's node `state-<id>-N`, prefixed with the diagram's own id in later 11.x releases.
    expect(drawn.active.map((a) => a.id.replace(/^(?:[\w-]*?-)?state-/, '').replace(/-\d+$/, '')).sort()).toEqual([...activeIds].sort());
    for (const a of drawn.active) expect(a.style).toContain('#ffe08a');
    expect(tab.problems).toEqual([]);
  });

  it('rejects a broken diagram, so a passing parse means something', async () => {
    await expect(render('stateDiagram-v2\n  state "unterminated as x\n  a --> : b\n  }')).rejects.toThrow();
  });
});
