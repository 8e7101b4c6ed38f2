import type { AnyStateNode } from 'xstate';
import type { Model } from './model.js';
import { eventLabel } from './view.js';

// The machine's structure as the diagrams and the viewer draw it: states, and the transitions that change them.

/** What a diagram marks: the active states of a run, and a line saying which run and step. */
export interface DiagramOptions {
  /** Dotted paths of the active states to mark (`proposal.underConsideration.agreedInPrinciple`). */
  readonly active?: readonly string[];
  /** One line saying what the marks show (the scenario and step), written as a comment. */
  readonly caption?: string;
}

/** The highlight colours of an active state: a warm yellow with a dark amber edge. */
export const ACTIVE_FILL = '#ffe08a';
export const ACTIVE_STROKE = '#a06b00';

/** One drawn transition: a state that changes to another on an event. */
export interface ChartTransition {
  readonly source: AnyStateNode;
  readonly target: AnyStateNode;
  /** The event type as the machine knows it (`xstate.after.…` for a delayed transition). */
  readonly event: string;
  /** What the diagram writes on the arrow (`after truceLength` for a delayed transition). */
  readonly label: string;
}

/** The child states of a state node, in the order the machine declares them. */
export function childStates(node: AnyStateNode): AnyStateNode[] {
  return Object.values(node.states);
}

/** The state a compound state enters first, or undefined for atomic and parallel states. */
export function initialChild(node: AnyStateNode): AnyStateNode | undefined {
  return node.type === 'compound' ? node.initial.target[0] : undefined;
}

/** A state's dotted path under the machine root (`proposal.underConsideration`), as run output and `--highlight` use it. */
export function pathOf(node: AnyStateNode): string {
  return node.path.join('.');
}

/** Short words for a state on a diagram: `awaitingRussia` → `awaiting Russia`; the root keeps the machine's id. */
export function stateLabel(model: Model, node: AnyStateNode): string {
  return node.path.length === 0 ? node.key : model.stateLabel(node.key);
}

/** True when `node` is `ancestor` or lies inside it. */
export function isWithin(node: AnyStateNode, ancestor: AnyStateNode): boolean {
  return ancestor.path.every((key, i) => node.path[i] === key);
}

/** Every state node under (and including) `root`, parents before children, in declaration order. */
export function allStates(root: AnyStateNode): AnyStateNode[] {
  return [root, ...childStates(root).flatMap(allStates)];
}

/**
 * Every transition that changes state, in declaration order. Transitions
 * without a target only move the calendar (a repeated statement); they
 * change no state and would only clutter a diagram.
 */
export function stateTransitions(root: AnyStateNode): ChartTransition[] {
  return allStates(root).flatMap((source) =>
    [...source.transitions].flatMap(([event, list]) =>
      list.flatMap((transition) =>
        (transition.target ?? [])
          .filter((target) => target !== source)
          .map((target) => ({ source, target, event, label: eventLabel(event) })),
      ),
    ),
  );
}
