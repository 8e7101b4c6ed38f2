import { existsSync, readdirSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isScenarioError, ScenarioError } from '../engine/errors.js';
import type { Scenario } from '../engine/scenario.js';
import { suggestion } from '../engine/_closest.js';
import { validateScenario } from '../engine/validate.js';
import { readInput } from './input.js';
import { checkScenarioModel, modelForFile, resolveModel } from './models.js';
import { isModelPath, loadModelModule } from './model-module.js';

// Built code runs from dist/src/cli with compiled scenarios in dist/scenarios; sources run from src/cli.
const SCENARIOS_DIR = new URL('../../scenarios/', import.meta.url);
const OWN_EXT = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
const FILE_EXTS = ['.yaml', '.yml', '.json'];

/** Ids of the scenarios shipped in `scenarios/` (helper files starting with `_` excluded). */
export function shippedScenarioIds(): string[] {
  const dir = fileURLToPath(SCENARIOS_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(OWN_EXT) && !name.startsWith('_') && !name.endsWith('.d.ts'))
    .map((name) => name.slice(0, -OWN_EXT.length))
    .sort();
}

async function loadShipped(id: string): Promise<Scenario> {
  const ids = shippedScenarioIds();
  if (!ids.includes(id)) throw new ScenarioError(`unknown scenario '${id}'${suggestion(id, ids, '`ceasefire list`')}`);
  const origin = `scenarios/${id}${OWN_EXT}`;
  const module = (await import(new URL(`${id}${OWN_EXT}`, SCENARIOS_DIR).href)) as { default?: Scenario };
  if (!module.default) throw new ScenarioError(`${origin}: has no default export made with defineScenario`);
  return validateScenario(module.default, origin);
}

/** True when `ref` names a scenario file rather than a shipped scenario id. */
export function isScenarioPath(ref: string): boolean {
  return FILE_EXTS.includes(extname(ref).toLowerCase()) || ref.includes('/') || ref.includes('\\');
}

/**
 * Load a scenario by shipped id (`march-2025`) or from a YAML/JSON file path,
 * validated, on the model `--model` names (a file is read as a scenario of
 * that model, or of the one its `model:` field names; a shipped scenario must
 * run on it); anything wrong is a one-line {@link ScenarioError}.
 */
export async function loadScenario(ref: string, modelId?: string): Promise<Scenario> {
  // An unknown --model is refused before anything is read.
  resolveModel(modelId);
  if (!isScenarioPath(ref)) return checkScenarioModel(await loadShipped(ref), modelId);
  if (!FILE_EXTS.includes(extname(ref).toLowerCase())) {
    throw new ScenarioError(`${ref}: a scenario file must end in .yaml, .yml or .json`);
  }
  const text = readInput(ref);
  // zod and yaml load only when a file scenario is read, to keep the common start fast.
  const { parseScenarioFile } = await import('../engine/parse.js');
  const named = await namedModelModule(text);
  // A module the file names is refused as the file's own mistake: the file, then the field.
  if (named !== undefined) {
    await loadModelModule(named, dirname(resolve(ref))).catch((error: unknown) => {
      throw isScenarioError(error) ? new ScenarioError(error.problems.map((p) => `${ref}: scenario: field 'model': ${p}`)) : error;
    });
  }
  return parseScenarioFile(text, ref, loadShipped, (name) => modelForFile(name, modelId, dirname(resolve(ref))));
}

/** The model module a scenario file's top-level `model:` names, if it names a path (read before the file is parsed for real). */
async function namedModelModule(text: string): Promise<string | undefined> {
  const { parse } = await import('yaml');
  let data: unknown;
  try {
    data = parse(text, { logLevel: 'silent', maxAliasCount: 100 });
  } catch {
    return undefined; // The real parse reports it, at its line and column.
  }
  const model = data !== null && typeof data === 'object' ? (data as { model?: unknown }).model : undefined;
  return typeof model === 'string' && isModelPath(model) ? model : undefined;
}

/** How a saved run finds its scenario again: shipped ids stay ids, files become absolute paths. */
export function scenarioRef(ref: string): string {
  return isScenarioPath(ref) ? resolve(ref) : ref;
}
