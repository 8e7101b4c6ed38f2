import type { StateValue } from 'xstate';

/** Where the negotiation stands, in one word an analyst can group by. */
export const OUTCOMES = {
  'no-proposal': 'No truce has been proposed.',
  'awaiting-answers': 'Terms are on the table; not both parties have accepted.',
  countered: 'A party answered with conditions; no revised terms yet.',
  agreed: 'Both parties accepted the same terms; the truce has not started.',
  'truce-in-force': 'The truce is in force.',
  'truce-expired': 'The truce ran its term and ended.',
  'truce-collapsed': 'A confirmed violation ended the truce.',
  rejected: 'A party rejected the terms.',
  withdrawn: 'The mediator withdrew the proposal.',
} as const;

/** One of the template's outcomes. */
export type TruceOutcome = keyof typeof OUTCOMES;

/** Outcomes nothing the model allows can change. */
export const RESOLVED_OUTCOMES: ReadonlySet<TruceOutcome> = new Set<TruceOutcome>(['truce-expired', 'truce-collapsed', 'rejected', 'withdrawn']);

/** The outcome a state of the template stands at: read from its `process` track alone. */
export function outcomeOf(state: { matches(value: never): boolean }): TruceOutcome {
  const m = (process: string) => (state.matches as (value: StateValue) => boolean)({ process });
  if (m('inForce')) return 'truce-in-force';
  if (m('expired')) return 'truce-expired';
  if (m('collapsed')) return 'truce-collapsed';
  if (m('rejected')) return 'rejected';
  if (m('withdrawn')) return 'withdrawn';
  if (m('agreed')) return 'agreed';
  if (m('countered')) return 'countered';
  if (m('onTable')) return 'awaiting-answers';
  return 'no-proposal';
}
