import { createMachine, type AnyStateMachine, type AnyStateNodeConfig } from 'xstate';
import { defineModel, type ActorInfo, type EventInfo, type Invariant, type Matchable, type Model } from './model.js';

/**
 * What {@link extendModel} adds to a model: parallel tracks with the events
 * they take, actors, outcomes and invariants. A new track's transitions may use
 * the base model's named guards and actions (`isNotBackdated`,
 * `advanceCalendar`) and guards of its own, which may read the base model's
 * tracks (`stateIn('#ceasefire.proposal.inForce')`).
 */
export interface ModelExtension {
  /** The extended model's id, as `--model` and scenarios name it. */
  readonly id: string;
  readonly title: string;
  /** New top-level regions of the (parallel) base machine, by key. */
  readonly tracks: Readonly<Record<string, AnyStateNodeConfig>>;
  /** The event types the new tracks add (a track may also take the base model's). */
  readonly events: Readonly<Record<string, EventInfo>>;
  readonly actors?: Readonly<Record<string, ActorInfo>>;
  /** Named guards the new tracks use (XState guard implementations, `stateIn(…)` included). */
  readonly guards?: Readonly<Record<string, unknown>>;
  /** Named actions the new tracks use. */
  readonly actions?: Readonly<Record<string, unknown>>;
  /** Outcomes the extension adds, with a line of description. */
  readonly outcomes?: Readonly<Record<string, string>>;
  /** The outcome of a state, given the base model's: by default the base model's. */
  outcomeOf?(state: Matchable, base: string): string;
  /** Added outcomes that end the process. */
  readonly resolvedOutcomes?: Iterable<string>;
  readonly invariants?: readonly Invariant[];
  /** Words for the new tracks; by default their keys. */
  readonly trackLabels?: Readonly<Record<string, string>>;
  /** Words of the new tracks' state keys that keep their own spelling. */
  readonly properWords?: Readonly<Record<string, string>>;
}

/** Names `added` shares with `base`, for a one-line refusal. */
function clashes(base: object, added: object): string[] {
  return Object.keys(added).filter((key) => Object.hasOwn(base, key));
}

/**
 * A new model: `base` with parallel tracks, events, actors, outcomes and
 * invariants added, its own machine and tables untouched. Throws when the base
 * machine is not parallel or a track, event, actor or outcome is already the
 * base model's.
 * @example
 * const energy = extendModel(ceasefire2025, { id: 'ceasefire-energy', title: '…', tracks: { energyTruce }, events: { 'us.proposeEnergyTruce': … } });
 */
export function extendModel(base: Model, extension: ModelExtension): Model {
  const machine: AnyStateMachine = base.machine;
  if (machine.root.type !== 'parallel') throw new Error(`extendModel: model '${base.id}' is not parallel at its root; tracks cannot be added`);
  const config = machine.config;
  for (const [what, inBase, added] of [
    ['track', config.states ?? {}, extension.tracks],
    ['event type', base.events, extension.events],
    ['actor', base.actors, extension.actors ?? {}],
    ['outcome', base.outcomes, extension.outcomes ?? {}],
  ] as const) {
    const clash = clashes(inBase, added);
    if (clash.length) throw new Error(`extendModel: ${what} '${clash[0]}' is already model '${base.id}'s`);
  }
  const events = { ...base.events, ...extension.events };
  const implementations = machine.implementations as { guards?: object; actions?: object; delays?: object; actors?: object };
  const extended = createMachine(
    { ...config, meta: { ...(config.meta as object | undefined), events }, states: { ...config.states, ...extension.tracks } } as never,
    {
      ...implementations,
      guards: { ...implementations.guards, ...extension.guards },
      actions: { ...implementations.actions, ...extension.actions },
    } as never,
  ) as AnyStateMachine;
  const newTracks = new Set(Object.keys(extension.tracks));
  const properWords = extension.properWords ?? {};
  const model = defineModel({
    id: extension.id,
    title: extension.title,
    machine: extended,
    events,
    actors: { ...base.actors, ...extension.actors },
    outcomes: { ...base.outcomes, ...extension.outcomes },
    outcomeOf: (state) => {
      const outcome = base.outcomeOf(state);
      return extension.outcomeOf ? extension.outcomeOf(state, outcome) : outcome;
    },
    resolvedOutcomes: [...base.resolvedOutcomes, ...(extension.resolvedOutcomes ?? [])],
    invariants: [...base.invariants, ...(extension.invariants ?? [])],
    contextFields: base.contextFields,
    trackLabel: (key) => (newTracks.has(key) ? (extension.trackLabels?.[key] ?? key) : base.trackLabel(key)),
    // The extension's words respell the base's label word by word (the base's own proper words stay).
    stateLabel: (key) => respell(base.stateLabel(key), properWords),
  });
  return { ...model, base };
}

/** `label` with each word `words` names spelled its way. */
function respell(label: string, words: Readonly<Record<string, string>>): string {
  return label
    .split(' ')
    .map((word) => (Object.hasOwn(words, word) ? words[word]! : word))
    .join(' ');
}
