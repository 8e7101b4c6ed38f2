import { initialTransition } from 'xstate';
import type { Scenario } from '../engine/scenario.js';
import { ceasefireMachine } from '../model/ceasefire.machine.js';
import { layoutMachine } from './layout.js';
import { buildViewData, type ViewData } from './view-data.js';

/** Lay out the model and replay every road of `scenarios`: all the viewer shows. */
export async function prepareViewData(scenarios: readonly Scenario[]): Promise<ViewData> {
  const diagram = await layoutMachine(ceasefireMachine.root);
  const [initial] = initialTransition(ceasefireMachine);
  return buildViewData(scenarios, diagram, initial.value);
}
