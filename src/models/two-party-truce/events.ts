/**
 * The events of the two-party truce template, each with a line of
 * description, who may send it (`senders`) and its PLOVER/CAMEO codes. Rename
 * the parties (A, B, the mediator), give them countries and each event its
 * `recipient` (ISO 3166 alpha-3) for your conflict; here they are null.
 */
export const EVENTS = {
  'mediator.propose': { description: 'The mediator proposes a truce to both parties.', senders: ['mediator'], cameo: '0256', plover: 'REQUEST', mode: 'yield', context: 'diplomatic', recipient: null, note: 'A third party asking for an end to fighting is REQUEST/yield in the PLOVER manual.' },
  'partyA.accept': { description: 'Party A accepts the terms on the table.', senders: ['party-a'], cameo: '0356', plover: 'AGREE', context: 'diplomatic', recipient: null },
  'partyA.reject': { description: 'Party A rejects the terms on the table.', senders: ['party-a'], cameo: '1246', plover: 'REJECT', mode: 'yield', context: 'diplomatic', recipient: null },
  'partyA.counter': { description: 'Party A answers with conditions: a counter-proposal.', senders: ['party-a'], cameo: '1042', plover: 'REQUEST', mode: 'change', context: 'diplomatic', recipient: null },
  'partyB.accept': { description: 'Party B accepts the terms on the table.', senders: ['party-b'], cameo: '0356', plover: 'AGREE', context: 'diplomatic', recipient: null },
  'partyB.reject': { description: 'Party B rejects the terms on the table.', senders: ['party-b'], cameo: '1246', plover: 'REJECT', mode: 'yield', context: 'diplomatic', recipient: null },
  'partyB.counter': { description: 'Party B answers with conditions: a counter-proposal.', senders: ['party-b'], cameo: '1042', plover: 'REQUEST', mode: 'change', context: 'diplomatic', recipient: null },
  'mediator.reviseTerms': { description: 'The mediator tables revised terms after a counter-proposal; both parties answer again.', senders: ['mediator'], cameo: '046', plover: 'CONSULT', mode: 'third-party', context: 'diplomatic', recipient: null },
  'mediator.withdraw': { description: 'The mediator withdraws the proposal.', senders: ['mediator'], cameo: '1246', plover: 'REJECT', mode: 'yield', context: 'diplomatic', recipient: null },
  'truce.start': { description: `The truce both parties accepted comes into force.`, senders: ['party-a', 'party-b', 'mediator'], cameo: '0871', plover: 'RETREAT', mode: 'ceasefire', context: 'military', recipient: null },
  'truce.extend': { description: 'The parties extend the truce by another 30 days from its current end (once only).', senders: ['party-a', 'party-b', 'mediator'], cameo: '0871', plover: 'RETREAT', mode: 'ceasefire', context: 'military', recipient: null },
  'truce.violate': { description: 'A violation of the truce is reported; the truce holds until it is confirmed.', senders: ['party-a', 'party-b', 'mediator'], cameo: '196', plover: 'ASSAULT', context: 'military', recipient: null },
  'truce.confirmViolation': { description: 'A reported violation is confirmed and the truce collapses.', senders: ['party-a', 'party-b', 'mediator'], cameo: '196', plover: 'ASSAULT', context: 'military', recipient: null },
} as const;

/** The type of every event of the template. */
export type TruceEventType = keyof typeof EVENTS;

/** An event as the machine receives it: its type and its day. */
export interface TruceEvent {
  readonly type: TruceEventType;
  readonly date: string;
}
