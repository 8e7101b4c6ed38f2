import { existsSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ScenarioError } from '../engine/errors.js';
import type { Model } from '../engine/model.js';
import { oneLine } from './io.js';

const MODULE_EXTS = ['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts'];
const TS_EXTS = ['.ts', '.mts', '.cts'];

// Models read from files, by absolute path: loaded once per run, then resolved by name synchronously.
const loaded = new Map<string, Model>();

/** True when `ref` names a model module (a path) rather than a shipped model id. */
export function isModelPath(ref: string): boolean {
  return MODULE_EXTS.includes(extname(ref).toLowerCase()) || ref.includes('/') || ref.includes('\\');
}

/** True for a value made with `defineModel` or `extendModel`. */
function isModel(value: unknown): value is Model {
  const m = value as Partial<Model> | null;
  return (
    typeof m === 'object' && m !== null && typeof m.id === 'string' && typeof m.title === 'string' && typeof m.machine === 'object' &&
    Array.isArray(m.eventTypes) && typeof m.outcomeOf === 'function' && typeof m.stateLabel === 'function'
  );
}

/**
 * Import the model a module at `ref` (relative to `base`) exports — its default
 * export, else its one exported model — `.js` and `.mjs` natively, `.ts` through
 * tsx at run time (no build step). Anything wrong is a one-line {@link ScenarioError}.
 */
export async function loadModelModule(ref: string, base: string = process.cwd()): Promise<Model> {
  const path = resolve(base, ref);
  const known = loaded.get(path);
  if (known) return known;
  if (!MODULE_EXTS.includes(extname(path).toLowerCase())) throw new ScenarioError(`${ref}: a model module must end in ${MODULE_EXTS.join(', ')}`);
  if (!existsSync(path)) throw new ScenarioError(`${ref}: no such model module`);
  let module: Record<string, unknown>;
  try {
    const url = pathToFileURL(path).href;
    if (TS_EXTS.includes(extname(path).toLowerCase())) {
      const { tsImport } = await import('tsx/esm/api');
      module = (await tsImport(url, import.meta.url)) as Record<string, unknown>;
    } else {
      module = (await import(url)) as Record<string, unknown>;
    }
  } catch (error) {
    throw new ScenarioError(`${ref}: the model module failed to load: ${oneLine(error instanceof Error ? error.message : String(error)).split('\n')[0]}`);
  }
  const candidates = isModel(module.default) ? [module.default] : Object.values(module).filter(isModel);
  if (candidates.length !== 1) {
    throw new ScenarioError(
      `${ref}: ${candidates.length === 0 ? 'exports no model (export one made with defineModel or extendModel)' : `exports ${candidates.length} models; make the one to run the default export`}`,
    );
  }
  loaded.set(path, candidates[0]!);
  return candidates[0]!;
}

/** The model already loaded from `ref` (relative to `base`), if any. */
export function loadedModel(ref: string, base: string = process.cwd()): Model | undefined {
  return loaded.get(resolve(base, ref));
}
