import type { AnyStateNode, StateValue } from 'xstate';
import { ceasefireMachine } from '../model/ceasefire.machine.js';

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
  readonly description: string;
  readonly states: readonly StateLabel[];
}

/** A track whose active states changed between two snapshots. */
export interface TrackChange {
  readonly track: string;
  readonly from: readonly string[];
  readonly to: readonly string[];
}

const PROPER_WORDS: Record<string, string> = {
  russia: 'Russia', russian: 'Russian', ukraine: 'Ukraine', ukrainian: 'Ukrainian', saudi: 'Saudi', arabia: 'Arabia',
  kremlin: 'Kremlin', moscow: 'Moscow', kursk: 'Kursk', sumy: 'Sumy', sudzha: 'Sudzha', novenke: "Noven'ke",
  us: 'U.S.', kyiv: 'Kyiv',
};

/** An event type as a reader sees it: a delayed event `xstate.after.truceLength.…` reads `after truceLength`. */
export function eventLabel(event: string): string {
  return event.startsWith('xstate.after.') ? `after ${event.split('.')[2] ?? 'delay'}` : event;
}

/** `awaitingRussia` → `awaiting Russia`. */
export function humanize(key: string): string {
  return key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(' ')
    .map((word) => PROPER_WORDS[word] ?? word)
    .join(' ');
}

/** Dotted paths of the active leaf states of a state value. */
export function leafPaths(value: StateValue, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix + value];
  return Object.entries(value).flatMap(([key, child]) => (child === undefined ? [] : leafPaths(child, `${prefix}${key}.`)));
}

function node(path: string): AnyStateNode {
  return ceasefireMachine.getStateNodeById(`ceasefire.${path}`);
}

function labelOf(path: string): string {
  const keys = path.split('.');
  // Regions of parallel states name the sub-track (`Sudzha Russian claim: claimed recaptured`); the track is implied.
  const regions = keys.slice(1, -1).filter((_, i) => node(keys.slice(0, i + 1).join('.')).type === 'parallel');
  const parentKey = keys.at(-2);
  // A state nested in a compound state of its track keeps its parent for context (`awaiting Russia: no comment`).
  const parentIsCompound = keys.length > 2 && !regions.includes(parentKey!) && node(keys.slice(0, -1).join('.')).type === 'compound';
  const leaf = humanize(keys.at(-1) ?? path);
  const prefix = [...regions, ...(parentIsCompound ? [parentKey!] : [])].map(humanize).join(' ');
  return prefix ? `${prefix}: ${leaf}` : leaf;
}

/** The model's tracks (top-level regions), in the machine's order. */
export function trackNames(): string[] {
  return Object.keys(ceasefireMachine.root.states);
}

/** The active states of a state value, grouped by track, with labels and descriptions. */
export function describeTracks(value: StateValue): TrackView[] {
  const paths = leafPaths(value);
  return trackNames().map((track) => ({
    track,
    description: node(track).description ?? '',
    states: paths
      .filter((path) => path.startsWith(`${track}.`))
      .map((path) => ({ path, label: labelOf(path), description: node(path).description ?? '' })),
  }));
}

/** The tracks whose active states differ between `before` and `after`, with labels. */
export function diffTracks(before: StateValue, after: StateValue): TrackChange[] {
  const was = describeTracks(before);
  return describeTracks(after).flatMap((now, i) => {
    const old = was[i]!;
    const oldPaths = new Set(old.states.map((s) => s.path));
    const newPaths = new Set(now.states.map((s) => s.path));
    const from = old.states.filter((s) => !newPaths.has(s.path)).map((s) => s.label);
    const to = now.states.filter((s) => !oldPaths.has(s.path)).map((s) => s.label);
    return from.length || to.length ? [{ track: now.track, from, to }] : [];
  });
}
