import type { AnyStateMachine, StateValue } from 'xstate';

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
  /** PLOVER context (why), e.g. `diplomatic`. */
  readonly context: string;
  /** CAMEO code, as a string to keep leading zeros. */
  readonly cameo: string;
  /** The country the act is aimed at (PLOVER `recipient`, ISO 3166 alpha-3), or null when there is none. */
  readonly recipient: string | null;
  /** The country that acts, where the event type fixes it whatever actor a step names. */
  readonly actor?: string;
  /** Why this coding, where the choice is arguable. */
  readonly note?: string;
}

/** What a model says about one event type: a line of description, who may send it, and its codes. */
export interface EventInfo extends EventCoding {
  readonly description: string;
  /** The actor ids that may send it; absent when any actor may. */
  readonly senders?: readonly string[];
}

/** Who can act in a model's story: a person or body, with the country it acts for. */
export interface ActorInfo {
  readonly name: string;
  readonly role: string;
  /** ISO 3166 alpha-3 country code the actor acts for, or null for an independent body. */
  readonly country: string | null;
}

/** What an invariant or an outcome reads of a state: its value, its context, and `matches`. */
export interface StateView {
  readonly value: StateValue;
  readonly context: unknown;
  matches(value: StateValue): boolean;
}

/** A rule a model must never break, checked on every reachable state (or every transition). */
export interface Invariant {
  readonly name: string;
  readonly description: string;
  /** A state predicate: true when `state` keeps the rule. */
  readonly holdsIn?: (state: StateView) => boolean;
  /** A transition predicate: true when the step from `before` to `after` keeps the rule. */
  readonly holdsAcross?: (before: StateView, after: StateView) => boolean;
}

/**
 * One field of a model's context as a saved run must hold it: `day` (a
 * `YYYY-MM-DD` day), `day|null`, or the list of the values it may take.
 */
export type ContextField = 'day' | 'day|null' | readonly string[];

/** Anything with `matches`, as a snapshot or a {@link StateView} has. */
export interface Matchable {
  matches(value: never): boolean;
}

/** What {@link defineModel} takes. */
export interface ModelInput<
  TMachine extends AnyStateMachine,
  TEvent extends string,
  TActor extends string,
  TOutcome extends string,
> {
  /** A short id, as scenarios and `--model` name the model (`ceasefire-2025`). */
  readonly id: string;
  readonly title: string;
  /** The XState v5 machine; its events carry a `date` (`YYYY-MM-DD`) besides their `type`. */
  readonly machine: TMachine;
  /** Every event type the machine understands, in catalogue order. */
  readonly events: { readonly [K in TEvent]: EventInfo };
  /** Every actor a step may name, by id. */
  readonly actors: { readonly [K in TActor]: ActorInfo };
  /** Every outcome, in order of the process, with a line of description. */
  readonly outcomes: { readonly [K in TOutcome]: string };
  /** The outcome a state stands at. */
  outcomeOf(state: Matchable): TOutcome;
  /** Outcomes that end the process: nothing the model allows can change them. */
  readonly resolvedOutcomes: Iterable<TOutcome>;
  /** Rules the explorer checks on every reachable state. */
  readonly invariants?: readonly Invariant[];
  /** The context's fields, checked when a saved run is read back; absent: any context with a `date`. */
  readonly contextFields?: Readonly<Record<string, ContextField>>;
  /** Words a state key is split into that keep their own spelling (`kremlin` → `Kremlin`). */
  readonly properWords?: Readonly<Record<string, string>>;
  /** Words for a track (top-level region); by default its key. */
  trackLabel?(key: string): string;
  /** Words for a state key (`awaitingRussia` → `awaiting Russia`); by default split at capitals, with `properWords`. */
  stateLabel?(key: string): string;
}

/**
 * A model the engine runs: the machine and everything the engine needs to
 * replay, check, explore and label it. Make one with {@link defineModel}.
 */
export interface Model<
  TMachine extends AnyStateMachine = AnyStateMachine,
  TEvent extends string = string,
  TActor extends string = string,
  TOutcome extends string = string,
> {
  readonly id: string;
  readonly title: string;
  readonly machine: TMachine;
  readonly events: { readonly [K in TEvent]: EventInfo };
  /** Every event type, in catalogue order. */
  readonly eventTypes: readonly TEvent[];
  readonly actors: { readonly [K in TActor]: ActorInfo };
  /** Every actor id, in catalogue order. */
  readonly actorIds: readonly TActor[];
  readonly outcomes: { readonly [K in TOutcome]: string };
  /** Every outcome name, in order of the process. */
  readonly outcomeNames: readonly TOutcome[];
  readonly resolvedOutcomes: ReadonlySet<string>;
  readonly invariants: readonly Invariant[];
  /** The context's fields, checked when a saved run is read back (undefined: any context with a `date`). */
  readonly contextFields: Readonly<Record<string, ContextField>> | undefined;
  /** The outcome a state stands at. */
  outcomeOf(state: Matchable): TOutcome;
  /** True when `type` is one of the model's event types. */
  isEventType(type: unknown): type is TEvent;
  /** True when `id` is one of the model's actors. */
  isActorId(id: unknown): id is TActor;
  /** True when `name` is one of the model's outcomes. */
  isOutcome(name: unknown): name is TOutcome;
  /** Words for a track (top-level region). */
  trackLabel(key: string): string;
  /** Words for a state key inside its track. */
  stateLabel(key: string): string;
  /** The model this one extends with tracks of its own (`extendModel`), if any. */
  readonly base?: Model;
}

/** True when `model` is `other` or extends it, directly or through other extensions. */
export function buildsOn(model: Model, other: Model): boolean {
  for (let m: Model | undefined = model; m !== undefined; m = m.base) if (m.id === other.id) return true;
  return false;
}

/** The event types of a model. */
export type EventTypeOf<M extends Model> = M['eventTypes'][number];
/** The actor ids of a model. */
export type ActorIdOf<M extends Model> = M['actorIds'][number];
/** The outcomes of a model. */
export type OutcomeOf<M extends Model> = M['outcomeNames'][number];

/**
 * Split a state key into words: `awaitingRussia` → `awaiting russia`, each
 * word spelled as `properWords` says where it names one (`russia` → `Russia`).
 */
export function splitWords(key: string, properWords: Readonly<Record<string, string>> = {}): string {
  return key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(' ')
    .map((word) => (Object.hasOwn(properWords, word) ? properWords[word]! : word))
    .join(' ');
}

/**
 * Gather what the engine needs of a statechart into one model value.
 * @example
 * export const truce = defineModel({ id: 'truce', title: 'A truce', machine, events, actors, outcomes, outcomeOf, resolvedOutcomes: ['expired'] });
 */
export function defineModel<
  TMachine extends AnyStateMachine,
  TEvent extends string,
  TActor extends string,
  TOutcome extends string,
>(input: ModelInput<TMachine, TEvent, TActor, TOutcome>): Model<TMachine, TEvent, TActor, TOutcome> {
  const has = (table: object) => (key: unknown) => typeof key === 'string' && Object.hasOwn(table, key);
  const properWords = input.properWords ?? {};
  const isEventType = has(input.events) as (type: unknown) => type is TEvent;
  const isActorId = has(input.actors) as (id: unknown) => id is TActor;
  const isOutcome = has(input.outcomes) as (name: unknown) => name is TOutcome;
  return {
    id: input.id,
    title: input.title,
    machine: input.machine,
    events: input.events,
    eventTypes: Object.keys(input.events) as TEvent[],
    actors: input.actors,
    actorIds: Object.keys(input.actors) as TActor[],
    outcomes: input.outcomes,
    outcomeNames: Object.keys(input.outcomes) as TOutcome[],
    resolvedOutcomes: new Set<string>(input.resolvedOutcomes),
    invariants: input.invariants ?? [],
    contextFields: input.contextFields,
    outcomeOf: (state) => input.outcomeOf(state),
    isEventType,
    isActorId,
    isOutcome,
    trackLabel: (key) => (input.trackLabel ? input.trackLabel(key) : key),
    stateLabel: (key) => (input.stateLabel ? input.stateLabel(key) : splitWords(key, properWords)),
  };
}
