import { suggestion } from './_closest.js';
import { isIsoDate } from './calendar.js';
import { ScenarioError } from './errors.js';
import { planSteps } from './plan.js';
import { DATE_PRECISIONS, VERIFICATIONS, type Scenario, type Step } from './scenario.js';
import { partialStateProblem } from './state-value.js';

/** A path into the scenario as written (`['steps', 2, 'date']`). */
export type FieldPath = ReadonlyArray<string | number>;

/** Turns a field path into a position suffix such as `:12:7`, or '' when unknown. */
export type Locate = (path: FieldPath) => string;

/** One thing wrong with a scenario: where in it, and the full line that says so. */
export interface Problem {
  readonly path: FieldPath;
  readonly message: string;
}

class Checker {
  readonly problems: Problem[] = [];

  constructor(
    readonly scenario: Scenario,
    readonly origin: string,
    readonly locate: Locate,
  ) {}

  fail(path: FieldPath, where: string, message: string): void {
    this.problems.push({ path, message: `${this.origin}${this.locate(path)}: ${where}: ${message}` });
  }

  steps(steps: readonly Step[], base: FieldPath, label: string, seen: Set<string>, startDate: string | null): void {
    const model = this.scenario.model;
    const articles = new Set(this.scenario.articles.map((a) => a.id));
    let previous = startDate;
    steps.forEach((step, i) => {
      const at = (...field: Array<string | number>) => [...base, i, ...field];
      const where = `${label}step ${i + 1}${typeof step.id === 'string' ? ` '${step.id}'` : ''}`;
      if (typeof step.id !== 'string' || step.id === '') this.fail(at(), where, "field 'id' is missing");
      else if (seen.has(step.id)) this.fail(at('id'), where, `field 'id': duplicate step id '${step.id}'`);
      else seen.add(step.id);
      if (!isIsoDate(step.date)) this.fail(at('date'), where, `field 'date': '${String(step.date)}' is not a YYYY-MM-DD date`);
      else {
        if (previous !== null && step.date < previous) {
          this.fail(at('date'), where, `field 'date': ${step.date} is before the previous step's ${previous}`);
        }
        previous = step.date;
      }
      const knownEvent = model.isEventType(step.event);
      const knownActor = model.isActorId(step.actor);
      if (!knownEvent) {
        this.fail(at('event'), where, `field 'event': unknown event type '${String(step.event)}'${suggestion(step.event, model.eventTypes)}`);
      }
      if (!knownActor) this.fail(at('actor'), where, `field 'actor': unknown actor '${String(step.actor)}'${suggestion(step.actor, model.actorIds)}`);
      // Who may send an event means nothing until both are known.
      const senders = knownEvent && knownActor ? model.events[step.event]!.senders : undefined;
      if (senders && !senders.includes(step.actor)) {
        this.fail(at('actor'), where, `field 'actor': '${step.actor}' may not send '${step.event}' (it may come from: ${senders.join(', ')})`);
      }
      if (step.datePrecision !== undefined && !DATE_PRECISIONS.includes(step.datePrecision)) {
        this.fail(at('datePrecision'), where, `field 'datePrecision': '${String(step.datePrecision)}' is not one of ${DATE_PRECISIONS.join(', ')}`);
      }
      if (step.attribution !== undefined && (typeof step.attribution !== 'string' || step.attribution.trim() === '')) {
        this.fail(at('attribution'), where, "field 'attribution': expected the words that credit an outlet or reports, e.g. 'The New York Times reported'");
      }
      if (step.verification !== undefined && !VERIFICATIONS.includes(step.verification)) {
        this.fail(at('verification'), where, `field 'verification': '${String(step.verification)}' is not one of ${VERIFICATIONS.join(', ')}`);
      }
      (Array.isArray(step.sources) ? step.sources : []).forEach((source, j) => {
        if (!articles.has(source?.article)) {
          this.fail(at('sources', j, 'article'), where, `field 'sources[${j}].article': unknown article '${String(source?.article)}'`);
        }
      });
      if (step.expect?.state !== undefined) {
        const problem = partialStateProblem(model.machine.root, step.expect.state);
        if (problem) this.fail(at('expect', 'state', ...problem.path), where, `field '${['expect', 'state', ...problem.path].join('.')}': ${problem.message}`);
      }
      if (step.expect?.outcome !== undefined && !model.isOutcome(step.expect.outcome)) {
        this.fail(at('expect', 'outcome'), where, `field 'expect.outcome': unknown outcome '${String(step.expect.outcome)}'${suggestion(step.expect.outcome, model.outcomeNames)}`);
      }
    });
  }

  until(path: FieldPath, where: string, until: string | undefined, last: string | null): void {
    if (until === undefined) return;
    if (!isIsoDate(until)) this.fail(path, where, `field 'until': '${String(until)}' is not a YYYY-MM-DD date`);
    else if (last !== null && until < last) this.fail(path, where, `field 'until': ${until} is before the last step's ${last}`);
  }

  outcome(path: FieldPath, where: string, outcome: unknown): void {
    if (!this.scenario.model.isOutcome(outcome)) {
      this.fail(path, where, `field 'expectedOutcome': unknown outcome '${String(outcome)}'${suggestion(outcome, this.scenario.model.outcomeNames)}`);
    }
  }
}

/**
 * Every problem with a scenario's structure, in the order it is written:
 * unique step ids, real dates that never go back, known events, actors,
 * articles, outcomes and fork points. Each names `origin` (with line and column
 * when `locate` knows them), the step and the field.
 */
export function scenarioProblems(scenario: Scenario, origin: string, locate: Locate = () => ''): Problem[] {
  const check = new Checker(scenario, origin, locate);
  // The parent's steps up to the fork (none without `extends`) come first.
  const inherited = scenario.extends ? planSteps(scenario.extends.scenario, null).steps : [];
  const forkIndex = scenario.extends ? inherited.findIndex((p) => p.step.id === scenario.extends!.from) : -1;
  if (scenario.extends && forkIndex < 0) {
    check.fail(['from'], 'scenario', `field 'from': unknown step '${scenario.extends.from}' in '${scenario.extends.scenario.id}'`);
  }
  const before = inherited.slice(0, forkIndex + 1).map((p) => p.step);
  const seen = new Set(before.map((s) => s.id));
  check.steps(scenario.steps, ['steps'], '', seen, before.at(-1)?.date ?? null);
  const record = [...before, ...scenario.steps];
  check.until(['until'], 'scenario', scenario.until, record.at(-1)?.date ?? null);
  if (scenario.expectedOutcome !== undefined) check.outcome(['expectedOutcome'], 'scenario', scenario.expectedOutcome);

  const names = new Set<string>();
  scenario.branches.forEach((branch, b) => {
    const where = `branch '${branch.name}'`;
    if (names.has(branch.name)) check.fail(['branches', b, 'name'], where, 'field \'name\': duplicate branch name');
    names.add(branch.name);
    const fork = record.findIndex((s) => s.id === branch.from);
    if (fork < 0) check.fail(['branches', b, 'from'], where, `field 'from': unknown step '${branch.from}'`);
    check.outcome(['branches', b, 'expectedOutcome'], where, branch.expectedOutcome);
    // With no fork point, the branch's own steps are still checked, against nothing before them.
    const start = fork < 0 ? null : record[fork]!.date;
    const branchSeen = new Set(record.slice(0, fork + 1).map((s) => s.id));
    check.steps(Array.isArray(branch.steps) ? branch.steps : [], ['branches', b, 'steps'], `${where} `, branchSeen, start);
    check.until(['branches', b, 'until'], where, branch.until, branch.steps?.at(-1)?.date ?? start);
  });
  return check.problems;
}

/**
 * Check a scenario's structure before anything runs (see {@link scenarioProblems}).
 * Throws one {@link ScenarioError} carrying every problem found.
 */
export function validateScenario(scenario: Scenario, origin: string, locate: Locate = () => ''): Scenario {
  const problems = scenarioProblems(scenario, origin, locate);
  if (problems.length) throw new ScenarioError(problems.map((p) => p.message));
  return scenario;
}
