import type { AnyStateNode, StateValue } from 'xstate';
import type { Model } from './model.js';

/** One active state, as a reader sees it. */
export interface StateLabel {
  /** Dotted path under the machine root, e.g. `channel.envoy.inMoscow`. */
  readonly path: string;
  /** Short words for the state inside its track, e.g. `envoy: in Moscow`. */
  readonly label: string;
  readonly description: string;
}

/** A track (top-level region) and the states active in it. */
export interface TrackView {
  readonly track: string;
  /** Words for the track, as the model labels it (by default its key). */
  readonly label: string;
  readonly description: string;
  readonly states: readonly StateLabel[];
}

/** A track whose active states changed between two snapshots. */
export interface TrackChange {
  readonly track: string;
  readonly from: readonly string[];
  readonly to: readonly string[];
}

/** An event type as a reader sees it: a delayed event `xstate.after.truceLength.…` reads `after truceLength`. */
export function eventLabel(event: string): string {
  return event.startsWith('xstate.after.') ? `after ${event.split('.')[2] ?? 'delay'}` : event;
}

/** Dotted paths of the active leaf states of a state value. */
export function leafPaths(value: StateValue, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix + value];
  return Object.entries(value).flatMap(([key, child]) => (child === undefined ? [] : leafPaths(child, `${prefix}${key}.`)));
}

function node(model: Model, path: string): AnyStateNode {
  return model.machine.getStateNodeById(`${model.machine.id}.${path}`);
}

function labelOf(model: Model, path: string): string {
  const keys = path.split('.');
  // Regions of parallel states name the sub-track (`Sudzha Russian claim: claimed recaptured`); the track is implied.
  const regions = keys.slice(1, -1).filter((_, i) => node(model, keys.slice(0, i + 1).join('.')).type === 'parallel');
  const parentKey = keys.at(-2);
  // A state nested in a compound state of its track keeps its parent for context (`awaiting Russia: no comment`).
  const parentIsCompound = keys.length > 2 && !regions.includes(parentKey!) && node(model, keys.slice(0, -1).join('.')).type === 'compound';
  const leaf = model.stateLabel(keys.at(-1) ?? path);
  const prefix = [...regions, ...(parentIsCompound ? [parentKey!] : [])].map((key) => model.stateLabel(key)).join(' ');
  return prefix ? `${prefix}: ${leaf}` : leaf;
}

/** The model's tracks (top-level regions), in the machine's order. */
export function trackNames(model: Model): string[] {
  return Object.keys(model.machine.root.states);
}

/** The active states of a state value, grouped by track, with labels and descriptions. */
export function describeTracks(model: Model, value: StateValue): TrackView[] {
  const paths = leafPaths(value);
  return trackNames(model).map((track) => ({
    track,
    label: model.trackLabel(track),
    description: node(model, track).description ?? '',
    states: paths
      .filter((path) => path.startsWith(`${track}.`))
      .map((path) => ({ path, label: labelOf(model, path), description: node(model, path).description ?? '' })),
  }));
}

/** The tracks whose active states differ between `before` and `after`, with labels. */
export function diffTracks(model: Model, before: StateValue, after: StateValue): TrackChange[] {
  const was = describeTracks(model, before);
  return describeTracks(model, after).flatMap((now, i) => {
    const old = was[i]!;
    const oldPaths = new Set(old.states.map((s) => s.path));
    const newPaths = new Set(now.states.map((s) => s.path));
    const from = old.states.filter((s) => !newPaths.has(s.path)).map((s) => s.label);
    const to = now.states.filter((s) => !oldPaths.has(s.path)).map((s) => s.label);
    return from.length || to.length ? [{ track: now.track, from, to }] : [];
  });
}
