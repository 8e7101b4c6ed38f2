import { initialTransition } from 'xstate';
import type { Model } from '../engine/model.js';
import type { Scenario } from '../engine/scenario.js';
import { DEFAULT_MODEL } from '../models/default.js';
import { layoutMachine } from './layout.js';
import { buildViewData, type ViewData } from './view-data.js';

/** Lay out `model` (by default the first scenario's) and replay every road of `scenarios`: all the viewer shows. */
export async function prepareViewData(scenarios: readonly Scenario[], model: Model = scenarios[0]?.model ?? DEFAULT_MODEL): Promise<ViewData> {
  const diagram = await layoutMachine(model);
  const [initial] = initialTransition(model.machine);
  return buildViewData(scenarios, diagram, initial.value);
}
