import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ScenarioError } from '../engine/errors.js';
import type { Scenario } from '../engine/scenario.js';
import { validateScenario } from '../engine/validate.js';

// Built code runs from dist/src/cli with compiled scenarios in dist/scenarios; sources run from src/cli.
const SCENARIOS_DIR = new URL('../../scenarios/', import.meta.url);
const OWN_EXT = import.meta.url.endsWith('.ts') ? '.ts' : '.js';

/** Ids of the scenarios shipped in `scenarios/` (helper files starting with `_` excluded). */
export function shippedScenarioIds(): string[] {
  const dir = fileURLToPath(SCENARIOS_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(OWN_EXT) && !name.startsWith('_') && !name.endsWith('.d.ts'))
    .map((name) => name.slice(0, -OWN_EXT.length))
    .sort();
}

/** Load and validate a shipped scenario by id; unknown ids are a {@link ScenarioError}. */
export async function loadScenario(ref: string): Promise<Scenario> {
  const ids = shippedScenarioIds();
  if (!ids.includes(ref)) {
    throw new ScenarioError(`unknown scenario '${ref}' (known: ${ids.join(', ') || 'none'})`);
  }
  const origin = `scenarios/${ref}${OWN_EXT}`;
  const module = (await import(new URL(`${ref}${OWN_EXT}`, SCENARIOS_DIR).href)) as { default?: Scenario };
  if (!module.default) throw new ScenarioError(`${origin}: has no default export made with defineScenario`);
  return validateScenario(module.default, origin);
}
