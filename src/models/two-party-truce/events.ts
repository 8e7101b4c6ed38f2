/**
 * The events of the two-party truce template, each with a line of
 * description, who may send it and its PLOVER/CAMEO codes. Rename the parties
 * (A, B, the mediator) and recode them for your conflict.
 */
export const EVENTS = {
  'mediator.propose': { description: 'The mediator proposes a truce to both parties.', actors: ['mediator'], cameo: '0256', plover: 'REQUEST', mode: 'yield', context: 'diplomatic', note: 'A third party asking for an end to fighting is REQUEST/yield in the PLOVER manual.' },
  'partyA.accept': { description: 'Party A accepts the terms on the table.', actors: ['party-a'], cameo: '0356', plover: 'AGREE', context: 'diplomatic' },
  'partyA.reject': { description: 'Party A rejects the terms on the table.', actors: ['party-a'], cameo: '1246', plover: 'REJECT', mode: 'yield', context: 'diplomatic' },
  'partyA.counter': { description: 'Party A answers with conditions: a counter-proposal.', actors: ['party-a'], cameo: '1042', plover: 'REQUEST', mode: 'change', context: 'diplomatic' },
  'partyB.accept': { description: 'Party B accepts the terms on the table.', actors: ['party-b'], cameo: '0356', plover: 'AGREE', context: 'diplomatic' },
  'partyB.reject': { description: 'Party B rejects the terms on the table.', actors: ['party-b'], cameo: '1246', plover: 'REJECT', mode: 'yield', context: 'diplomatic' },
  'partyB.counter': { description: 'Party B answers with conditions: a counter-proposal.', actors: ['party-b'], cameo: '1042', plover: 'REQUEST', mode: 'change', context: 'diplomatic' },
  'mediator.reviseTerms': { description: 'The mediator tables revised terms after a counter-proposal; both parties answer again.', actors: ['mediator'], cameo: '046', plover: 'CONSULT', mode: 'third-party', context: 'diplomatic' },
  'mediator.withdraw': { description: 'The mediator withdraws the proposal.', actors: ['mediator'], cameo: '1246', plover: 'REJECT', mode: 'yield', context: 'diplomatic' },
  'truce.start': { description: `The truce both parties accepted comes into force.`, actors: ['party-a', 'party-b', 'mediator'], cameo: '0871', plover: 'RETREAT', mode: 'ceasefire', context: 'military' },
  'truce.extend': { description: 'The parties extend the truce from its current end (as often as the terms allow).', actors: ['party-a', 'party-b', 'mediator'], cameo: '0871', plover: 'RETREAT', mode: 'ceasefire', context: 'military' },
  'truce.violate': { description: 'A violation of the truce is reported; the truce holds until it is confirmed.', actors: ['party-a', 'party-b', 'mediator'], cameo: '196', plover: 'ASSAULT', context: 'military' },
  'truce.confirmViolation': { description: 'A reported violation is confirmed and the truce collapses.', actors: ['party-a', 'party-b', 'mediator'], cameo: '196', plover: 'ASSAULT', context: 'military' },
} as const;

/** The type of every event of the template. */
export type TruceEventType = keyof typeof EVENTS;

/** An event as the machine receives it: its type and its day. */
export interface TruceEvent {
  readonly type: TruceEventType;
  readonly date: string;
}
