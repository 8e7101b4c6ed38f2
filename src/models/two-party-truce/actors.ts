/** Who acts in the template: two warring parties and a mediator. Rename them for your conflict. */
export const ACTORS = {
  'party-a': { name: 'Party A', role: 'A warring party', country: null },
  'party-b': { name: 'Party B', role: 'The other warring party', country: null },
  mediator: { name: 'Mediator', role: 'A third party proposing the truce', country: null },
} as const;

/** The id of an actor of the template. */
export type TruceActorId = keyof typeof ACTORS;
