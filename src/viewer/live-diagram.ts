import { createMachine, type AnyStateNode } from 'xstate';
import { splitWords } from '../engine/model.js';
import { layoutStatechart } from './layout.js';
import type { DiagramLayout } from './view-data.js';

/** What the relay tells the page about an inspected machine: its chart (`partial` when the definition came cut short), or why it cannot be drawn. */
export type LiveDiagram = { readonly layout: DiagramLayout; readonly partial: boolean } | { readonly error: string };

/** What `@statelyai/inspect` writes in place of what lies below its serialization depth. */
const CUT = new Set(['[Object]', '[Array]', '[Circular]']);

/**
 * Mend a definition cut at the inspector's depth limit: a state whose inside
 * was cut becomes a plain state, a transition that was cut is left out.
 * Returns whether anything was cut.
 */
function mendCut(state: Record<string, unknown>): boolean {
  let cut = false;
  for (const key of ['on', 'after']) {
    const map = state[key];
    if (typeof map === 'string' && CUT.has(map)) {
      delete state[key];
      cut = true;
    } else if (map && typeof map === 'object' && !Array.isArray(map)) {
      for (const [event, value] of Object.entries(map)) {
        const kept = Array.isArray(value) ? value.filter((v) => !(typeof v === 'string' && CUT.has(v))) : typeof value === 'string' && CUT.has(value) ? [] : value;
        if (Array.isArray(kept) && kept.length < (Array.isArray(value) ? value.length : 1)) cut = true;
        (map as Record<string, unknown>)[event] = kept;
      }
    }
  }
  if (typeof state['always'] === 'string' && CUT.has(state['always'])) {
    delete state['always'];
    cut = true;
  }
  const states = state['states'];
  if (typeof states === 'string' && CUT.has(states)) {
    delete state['states'];
    delete state['initial'];
    return true;
  }
  if (states && typeof states === 'object') {
    for (const [key, child] of Object.entries(states)) {
      if (child && typeof child === 'object') cut = mendCut(child as Record<string, unknown>) || cut;
      else {
        (states as Record<string, unknown>)[key] = {};
        cut = true;
      }
    }
  }
  return cut;
}

/** Charts already laid out, by definition text: a run sends the same machine again and again. */
const CACHE_SIZE = 16;
const cache = new Map<string, Promise<LiveDiagram>>();

/** The machine a definition describes (its guards and actions are names only, never run), and whether the definition came cut short. */
function machineOf(definition: string): { root: AnyStateNode; partial: boolean } {
  const config: unknown = JSON.parse(definition);
  if (!config || typeof config !== 'object' || Array.isArray(config)) throw new Error('the definition is not a machine configuration');
  const partial = mendCut(config as Record<string, unknown>);
  return { root: createMachine(config as Parameters<typeof createMachine>[0]).root, partial };
}

/**
 * Lay out the machine that an `@xstate.actor` inspection event carries as its
 * `definition` (the machine's configuration, as `@statelyai/inspect` sends
 * it) — any XState v5 machine, not only a shipped model's.
 */
export function layoutDefinition(definition: string): Promise<LiveDiagram> {
  const known = cache.get(definition);
  if (known) return known;
  const laidOut = (async (): Promise<LiveDiagram> => {
    try {
      const { root, partial } = machineOf(definition);
      return { layout: await layoutStatechart(root, (key) => splitWords(key)), partial };
    } catch (error) {
      return { error: `cannot draw this machine: ${error instanceof Error ? error.message : String(error)}` };
    }
  })();
  cache.set(definition, laidOut);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return laidOut;
}
