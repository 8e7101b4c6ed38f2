import type { StateValue } from 'xstate';

/** Where the ceasefire process stands, in one word an analyst can group by. */
export const OUTCOMES = {
  'no-proposal': 'Ukraine has not endorsed a proposal yet.',
  'awaiting-russia': 'Ukraine has endorsed; Russia has not given a formal answer.',
  'agreed-in-principle': 'Russia agreed in principle with conditions; no terms both parties accept, no ceasefire in force.',
  'terms-agreed': 'Both parties accept the same terms; the ceasefire has not started yet.',
  'ceasefire-in-force': 'A ceasefire both parties accepted is in force.',
  'truce-extended': 'The ceasefire is in force and has been extended.',
  'truce-expired': 'The ceasefire ran its course and expired.',
  'truce-collapsed': 'The ceasefire collapsed: a party declared it over, or a violation was confirmed.',
  'rejected': 'Russia rejected the proposal outright.',
  'lapsed': 'The proposal lapsed without a ceasefire both parties accepted.',
  'endorsement-withdrawn': 'Ukraine withdrew its endorsement.',
  'narrower-deal': 'The presidents settled for a narrower deal.',
} as const;

/** One of the outcomes in {@link OUTCOMES}. */
export type Outcome = keyof typeof OUTCOMES;

/** Every outcome name, in order of the process. */
export const OUTCOME_NAMES = Object.keys(OUTCOMES) as Outcome[];

/** True when `name` is one of the model's outcomes. */
export function isOutcome(name: unknown): name is Outcome {
  return typeof name === 'string' && Object.hasOwn(OUTCOMES, name);
}

/** The outcome a snapshot (or any state with `matches`) of the ceasefire machine stands at. */
export function outcomeOf(snapshot: { matches(value: never): boolean }): Outcome {
  const m = (value: StateValue) => (snapshot.matches as (value: StateValue) => boolean)(value);
  if (m({ proposal: { inForce: { term: 'extended' } } })) return 'truce-extended';
  if (m({ proposal: 'inForce' })) return 'ceasefire-in-force';
  if (m({ proposal: 'expired' })) return 'truce-expired';
  if (m({ proposal: 'collapsed' })) return 'truce-collapsed';
  if (m({ proposal: 'rejected' })) return 'rejected';
  if (m({ proposal: 'lapsed' })) return 'lapsed';
  if (m({ proposal: 'withdrawn' })) return 'endorsement-withdrawn';
  if (m({ proposal: 'narrowerDeal' })) return 'narrower-deal';
  if (m({ proposal: { underConsideration: 'revisedTermsAgreed' } }) || m({ proposal: { underConsideration: 'russiaAccepted' } })) {
    return 'terms-agreed';
  }
  if (
    m({ proposal: { underConsideration: 'agreedInPrinciple' } }) ||
    m({ proposal: { underConsideration: 'termsUnderNegotiation' } }) ||
    m({ proposal: { underConsideration: 'revisedTermsAgreedByRussia' } })
  ) {
    return 'agreed-in-principle';
  }
  if (m({ proposal: 'underConsideration' })) return 'awaiting-russia';
  return 'no-proposal';
}

/** Outcomes that end the process: nothing the model allows can change them. */
export const RESOLVED_OUTCOMES: ReadonlySet<Outcome> = new Set<Outcome>([
  'truce-expired',
  'truce-collapsed',
  'rejected',
  'lapsed',
  'endorsement-withdrawn',
  'narrower-deal',
]);
