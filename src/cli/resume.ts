import { isScenarioError, ScenarioError } from '../engine/errors.js';
import { resumeRun } from '../engine/replay.js';
import { EXIT, type CliIO } from './io.js';
import { readInput } from './input.js';
import { isScenarioPath, loadScenario } from './load.js';
import { resolveModel } from './models.js';
import { DEFAULT_MODEL } from '../models/default.js';
import { shippedModel } from '../models/index.js';
import { printRun, saveRun, saveTarget, untilOption } from './run.js';

/** Options of `ceasefire resume`. */
export interface ResumeCommandOptions {
  readonly steps?: string;
  readonly until?: string;
  readonly format?: string;
  readonly save?: string;
  readonly lenient?: boolean;
  /** The model the saved run was made on, when its scenario does not name it (a module given to `run --model`). */
  readonly model?: string;
}

/**
 * `ceasefire resume <file>`: restore a saved run (snapshot, calendar, pending
 * delayed transitions), apply the rest of its scenario, any `--steps` and
 * `--until`, and print the whole run as `run` would.
 */
export async function resumeCommand(file: string, options: ResumeCommandOptions, io: CliIO): Promise<number> {
  const until = untilOption(options.until);
  const [{ parseSavedRun, savedRunOrigin }, { parseStepsFile }] = await Promise.all([import('../engine/persist.js'), import('../engine/parse.js')]);
  const text = readInput(file);
  // The scenario names the model (a shipped one, or its file's `model:`); the saved run must have been made on it.
  const origin = savedRunOrigin(text, file);
  const made = origin.model ?? DEFAULT_MODEL.id;
  if (options.model !== undefined && resolveModel(options.model).id !== made) {
    throw new ScenarioError(`${file}: field 'model': the run was made on model '${made}', not '${resolveModel(options.model).id}' (--model)`);
  }
  // A saved run with no scenario ref is refused by the full check, field by field.
  if (origin.ref === undefined) parseSavedRun(text, file, resolveModel(options.model));
  // A model that is not shipped is found through the scenario's `model:`, or else --model must name its module.
  const hint = options.model === undefined && !shippedModel(made) ? `; name the module of '${made}' with --model` : '';
  const scenario = await loadScenario(origin.ref!, options.model).catch((error: unknown) => {
    if (!isScenarioError(error)) throw error;
    const problems = error.problems.map((p) => `${file}: field 'scenario.ref': ${p}`);
    throw new ScenarioError(hint ? [`${file}: field 'model': the run was made on model '${made}'${hint}`, ...problems] : problems);
  });
  if (scenario.model.id !== made) {
    throw new ScenarioError(`${file}: field 'model': the run was made on model '${made}', but its scenario '${origin.ref}' runs on '${scenario.model.id}'${hint}`);
  }
  const saved = parseSavedRun(text, file, scenario.model);
  const target = saveTarget(options.save, [file, options.steps, isScenarioPath(saved.scenario.ref) ? saved.scenario.ref : undefined]);
  if (scenario.id !== saved.scenario.id) throw new ScenarioError(`${file}: field 'scenario.id': '${saved.scenario.id}' is not the id of the scenario at '${saved.scenario.ref}' ('${scenario.id}')`);
  let extra: Array<{ step: import('../engine/scenario.js').Step; hypothetical: boolean; origin: string }> = [];
  let withArticles = scenario;
  if (options.steps !== undefined) {
    const date = saved.state.calendar ?? saved.state.context.date;
    const ids = saved.state.steps.map((s) => s.id);
    const parsed = parseStepsFile(readInput(options.steps), options.steps, scenario, { date, ids });
    extra = parsed.steps.map((step) => ({ step, hypothetical: true, origin: options.steps! }));
    withArticles = { ...scenario, articles: [...scenario.articles, ...parsed.articles] };
  }
  const result = resumeRun(withArticles, saved.state, {
    branch: saved.branch,
    applied: saved.position.applied,
    lastStep: saved.position.lastStep,
    paused: saved.position.paused,
    extraSteps: extra,
    until,
    lenient: options.lenient,
    origin: file,
  });
  printRun(scenario.model, result, options.format, io);
  await saveRun(result, target, saved.scenario.ref, scenario.model, io, options.format);
  return result.ok ? EXIT.ok : EXIT.failed;
}
