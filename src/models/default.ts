import type { SnapshotFrom } from 'xstate';
import type { Model } from '../engine/model.js';
import {
  defineScenario as defineScenarioOf,
  type Branch as ModelBranch,
  type Expectation as ModelExpectation,
  type Scenario,
  type ScenarioInput as ModelScenarioInput,
  type Step as ModelStep,
} from '../engine/scenario.js';
import { ceasefire2025, type Ceasefire2025 } from './ceasefire-2025/index.js';
import type { CeasefireMachine } from './ceasefire-2025/ceasefire.machine.js';

// The public face of scenarios: the ceasefire model unless a scenario names another.

/** The model a scenario runs when it names none. */
export const DEFAULT_MODEL: Ceasefire2025 = ceasefire2025;

/** One dated step of a scenario of `M` (by default the ceasefire model), its event and actor checked against `M`. */
export type Step<M extends Model = Ceasefire2025> = ModelStep<M>;
/** A hypothetical road of a scenario of `M` (by default the ceasefire model). */
export type Branch<M extends Model = Ceasefire2025> = ModelBranch<M>;
/** What must hold after a step of a scenario of `M` (by default the ceasefire model). */
export type Expectation<M extends Model = Ceasefire2025> = ModelExpectation<M>;
/** What `defineScenario` takes for `M` (by default the ceasefire model). */
export type ScenarioInput<M extends Model = Ceasefire2025> = ModelScenarioInput<M>;

/** A snapshot of the ceasefire machine. */
export type CeasefireSnapshot = SnapshotFrom<CeasefireMachine>;

/**
 * Declare a scenario with type-checked event names, actors and outcomes: of the
 * ceasefire model, or of the model given first.
 * @example
 * export default defineScenario({ id: 'my-what-if', title: '…', description: '…', articles, steps: [...] });
 * export default defineScenario(myModel, { id: 'my-what-if', … });
 */
export function defineScenario(input: ScenarioInput<Ceasefire2025>): Scenario<Ceasefire2025>;
export function defineScenario<M extends Model>(model: M, input: ScenarioInput<M>): Scenario<M>;
export function defineScenario(first: Model | ScenarioInput<Model>, input?: ScenarioInput<Model>): Scenario {
  return input === undefined ? defineScenarioOf(DEFAULT_MODEL, first as ScenarioInput<Ceasefire2025>) : defineScenarioOf(first as Model, input);
}
