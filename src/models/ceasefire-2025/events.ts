import type { PloverEvent } from '../../engine/model.js';
import type { ActorInfo } from './actors.js';

export type { PloverEvent };

/** A party to the story as PLOVER and CAMEO code it: its ISO 3166 alpha-3 country. */
export type CountryCode = NonNullable<ActorInfo['country']>;

/**
 * PLOVER contexts (the "why" of an event) the model uses, from the PLOVER
 * manual's list, by what an event is about: the proposal, the talks and the
 * channel are diplomatic; the fighting, the truce on the ground, the troops
 * and military aid are military; sanctions are economic; spies' assessments
 * are intelligence.
 */
export type PloverContext = 'diplomatic' | 'military' | 'economic' | 'intelligence';

/** How an event type is coded in the PLOVER and CAMEO ontologies. */
export interface EventCoding {
  /** PLOVER event type, or null for a bare statement PLOVER does not code. */
  readonly plover: PloverEvent | null;
  /** PLOVER mode (how), where one applies. */
  readonly mode?: string;
  /** PLOVER context (why). */
  readonly context: PloverContext;
  /** CAMEO code, as a string to keep leading zeros. */
  readonly cameo: string;
  /**
   * The party the act is aimed at (PLOVER `recipient`), or null when there is
   * none. Answers to the U.S. proposal go to the U.S.; acts of war and of the
   * truce go to the other warring party.
   */
  readonly recipient: CountryCode | null;
  /**
   * The party that acts, where the event type fixes it whatever actor a step
   * names (a step may name who reported the act, or the host of a visit).
   */
  readonly actor?: CountryCode;
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
 * Where the PLOVER manual and its 2021 CAMEO conversion table disagree, the
 * manual wins and the note says so.
 */
export const EVENTS = {
  // The proposal
  'proposal.table': { description: 'The U.S. tables a 30-day ceasefire.', cameo: '0256', plover: 'REQUEST', mode: 'yield', context: 'diplomatic', recipient: 'UKR', note: 'A third party asking for an end to fighting is REQUEST in the PLOVER manual; meant for both parties, coded to Ukraine, with whom it was tabled (Russia gets it in proposal.putToRussia).' },
  'proposal.present': { description: 'U.S. officials present the plan to Ukrainian officials at talks in Saudi Arabia.', cameo: '046', plover: 'CONSULT', mode: 'third-party', context: 'diplomatic', recipient: 'UKR', note: 'Talks hosted by Saudi Arabia, a third party (CAMEO 044 would code the venue, 046 codes the negotiation).' },
  'ukraine.endorse': { description: 'Ukraine endorses the 30-day ceasefire.', cameo: '0356', plover: 'AGREE', context: 'diplomatic', recipient: 'USA', note: 'A party to a war offering to stop fighting is AGREE in the PLOVER manual; it answers the U.S. proposal.' },
  'proposal.putToRussia': { description: 'The U.S. puts the endorsed proposal to Russia and waits for its answer.', cameo: '0256', plover: 'REQUEST', mode: 'yield', context: 'diplomatic', recipient: 'RUS' },
  'ukraine.withdrawEndorsement': { description: 'Ukraine withdraws its endorsement of the ceasefire.', cameo: '1246', plover: 'REJECT', mode: 'yield', context: 'diplomatic', recipient: 'USA' },
  'russia.declineComment': { description: 'The Kremlin declines to comment on the proposal.', cameo: '011', plover: null, context: 'diplomatic', recipient: null, note: "CAMEO 011 'Decline comment'; PLOVER does not code a refusal to comment." },
  'russia.aideDismisses': { description: "A Kremlin aide dismisses the proposal, short of a formal answer.", cameo: '127', plover: 'REJECT', mode: 'yield', context: 'diplomatic', recipient: 'USA', note: "An aide's dismissal, not the president's answer. The 2021 table puts CAMEO 127 under REJECT/meet; the manual's yield mode covers ceasefires, which is what was dismissed." },
  'russia.agreeInPrinciple': { description: 'Russia agrees in principle and sets conditions ("yes, but").', cameo: '0356', plover: 'AGREE', context: 'diplomatic', recipient: 'USA', note: 'Coded as the agreement; the conditions attached would be a second event (CAMEO 1042, PLOVER REQUEST/change).' },
  'russia.accept': { description: 'Russia accepts the 30-day text Ukraine endorsed, without conditions.', cameo: '0871', plover: 'CONCEDE', context: 'diplomatic', recipient: 'USA', note: 'The PLOVER manual codes a declared (not yet implemented) ceasefire as CONCEDE; the 2021 table maps CAMEO 0871 to RETREAT/ceasefire, kept here for ceasefire.start.' },
  'russia.reject': { description: 'Russia rejects the proposal outright.', cameo: '1246', plover: 'REJECT', mode: 'yield', context: 'diplomatic', recipient: 'USA' },
  'terms.negotiate': { description: 'Talks open on revised terms of the ceasefire.', cameo: '046', plover: 'CONSULT', mode: 'third-party', context: 'diplomatic', recipient: 'UKR', note: 'Talks between the warring parties brokered by the U.S., a third party.' },
  'terms.agree': { description: 'Russia agrees revised terms negotiated after its conditions.', cameo: '057', plover: 'SUPPORT', context: 'diplomatic', recipient: 'UKR', note: "Finalizing an agreement is SUPPORT in the PLOVER manual (a promise to sign would be AGREE); Ukraine's acceptance is ukraine.acceptRevisedTerms, the truce is coded when it starts." },
  'ukraine.acceptRevisedTerms': { description: 'Ukraine accepts the revised terms Russia has agreed.', cameo: '057', plover: 'SUPPORT', context: 'diplomatic', recipient: 'RUS', note: 'Accepting terms the other party has agreed finalizes them: SUPPORT, as terms.agree. Its endorsement of the 30-day text does not count for revised terms.' },
  'terms.agreeNarrowerDeal': { description: 'The presidents settle for a narrower deal than a full ceasefire.', cameo: '057', plover: 'SUPPORT', context: 'diplomatic', recipient: 'USA', note: 'A partial agreement, finalized between the presidents: SUPPORT in the PLOVER manual.' },
  'proposal.lapse': { description: 'The proposal lapses without a ceasefire both parties accepted.', cameo: '1246', plover: 'REJECT', mode: 'yield', context: 'diplomatic', recipient: 'USA', note: 'Letting the proposal lapse is treated as declining to de-escalate.' },
  // The truce itself
  'ceasefire.start': { description: 'The ceasefire comes into force for 30 days.', cameo: '0871', plover: 'RETREAT', mode: 'ceasefire', context: 'military', recipient: 'UKR', note: 'An implemented ceasefire is RETREAT/ceasefire in the PLOVER manual; its declaration is CONCEDE (russia.accept).' },
  'truce.extend': { description: 'The parties extend the truce by another 30 days from its current end (once only).', cameo: '0871', plover: 'RETREAT', mode: 'ceasefire', context: 'military', recipient: 'UKR', note: 'The truce keeps being observed: RETREAT/ceasefire, as when it started.' },
  'truce.violate': { description: 'A violation of the truce is reported; the truce holds until it is confirmed.', cameo: '196', plover: 'ASSAULT', context: 'military', recipient: 'UKR', note: 'No weapon is reported, so no PLOVER mode. Any strike, capture or offensive during the truce is recorded the same way.' },
  'truce.confirmViolation': { description: 'A reported violation of the truce is confirmed and the truce collapses.', cameo: '196', plover: 'ASSAULT', context: 'military', recipient: 'UKR', note: 'Codes the violation once it is established; its first report is truce.violate.' },
  'truce.declareOver': { description: 'A party declares the truce over and it collapses.', cameo: '1246', plover: 'REJECT', mode: 'yield', context: 'military', recipient: null, note: 'Ending a truce declines to de-escalate; either party may declare it, so the step names who and no recipient is fixed.' },
  // U.S.–Ukraine aid and intelligence
  'aid.suspend': { description: 'The U.S. suspends military aid to Ukraine.', cameo: '1622', plover: 'SANCTION', mode: 'discontinue', context: 'military', recipient: 'UKR' },
  'aid.restore': { description: 'The U.S. lifts its suspension of military aid to Ukraine.', cameo: '072', plover: 'AID', context: 'military', recipient: 'UKR' },
  // The U.S.–Russia channel
  'channel.advisersCall': { description: 'The U.S. national security adviser speaks with his Russian counterpart.', cameo: '041', plover: 'CONSULT', mode: 'phone', context: 'diplomatic', recipient: 'RUS' },
  'channel.confirmContacts': { description: 'The Kremlin confirms regular, confidential contacts between the advisers.', cameo: '040', plover: 'CONSULT', context: 'diplomatic', recipient: 'USA', note: 'Regular contacts by a medium the article does not name: no PLOVER mode.' },
  'envoy.announce': { description: 'The White House confirms its special envoy will go to Moscow.', cameo: '036', plover: 'AGREE', context: 'diplomatic', recipient: 'RUS', note: 'The PLOVER manual codes future meetings and visits as AGREE, not CONSULT.' },
  'envoy.depart': { description: 'The U.S. negotiators are on their way to Russia.', cameo: '042', plover: 'CONSULT', mode: 'visit', context: 'diplomatic', recipient: 'RUS', actor: 'USA', note: 'The U.S. visits whoever reports the journey (in the record, the Kremlin).' },
  'envoy.arrive': { description: 'The U.S. special envoy arrives in Moscow.', cameo: '042', plover: 'CONSULT', mode: 'visit', context: 'diplomatic', recipient: 'RUS' },
  'envoy.meetPresident': { description: 'The Russian president meets the U.S. envoy.', cameo: '042', plover: 'CONSULT', mode: 'visit', context: 'diplomatic', recipient: 'RUS', actor: 'USA', note: "Coded from the visitor's side, whose act the visit is: CAMEO 042 'make a visit' (043 'host a visit' would make Russia the actor); the PLOVER manual codes the visitor as actor and the host as recipient." },
  'russia.askEnvoyToConvey': { description: "The Russian president asks the U.S. envoy to convey Moscow's thoughts to Washington.", cameo: '020', plover: 'REQUEST', context: 'diplomatic', recipient: 'USA', note: 'A request to relay a position: no closer CAMEO appeal, no PLOVER mode fits. It says nothing of delivery (envoy.conveyMessage).' },
  'envoy.conveyMessage': { description: "The envoy conveys Moscow's thoughts to Washington.", cameo: '046', plover: 'CONSULT', context: 'diplomatic', recipient: 'RUS', note: "The envoy relays Moscow's position: part of the U.S.–Russia negotiation; no PLOVER mode fits a relayed message." },
  'russia.floatLeadersCall': { description: 'The Russian president floats a call with the U.S. president.', cameo: '036', plover: 'AGREE', context: 'diplomatic', recipient: 'USA', note: 'An offer to talk, not a call held: the PLOVER manual codes future meetings as AGREE.' },
  'leaders.call': { description: 'The U.S. and Russian presidents speak by phone.', cameo: '041', plover: 'CONSULT', mode: 'phone', context: 'diplomatic', recipient: 'RUS' },
  // U.S. leverage
  'us.hailTalks': { description: 'The U.S. president calls the talks with the Russian president productive.', cameo: '051', plover: 'SUPPORT', context: 'diplomatic', recipient: 'RUS', note: "CAMEO 051 'Praise or endorse', SUPPORT in PLOVER." },
  'us.pressRussia': { description: 'The U.S. publicly presses Russia to accept the ceasefire.', cameo: '0256', plover: 'REQUEST', mode: 'yield', context: 'diplomatic', recipient: 'RUS' },
  'us.threatenSanctions': { description: 'The U.S. threatens Russia with new sanctions.', cameo: '1312', plover: 'THREATEN', mode: 'restrict', context: 'economic', recipient: 'RUS' },
  'us.imposeSanctions': { description: 'The U.S. imposes new sanctions on Russia.', cameo: '163', plover: 'SANCTION', mode: 'discontinue', context: 'economic', recipient: 'RUS', note: 'The PLOVER manual codes international sanctions as SANCTION/discontinue; the 2021 table maps CAMEO 163 to COERCE/restrict.' },
  // The battlefield: Kursk and the Sumy border
  'ukraine.launchIncursion': { description: "Ukraine's forces cross into Russia's Kursk region and occupy ground.", cameo: '192', plover: 'COERCE', mode: 'seize', context: 'military', recipient: 'RUS' },
  'russia.pressFoothold': { description: "Russian forces, backed by North Korean troops, press Ukraine's foothold in Kursk.", cameo: '190', plover: 'ASSAULT', mode: 'heavy-weapons', context: 'military', recipient: 'UKR' },
  'russia.expectKurskFreed': { description: 'The Russian president, visiting his commanders, expects the military to free the Kursk region.', cameo: '150', plover: 'MOBILIZE', context: 'military', recipient: 'UKR', note: 'No order is reported: a stated expectation, in fatigues at the front, is a show of military posture (CAMEO 150), not yet an attack.' },
  'russia.bombardKursk': { description: 'Russian aviation strikes Ukrainian positions in Kursk.', cameo: '195', plover: 'ASSAULT', mode: 'aerial', context: 'military', recipient: 'UKR', actor: 'RUS', note: "Manned aircraft are the PLOVER manual's aerial mode; the 2021 table maps CAMEO 195 to heavy-weapons." },
  'ukraine.reportManeuver': { description: "Ukraine's commander says the army is maneuvering troops to more advantageous lines.", cameo: '0874', plover: 'RETREAT', mode: 'withdraw', context: 'military', recipient: 'RUS', note: 'A maneuver "to more advantageous lines" is coded as a withdrawal, the manual\'s mode for leaving ground (the 2021 table maps CAMEO 0874 to disarm).' },
  'ukraine.confirmWithdrawal': { description: 'Ukraine confirms it has left Sudzha.', cameo: '0874', plover: 'RETREAT', mode: 'withdraw', context: 'military', recipient: 'RUS', note: "Leaving a town is the PLOVER manual's withdraw mode (the 2021 table maps CAMEO 0874 to disarm)." },
  'isw.assessSudzha': { description: 'An independent think tank assesses that Russian forces control Sudzha.', cameo: '010', plover: null, context: 'military', recipient: null, note: 'A third-party assessment, not an action between the parties.' },
  'russia.claimSudzha': { description: 'The Russian Defense Ministry claims it has retaken Sudzha.', cameo: '192', plover: 'COERCE', mode: 'seize', context: 'military', recipient: 'UKR', note: 'Coded as the act claimed; the step keeps it a claim.' },
  'ukraine.dismissCommander': { description: "Ukraine dismisses the commander of its Northern Operational Command.", cameo: '010', plover: null, context: 'military', recipient: null, note: 'An internal decision; neither ontology has a closer code.' },
  'russia.claimSettlements': { description: 'The Russian Defense Ministry claims it recaptured 28 settlements in Kursk.', cameo: '192', plover: 'COERCE', mode: 'seize', context: 'military', recipient: 'UKR', note: 'Coded as the act claimed; the state keeps it a claim.' },
  'isw.assessSettlements': { description: "An independent third party assesses that Russia recaptured the settlements it claims.", cameo: '010', plover: null, context: 'military', recipient: null, note: 'A third-party assessment, not an action between the parties.' },
  'russia.expelFromKursk': { description: 'Russian forces drive the last Ukrainian troops out of Kursk.', cameo: '190', plover: 'ASSAULT', mode: 'heavy-weapons', context: 'military', recipient: 'UKR' },
  'russia.floatSecurityZone': { description: "The Russian president floats a 'security zone' along the border with Ukraine.", cameo: '1382', plover: 'THREATEN', mode: 'territory', context: 'military', recipient: 'UKR', note: 'A zone carved out of Ukrainian ground is a threat of occupation (CAMEO 1382).' },
  'russia.claimNovenke': { description: "The Russian Defense Ministry claims control of the village of Noven'ke in Ukraine's Sumy region.", cameo: '192', plover: 'COERCE', mode: 'seize', context: 'military', recipient: 'UKR', note: 'Coded as the act claimed; the state keeps it a claim.' },
  'isw.assessNovenke': { description: "An independent third party assesses that Russia controls Noven'ke.", cameo: '010', plover: null, context: 'military', recipient: null, note: 'A third-party assessment, not an action between the parties.' },
  'russia.pushIntoSumy': { description: 'Russian forces push into Sumy to carve out a security zone.', cameo: '192', plover: 'COERCE', mode: 'seize', context: 'military', recipient: 'UKR' },
  // The encircled troops
  'us.reportEncirclement': { description: 'The U.S. president says thousands of Ukrainian troops are surrounded.', cameo: '010', plover: null, context: 'military', recipient: null, note: 'A claim made in a statement; an independent assessment would be isw.assessEncirclement.' },
  'isw.assessEncirclement': { description: 'An independent third party assesses that the Ukrainian troops are encircled, as claimed.', cameo: '010', plover: null, context: 'military', recipient: null, note: 'A third-party assessment, not an action between the parties.' },
  'us.pleaToSpare': { description: 'The U.S. president asks Putin to spare the encircled troops.', cameo: '0256', plover: 'REQUEST', mode: 'yield', context: 'military', recipient: 'RUS', note: 'A third party asking to stop the fighting: REQUEST/yield.' },
  'russia.spareTroops': { description: 'Russia spares the encircled Ukrainian troops.', cameo: '087', plover: 'RETREAT', context: 'military', recipient: 'UKR', note: "Holding fire on the encircled troops de-escalates (CAMEO 087); no PLOVER mode fits (release is for captives, disarm for the side that lays down arms)." },
  'russia.attackEncircled': { description: 'Russian forces attack the encircled Ukrainian troops.', cameo: '190', plover: 'ASSAULT', mode: 'heavy-weapons', context: 'military', recipient: 'UKR' },
  // Assessments of Russia's intent
  'ukraine.warnOfStalling': { description: "Ukraine's president warns that Russia will drag out the deal.", cameo: '111', plover: 'ACCUSE', context: 'diplomatic', recipient: 'RUS' },
  'us.intelligenceReport': { description: "U.S. intelligence reports that Russia's maximalist goals are unchanged.", cameo: '010', plover: null, context: 'intelligence', recipient: null, note: 'A leaked assessment, not an act between the parties.' },
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
