/** Who can act in the story: a person or body, with the country it acts for. */
export interface ActorInfo {
  readonly name: string;
  readonly role: string;
  /** ISO 3166 alpha-3 country code the actor acts for, or null for an independent body. */
  readonly country: 'USA' | 'UKR' | 'RUS' | null;
}

/** The actors of the March 2025 record, by id. */
export const ACTORS = {
  'united-states': { name: 'United States', role: 'U.S. government', country: 'USA' },
  trump: { name: 'Donald Trump', role: 'President of the United States', country: 'USA' },
  leavitt: { name: 'Karoline Leavitt', role: 'White House press secretary', country: 'USA' },
  waltz: { name: 'Mike Waltz', role: 'U.S. national security adviser', country: 'USA' },
  witkoff: { name: 'Steve Witkoff', role: 'U.S. special envoy', country: 'USA' },
  'us-intelligence': { name: 'U.S. intelligence', role: 'U.S. intelligence agencies', country: 'USA' },
  ukraine: { name: 'Ukraine', role: 'Ukrainian government', country: 'UKR' },
  zelenskyy: { name: 'Volodymyr Zelenskyy', role: 'President of Ukraine', country: 'UKR' },
  syrskyi: { name: 'Oleksandr Syrskyi', role: "Ukraine's top military commander", country: 'UKR' },
  krasylnykov: { name: 'Dmytro Krasylnykov', role: "Commander of Ukraine's Northern Operational Command", country: 'UKR' },
  'ukrainian-forces': { name: 'Ukrainian forces', role: "Ukraine's military forces", country: 'UKR' },
  russia: { name: 'Russia', role: 'Russian government', country: 'RUS' },
  putin: { name: 'Vladimir Putin', role: 'President of Russia', country: 'RUS' },
  peskov: { name: 'Dmitry Peskov', role: 'Kremlin spokesman', country: 'RUS' },
  ushakov: { name: 'Yuri Ushakov', role: 'Russian presidential aide for foreign policy', country: 'RUS' },
  'russian-defense-ministry': { name: 'Russian Defense Ministry', role: 'Ministry of Defense of Russia', country: 'RUS' },
  'russian-forces': { name: 'Russian forces', role: "Russia's military forces", country: 'RUS' },
  isw: { name: 'Institute for the Study of War', role: 'Washington-based think tank', country: null },
} as const satisfies Record<string, ActorInfo>;

/** The id of an actor in {@link ACTORS}. */
export type ActorId = keyof typeof ACTORS;

/** True when `id` names a known actor. */
export function isActorId(id: unknown): id is ActorId {
  return typeof id === 'string' && Object.hasOwn(ACTORS, id);
}
