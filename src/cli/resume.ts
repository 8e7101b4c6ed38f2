import { isScenarioError, ScenarioError } from '../engine/errors.js';
import { resumeRun } from '../engine/replay.js';
import { EXIT, type CliIO } from './io.js';
import { readInput } from './input.js';
import { isScenarioPath, loadScenario } from './load.js';
import { resolveModel } from './models.js';
import { printRun, saveRun, saveTarget, untilOption } from './run.js';

/** Options of `ceasefire resume`. */
export interface ResumeCommandOptions {
  readonly steps?: string;
  readonly until?: string;
  readonly format?: string;
  readonly save?: string;
  readonly lenient?: boolean;
  /** The model the saved run was made on. */
  readonly model?: string;
}

/**
 * `ceasefire resume <file>`: restore a saved run (snapshot, calendar, pending
 * delayed transitions), apply the rest of its scenario, any `--steps` and
 * `--until`, and print the whole run as `run` would.
 */
export async function resumeCommand(file: string, options: ResumeCommandOptions, io: CliIO): Promise<number> {
  const until = untilOption(options.until);
  const [{ parseSavedRun }, { parseStepsFile }] = await Promise.all([import('../engine/persist.js'), import('../engine/parse.js')]);
  const saved = parseSavedRun(readInput(file), file, resolveModel(options.model));
  const target = saveTarget(options.save, [file, options.steps, isScenarioPath(saved.scenario.ref) ? saved.scenario.ref : undefined]);
  const scenario = await loadScenario(saved.scenario.ref, options.model).catch((error: unknown) => {
    throw isScenarioError(error) ? new ScenarioError(error.problems.map((p) => `${file}: field 'scenario.ref': ${p}`)) : error;
  });
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
  await saveRun(result, target, saved.scenario.ref, io, options.format);
  return result.ok ? EXIT.ok : EXIT.failed;
}
