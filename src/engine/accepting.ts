import type { AnyStateNode } from 'xstate';
import { ceasefireMachine } from '../model/ceasefire.machine.js';

function walk(node: AnyStateNode, type: string, found: string[]): void {
  if (Object.hasOwn(node.on, type)) found.push(node.path.join('.'));
  for (const child of Object.values(node.states)) walk(child, type, found);
}

/** Dotted paths of the states that handle an event type (where it could be accepted). */
export function statesAccepting(type: string): string[] {
  const found: string[] = [];
  walk(ceasefireMachine.root, type, found);
  return found;
}
