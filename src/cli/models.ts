import { Option } from 'commander';
import { suggestion } from '../engine/_closest.js';
import { ScenarioError } from '../engine/errors.js';
import type { Model } from '../engine/model.js';
import type { Scenario } from '../engine/scenario.js';
import { DEFAULT_MODEL } from '../models/default.js';
import { MODELS, shippedModel } from '../models/index.js';
import { EXIT, oneLine, type CliIO } from './io.js';
import { isModelPath, loadedModel } from './model-module.js';

/** `--model <id>`: the model a command runs (default: the ceasefire model). */
export function modelOption(): Option {
  return new Option('--model <id>', `the model to run (see \`ceasefire models\`; default ${DEFAULT_MODEL.id})`);
}

/**
 * The model `id` names: a shipped id, or a model module already loaded with
 * {@link loadModelModule} (the default model when absent); an unknown id is a
 * one-line error listing the known ones.
 */
export function resolveModel(id: string | undefined): Model {
  if (id === undefined) return DEFAULT_MODEL;
  const fromFile = isModelPath(id) ? loadedModel(id) : undefined;
  if (fromFile) return fromFile;
  const model = shippedModel(id);
  if (!model) throw new ScenarioError(`--model: unknown model '${oneLine(id)}'${suggestion(id, [...MODELS.keys()], '`ceasefire models`')}`);
  return model;
}

/**
 * The model a scenario file in folder `dir` runs on: the one its `model:` field
 * names (a shipped id, or a module path relative to the file, loaded first),
 * which must agree with `--model`, else `--model` or the default.
 */
export function modelForFile(named: string | undefined, modelId: string | undefined, dir: string = process.cwd()): Model {
  if (named === undefined) return resolveModel(modelId);
  const model = isModelPath(named) ? loadedModel(named, dir) : shippedModel(named);
  if (!model) throw new Error(`unknown model '${named}'${suggestion(named, [...MODELS.keys()], '`ceasefire models`')}; or a path to a model module`);
  if (modelId !== undefined && resolveModel(modelId).id !== model.id) throw new Error(`'${named}' is not the model --model names ('${modelId}')`);
  return model;
}

/** Refuse a scenario written for another model than the one `--model` names. */
export function checkScenarioModel(scenario: Scenario, id: string | undefined): Scenario {
  if (id !== undefined && scenario.model.id !== resolveModel(id).id) {
    throw new ScenarioError(`--model: scenario '${scenario.id}' runs on model '${scenario.model.id}', not '${oneLine(resolveModel(id).id)}'`);
  }
  return scenario;
}

/** `ceasefire models`: the shipped models, by id, with their titles. */
export function listModels(options: { format: string }, io: CliIO): number {
  const rows = [...MODELS.values()].map((m) => ({ id: m.id, title: m.title, default: m === DEFAULT_MODEL }));
  if (options.format === 'json') {
    io.stdout.write(`${JSON.stringify({ models: rows }, null, 2)}\n`);
    return EXIT.ok;
  }
  const width = Math.max(...rows.map((r) => r.id.length));
  for (const row of rows) io.stdout.write(`${row.id.padEnd(width)}  ${row.title}${row.default ? ' (default)' : ''}\n`);
  return EXIT.ok;
}
