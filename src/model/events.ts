/** PLOVER's sixteen event types. */
export type PloverEvent =
  | 'AGREE' | 'CONSULT' | 'SUPPORT' | 'CONCEDE' | 'COOPERATE' | 'AID' | 'RETREAT' | 'REQUEST'
  | 'ACCUSE' | 'REJECT' | 'THREATEN' | 'PROTEST' | 'SANCTION' | 'MOBILIZE' | 'COERCE' | 'ASSAULT';

/** How an event type is coded in the PLOVER and CAMEO ontologies. */
export interface EventCoding {
  /** PLOVER event type, or null for a bare statement PLOVER does not code. */
  readonly plover: PloverEvent | null;
  /** PLOVER mode (how), where one applies. */
  readonly mode?: string;
  /** CAMEO code, as a string to keep leading zeros. */
  readonly cameo: string;
  /** Why this coding, where the choice is arguable. */
  readonly note?: string;
}

/** What the machine says about one event type: a line of description and its codes. */
export interface EventInfo extends EventCoding {
  readonly description: string;
}

/**
 * Every event the ceasefire model understands, with a description and its
 * PLOVER/CAMEO coding. The machine carries this table in its `meta.events`.
 */
export const EVENTS = {
  // The proposal
  'proposal.table': { description: 'The U.S. tables a 30-day ceasefire.', cameo: '0256', plover: 'REQUEST', mode: 'yield', note: 'A third party asking for an end to fighting is REQUEST in the PLOVER manual.' },
  'proposal.present': { description: 'U.S. officials present the plan to Ukraine at talks in Saudi Arabia.', cameo: '046', plover: 'CONSULT', mode: 'third-party' },
  'ukraine.endorse': { description: 'Ukraine endorses the 30-day ceasefire.', cameo: '0356', plover: 'AGREE' },
  'proposal.putToRussia': { description: 'The U.S. puts the endorsed proposal to Russia and waits for its answer.', cameo: '0256', plover: 'REQUEST', mode: 'yield' },
  'ukraine.withdrawEndorsement': { description: 'Ukraine withdraws its endorsement of the ceasefire.', cameo: '1246', plover: 'REJECT', mode: 'yield' },
  'russia.declineComment': { description: 'The Kremlin declines to comment on the proposal.', cameo: '010', plover: null, note: 'A statement with no action; PLOVER does not code it.' },
  'russia.aideDismisses': { description: "A Kremlin aide dismisses the proposal, short of a formal answer.", cameo: '127', plover: 'REJECT', mode: 'yield', note: "An aide's dismissal, not the president's answer: coded as a rejection of the plan." },
  'russia.agreeInPrinciple': { description: 'Russia agrees in principle and sets conditions ("yes, but").', cameo: '0356', plover: 'AGREE', note: 'Also CAMEO 1042 / PLOVER REQUEST-change for the conditions attached.' },
  'russia.accept': { description: 'Russia accepts the 30-day ceasefire without conditions.', cameo: '0871', plover: 'CONCEDE', note: 'The PLOVER manual codes a declared ceasefire as CONCEDE.' },
  'russia.reject': { description: 'Russia rejects the proposal outright.', cameo: '1246', plover: 'REJECT', mode: 'yield' },
  'terms.negotiate': { description: 'The parties start negotiating the terms of the ceasefire.', cameo: '046', plover: 'CONSULT', mode: 'third-party' },
  'terms.agree': { description: 'Both sides agree the terms of the 30-day ceasefire.', cameo: '057', plover: 'AGREE' },
  'terms.agreeNarrowerDeal': { description: 'The presidents settle for a narrower deal than a full ceasefire.', cameo: '057', plover: 'AGREE', note: 'A partial agreement is still a signed agreement in CAMEO.' },
  'proposal.lapse': { description: 'The proposal lapses while terms are dragged out.', cameo: '1246', plover: 'REJECT', mode: 'yield', note: 'Stalling until lapse is treated as declining to de-escalate.' },
  // The truce itself
  'ceasefire.start': { description: 'The ceasefire comes into force for 30 days.', cameo: '0871', plover: 'RETREAT', mode: 'ceasefire' },
  'truce.extend': { description: 'The parties extend the truce by another 30 days.', cameo: '0871', plover: 'RETREAT', mode: 'ceasefire' },
  'truce.violate': { description: 'A violation of the truce is reported and the ceasefire collapses.', cameo: '196', plover: 'ASSAULT' },
  // U.S.–Ukraine aid and intelligence
  'aid.suspend': { description: 'The U.S. suspends military aid to Ukraine.', cameo: '1622', plover: 'SANCTION', mode: 'discontinue' },
  'aid.restore': { description: 'The U.S. lifts its suspension of military aid to Ukraine.', cameo: '072', plover: 'AID' },
  // The U.S.–Russia channel
  'channel.advisersCall': { description: 'The U.S. national security adviser speaks with his Russian counterpart.', cameo: '041', plover: 'CONSULT', mode: 'phone' },
  'channel.confirmContacts': { description: 'The Kremlin confirms regular, confidential contacts between the advisers.', cameo: '040', plover: 'CONSULT', mode: 'phone', note: 'The confirmation reports consultations by phone.' },
  'envoy.announce': { description: 'The White House confirms its special envoy will go to Moscow.', cameo: '036', plover: 'CONSULT', mode: 'visit', note: 'An announced visit; PLOVER has no separate intent category.' },
  'envoy.depart': { description: 'The U.S. negotiators are on their way to Russia.', cameo: '042', plover: 'CONSULT', mode: 'visit' },
  'envoy.arrive': { description: 'The U.S. special envoy arrives in Moscow.', cameo: '042', plover: 'CONSULT', mode: 'visit' },
  'envoy.meetPresident': { description: 'The Russian president meets the U.S. envoy.', cameo: '043', plover: 'CONSULT', mode: 'visit' },
  'envoy.conveyMessage': { description: "The envoy carries Moscow's answer back to Washington.", cameo: '046', plover: 'CONSULT', mode: 'third-party' },
  'russia.floatLeadersCall': { description: 'The Russian president floats a call with the U.S. president.', cameo: '036', plover: 'CONSULT', mode: 'phone', note: 'An offer to talk, not a call held.' },
  'leaders.call': { description: 'The U.S. and Russian presidents speak by phone.', cameo: '041', plover: 'CONSULT', mode: 'phone' },
  // U.S. leverage
  'us.pressRussia': { description: 'The U.S. publicly presses Russia to accept the ceasefire.', cameo: '0256', plover: 'REQUEST', mode: 'yield' },
  'us.threatenSanctions': { description: 'The U.S. threatens Russia with new sanctions.', cameo: '1312', plover: 'THREATEN', mode: 'restrict' },
  'us.imposeSanctions': { description: 'The U.S. imposes new sanctions on Russia.', cameo: '163', plover: 'SANCTION', mode: 'discontinue', note: 'The manual has no closer mode for new economic sanctions.' },
  // The battlefield: Kursk and the Sumy border
  'ukraine.launchIncursion': { description: "Ukraine's forces cross into Russia's Kursk region and occupy ground.", cameo: '192', plover: 'COERCE', mode: 'seize' },
  'russia.pressFoothold': { description: "Russian forces, backed by North Korean troops, press Ukraine's foothold in Kursk.", cameo: '190', plover: 'ASSAULT', mode: 'heavy-weapons' },
  'russia.orderKurskCleared': { description: 'The Russian president visits his commanders and orders Kursk freed.', cameo: '150', plover: 'MOBILIZE', note: 'A show of military posture at the front, not yet an attack.' },
  'russia.bombardKursk': { description: 'Russian aviation strikes Ukrainian positions in Kursk.', cameo: '195', plover: 'ASSAULT', mode: 'aerial' },
  'ukraine.reportManeuver': { description: "Ukraine's commander says troops are moving to better lines around Sudzha.", cameo: '0874', plover: 'RETREAT', mode: 'withdraw', note: 'A maneuver "to more advantageous lines" is coded as a withdrawal.' },
  'ukraine.confirmWithdrawal': { description: 'Ukraine confirms it has left Sudzha.', cameo: '0874', plover: 'RETREAT', mode: 'withdraw' },
  'isw.assessSudzha': { description: 'An independent think tank assesses that Russian forces control Sudzha.', cameo: '010', plover: null, note: 'A third-party assessment, not an action between the parties.' },
  'russia.claimSudzha': { description: 'The Russian Defense Ministry claims it has retaken Sudzha.', cameo: '192', plover: 'COERCE', mode: 'seize' },
  'ukraine.dismissCommander': { description: "Ukraine dismisses the commander of its Northern Operational Command.", cameo: '010', plover: null, note: 'An internal decision; neither ontology has a closer code.' },
  'russia.recaptureSettlements': { description: 'Russia claims to have recaptured dozens of settlements in Kursk.', cameo: '192', plover: 'COERCE', mode: 'seize' },
  'russia.expelFromKursk': { description: 'Russian forces drive the last Ukrainian troops out of Kursk.', cameo: '190', plover: 'ASSAULT', mode: 'heavy-weapons' },
  'russia.floatSecurityZone': { description: "The Russian president floats a 'security zone' along the border with Ukraine.", cameo: '138', plover: 'THREATEN', mode: 'territory' },
  'russia.takeNovenke': { description: "Russia claims control of the village of Noven'ke in Ukraine's Sumy region.", cameo: '192', plover: 'COERCE', mode: 'seize' },
  'russia.pushIntoSumy': { description: 'Russian forces push into Sumy to carve out a security zone.', cameo: '192', plover: 'COERCE', mode: 'seize' },
  // The encircled troops
  'us.reportEncirclement': { description: 'The U.S. president says thousands of Ukrainian troops are surrounded.', cameo: '010', plover: null, note: 'A claim made in a statement; the encirclement itself is not independently confirmed.' },
  'us.pleaToSpare': { description: 'The U.S. president asks Putin to spare the encircled troops.', cameo: '0256', plover: 'REQUEST', mode: 'yield' },
  'russia.spareTroops': { description: 'Russia spares the encircled Ukrainian troops.', cameo: '0874', plover: 'RETREAT', mode: 'release', note: 'Letting troops surrender or leave is coded as a release.' },
  'russia.attackEncircled': { description: 'Russian forces attack the encircled Ukrainian troops.', cameo: '190', plover: 'ASSAULT', mode: 'heavy-weapons' },
  // Assessments of Russia's intent
  'ukraine.warnOfStalling': { description: "Ukraine's president warns that Russia will drag out the deal.", cameo: '111', plover: 'ACCUSE' },
  'us.intelligenceReport': { description: "U.S. intelligence reports that Russia's maximalist goals are unchanged.", cameo: '010', plover: null, note: 'A leaked assessment, not an act between the parties.' },
} as const satisfies Record<string, EventInfo>;

/** The type of every event the model understands. */
export type CeasefireEventType = keyof typeof EVENTS;

/** Every event type, in catalogue order. */
export const EVENT_TYPES = Object.keys(EVENTS) as CeasefireEventType[];

/** An event as the machine receives it: its type and the day it happened. */
export interface CeasefireEvent {
  readonly type: CeasefireEventType;
  readonly date: string;
}

/** True when `type` names an event of the model. */
export function isEventType(type: unknown): type is CeasefireEventType {
  return typeof type === 'string' && Object.hasOwn(EVENTS, type);
}
