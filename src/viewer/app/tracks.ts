import type { DiagramLayout, DiagramNode } from '../view-data.js';

/** One track as the overview shows it: its label and the words of its current states. */
export interface TrackLine {
  readonly id: string;
  readonly label: string;
  /** Each active leaf state, labelled by its path under the track (`under consideration: agreed in principle`). */
  readonly states: readonly string[];
}

/**
 * Every track (top-level region) of the chart with its current states, in the
 * chart's order: what a class must be able to read from the back row.
 */
export function trackLines(layout: DiagramLayout, active: readonly string[]): TrackLine[] {
  const byId = new Map<string, DiagramNode>(layout.nodes.map((n) => [n.id, n]));
  const lit = new Set(active);
  const leaves = layout.nodes.filter((n) => n.kind === 'atomic' && lit.has(n.id));
  return layout.nodes
    .filter((n) => n.depth === 0)
    .map((track) => ({
      id: track.id,
      label: track.label,
      states: leaves
        .filter((leaf) => leaf.id.startsWith(`${track.id}.`))
        .map((leaf) => {
          // The labels of the states between the track and the leaf, as the command line writes them.
          const keys = leaf.id.slice(track.id.length + 1).split('.');
          return keys.map((_, i) => byId.get(`${track.id}.${keys.slice(0, i + 1).join('.')}`)?.label ?? keys[i]!).join(': ');
        }),
    }));
}

/** Draw the overview: one row per track, its current states after its name, the tracks `changed` marked. */
export function renderTracks(list: HTMLElement, lines: readonly TrackLine[], changed: ReadonlySet<string>): void {
  list.replaceChildren(
    ...lines.map((line) => {
      const item = document.createElement('li');
      item.dataset['track'] = line.id;
      if (changed.has(line.id)) {
        item.className = 'changed';
        item.setAttribute('aria-current', 'true');
      }
      const name = document.createElement('span');
      name.className = 'track-name';
      name.textContent = line.label;
      const states = document.createElement('span');
      states.className = 'track-states';
      states.textContent = line.states.join(' · ') || '—';
      item.append(name, states);
      return item;
    }),
  );
}
