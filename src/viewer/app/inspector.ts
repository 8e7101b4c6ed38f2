import type { DiagramLayout } from '../view-data.js';
import { connectLive, type LiveActorInfo, type LiveEventInfo, type LiveSnapshotInfo } from './live.js';

/** What the inspector needs of the page: the Viewer keeps the chart's box and the story's chart. */
export interface ChartHost {
  /** True while the teacher has the live machine on the chart ("Show the live state on the chart"). */
  showLive: boolean;
  /** Draw a live machine's chart in the box with `active` state paths lit and the transition ids `taken` marked. */
  showMachine(layout: DiagramLayout, name: string, active: readonly string[], taken: readonly string[]): void;
  /** Put the story's chart back, at the step being read. */
  showStory(): void;
}

/** Rows the event log keeps, oldest dropped first. */
export const MAX_LOG_ROWS = 500;
/** Actors the page keeps; past it, the oldest session goes (never the one the chart follows). */
export const MAX_ACTORS = 1000;
/** Events an actor may have waiting for the state they led to. */
const MAX_PENDING = 64;
/** A payload longer than this is cut in the log row (the whole of it stays in the row's tooltip, up to 4 KB). */
const PAYLOAD_CHARS = 160;

/** An inspected actor as the page knows it. */
interface Actor {
  /** The page's own key: a session id comes again when another process starts (`x:0` of each run). */
  readonly key: string;
  readonly session: string;
  readonly parent: string | null;
  /** Key of the root actor of its session. */
  readonly root: string;
  readonly name: string;
  readonly machine: string | null;
  readonly at: number;
  readonly children: string[];
  value: unknown;
  status: string | null;
  layout: DiagramLayout | null;
  error: string | null;
  /** Events sent to it still waiting for the state they led to, oldest first. */
  readonly pending: Row[];
  /** The last event whose state arrived, for the transition to mark when following the latest state. */
  last: Row | null;
}

/** One event of the log and the state it led to. */
interface Row {
  readonly at: number;
  readonly type: string;
  readonly payload: string;
  /** Actor keys; `source` is null when the event came from outside. */
  readonly source: string | null;
  readonly target: string;
  readonly root: string;
  /** The target's state before and after; null until its snapshot arrives. */
  led: { readonly before: unknown; readonly after: unknown } | null;
  item: HTMLLIElement | null;
}

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const node = document.getElementById(id);
  if (!node) throw new Error(`missing #${id}`);
  return node as T;
};

function span(content: string, className: string): HTMLSpanElement {
  const node = document.createElement('span');
  node.className = className;
  node.textContent = content;
  return node;
}

/** Every active path of a state value, ancestors included, as the diagram names its boxes. */
export function activePaths(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [`${prefix}${value}`];
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => [`${prefix}${key}`, ...activePaths(child, `${prefix}${key}.`)]);
}

/** The leaf states of a state value as dotted paths (`door.open`); a state with no inner state is a leaf. */
export function leafPaths(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [`${prefix}${value}`];
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => {
    const inner = leafPaths(child, `${prefix}${key}.`);
    return inner.length ? inner : [`${prefix}${key}`];
  });
}

/** A time as HH:MM:SS, local. */
export function clockTime(at: number): string {
  const d = new Date(at);
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

/** The event's fields but its type, as compact JSON; empty when it has none. */
export function payloadOf(event: { readonly type: string } & Record<string, unknown>): string {
  const { type: _type, ...rest } = event;
  if (Object.keys(rest).length === 0) return '';
  try {
    return JSON.stringify(rest);
  } catch {
    return '(not JSON)';
  }
}

/** The ids of a layout's arrows for `type` that leave a state lit before and enter one lit after. */
export function takenEdges(layout: DiagramLayout, type: string, before: unknown, after: unknown): string[] {
  const was = new Set(activePaths(before));
  const now = new Set(activePaths(after));
  return layout.edges.filter((e) => e.event === type && was.has(e.source) && now.has(e.target)).map((e) => e.id);
}

/**
 * The live inspector panel: inspected actors as sessions and a tree, an
 * event log whose rows show the machine at that moment, and which actor
 * and moment the chart shows (through its {@link ChartHost}).
 */
export class Inspector {
  readonly #host: ChartHost;
  readonly #actors = new Map<string, Actor>();
  /** Session id → key of the newest actor with that id. */
  readonly #routes = new Map<string, string>();
  #rows: Row[] = [];
  #keys = 0;
  /** Key of the actor the chart follows. */
  #followed: string | null = null;
  /** The log row the chart shows; null to follow the latest state. */
  #moment: Row | null = null;

  constructor(host: ChartHost) {
    this.#host = host;
    $('live-follow').addEventListener('click', () => this.#backToLive());
    $('live-clear').addEventListener('click', () => this.clear());
    const tree = $('live-actors');
    tree.addEventListener('click', (e) => {
      const item = (e.target as Element | null)?.closest<HTMLElement>('[role="treeitem"]');
      if (item?.dataset['key']) this.follow(item.dataset['key']);
    });
    tree.addEventListener('keydown', (e) => this.#treeKey(e));
  }

  /** Listen to the viewer server's relay; a page opened from a file has none. */
  connect(): void {
    if (location.protocol !== 'http:' && location.protocol !== 'https:') {
      $('live-status').textContent = 'Live inspection needs the viewer server (`ceasefire view`).';
      $<HTMLButtonElement>('live-clear').disabled = true;
      return;
    }
    connectLive(`ws://${location.host}/inspect`, {
      onStatus: (status) => ($('live-status').textContent = status),
      onActor: (actor) => this.#addActor(actor),
      onEvent: (event) => this.#addEvent(event),
      onSnapshot: (snapshot) => this.#addSnapshot(snapshot),
      onDiagram: (session, diagram) => {
        const actor = this.#byRoute(session);
        if (!actor) return;
        if ('layout' in diagram) {
          actor.layout = diagram.layout;
          // The app's inspector cut its definition short (its serializationDepthLimit): say the chart is partial.
          if (diagram.partial) actor.error = 'drawn in part: the inspector cut the machine short (raise its serializationDepthLimit)';
        } else actor.error = diagram.error;
        if (actor.key !== this.#followed) return;
        this.#status();
        this.#refresh();
      },
    });
  }

  /** Draw the followed actor's machine at the chosen moment (or its latest state); false when there is no chart to draw yet. */
  paint(): boolean {
    const actor = this.#followed === null ? undefined : this.#actors.get(this.#followed);
    if (!actor?.layout) return false;
    const row = this.#moment ?? actor.last;
    const value = this.#moment?.led ? this.#moment.led.after : actor.value;
    const taken = row?.led ? takenEdges(actor.layout, row.type, row.led.before, row.led.after) : [];
    this.#host.showMachine(actor.layout, actor.name, activePaths(value), taken);
    return true;
  }

  /** Have the chart follow an actor (its latest state), and show its session's events. */
  follow(key: string): void {
    const actor = this.#actors.get(key);
    if (!actor) return;
    const before = this.#followed === null ? null : (this.#actors.get(this.#followed)?.root ?? null);
    this.#followed = key;
    this.#moment = null;
    this.#renderTree();
    if (before !== actor.root) this.#renderLog();
    else this.#markMoment();
    this.#status();
    this.#refresh();
  }

  /** Forget every session and the event log; actors that start later are received as usual. */
  clear(): void {
    this.#actors.clear();
    this.#routes.clear();
    this.#rows = [];
    this.#followed = null;
    this.#moment = null;
    this.#renderTree();
    this.#renderLog();
    this.#status();
    $('live-status').textContent = 'Cleared. Waiting for a live actor…';
    if (this.#host.showLive) this.#host.showStory();
  }

  #byRoute(session: string): Actor | undefined {
    const key = this.#routes.get(session);
    return key === undefined ? undefined : this.#actors.get(key);
  }

  #label(actor: Actor): string {
    const status = actor.status && actor.status !== 'active' ? ` (${actor.status})` : '';
    if (!actor.parent) return `${actor.name} · ${clockTime(actor.at)}${status}`;
    return `${actor.machine && actor.machine !== actor.name ? `${actor.name} (${actor.machine})` : actor.name}${status}`;
  }

  #addActor(info: LiveActorInfo): void {
    const parent = info.parent === null ? undefined : this.#byRoute(info.parent);
    // A child of a forgotten actor is forgotten with it.
    if (info.parent !== null && !parent) return;
    const key = `a${++this.#keys}`;
    const actor: Actor = {
      key,
      session: info.session,
      parent: parent?.key ?? null,
      root: parent?.root ?? key,
      name: info.name,
      machine: info.machine,
      at: info.at,
      children: [],
      value: info.value,
      status: null,
      layout: null,
      error: null,
      pending: [],
      last: null,
    };
    this.#actors.set(key, actor);
    // A second actor with the same session id (another process's `x:0`) takes the id over from here on.
    this.#routes.set(info.session, key);
    parent?.children.push(key);
    this.#trimActors();
    // The newest root actor is followed, as a new run is what the class is about to watch.
    if (!parent || this.#followed === null) this.follow(key);
    else this.#renderTree();
  }

  /** Past {@link MAX_ACTORS}, drop the oldest sessions the chart does not follow. */
  #trimActors(): void {
    const followedRoot = this.#followed === null ? null : this.#actors.get(this.#followed)?.root;
    for (const actor of this.#actors.values()) {
      if (this.#actors.size <= MAX_ACTORS) break;
      if (actor.parent !== null || actor.key === followedRoot) continue;
      const gone = new Set([...this.#actors.values()].filter((a) => a.root === actor.key).map((a) => a.key));
      for (const key of gone) {
        const dropped = this.#actors.get(key)!;
        if (this.#routes.get(dropped.session) === key) this.#routes.delete(dropped.session);
        this.#actors.delete(key);
      }
      this.#rows = this.#rows.filter((row) => !gone.has(row.root));
    }
  }

  #addEvent(info: LiveEventInfo): void {
    const target = this.#byRoute(info.session);
    if (!target) return;
    const source = info.source === null ? null : (this.#byRoute(info.source)?.key ?? null);
    const row: Row = { at: info.at, type: info.event.type, payload: payloadOf(info.event), source, target: target.key, root: target.root, led: null, item: null };
    target.pending.push(row);
    // An actor that never reports a state (not a machine) must not pile up events waiting for one.
    if (target.pending.length > MAX_PENDING) target.pending.shift();
    this.#rows.push(row);
    if (this.#rows.length > MAX_LOG_ROWS) {
      const dropped = this.#rows.shift();
      dropped?.item?.remove();
      if (dropped && dropped === this.#moment) this.#backToLive();
    }
    if (this.#followedRoot() === row.root) this.#appendRow(row);
  }

  #addSnapshot(info: LiveSnapshotInfo): void {
    const actor = this.#byRoute(info.session);
    if (!actor) return;
    // Each event an actor takes ends in a snapshot of it, in order; an event with none (refused before it was taken) keeps no state.
    const at = actor.pending.findIndex((row) => row.type === info.eventType);
    const row = at >= 0 ? actor.pending.splice(0, at + 1).at(-1) : undefined;
    if (row) {
      row.led = { before: actor.value, after: info.value };
      actor.last = row;
      if (row.item) this.#fillRow(row.item, row);
    }
    actor.value = info.value;
    if (info.status !== actor.status) {
      const shown = actor.status !== null || info.status !== 'active';
      actor.status = info.status;
      if (shown) this.#renderTree();
    }
    if (actor.key === this.#followed && this.#moment === null) this.#refresh();
  }

  #followedRoot(): string | null {
    return this.#followed === null ? null : (this.#actors.get(this.#followed)?.root ?? null);
  }

  /** Repaint the chart when the teacher has the live machine on it. */
  #refresh(): void {
    if (!this.#host.showLive) return;
    if (!this.paint()) this.#host.showStory();
  }

  /** The status line and the controls for the actor the chart follows. */
  #status(): void {
    const actor = this.#followed === null ? undefined : this.#actors.get(this.#followed);
    $<HTMLButtonElement>('live-toggle').disabled = !actor?.layout;
    $<HTMLButtonElement>('live-follow').disabled = this.#moment === null;
    const moment = $('live-moment');
    moment.hidden = this.#moment === null;
    moment.textContent = this.#moment
      ? `The chart shows ${this.#name(this.#moment.target)} just after ${this.#moment.type} at ${clockTime(this.#moment.at)}; choose Live to follow the latest state.`
      : '';
    if (!actor) return;
    const chart = actor.error ? ` — ${actor.error}` : !actor.layout ? ' — drawing its chart…' : actor.layout.nodes.length ? '' : ' — it has no states to draw';
    $('live-status').textContent = `Live actor: ${actor.name} (${actor.session})${chart}`;
  }

  #name(key: string | null): string {
    if (key === null) return 'outside';
    return this.#actors.get(key)?.name ?? 'a forgotten actor';
  }

  #renderTree(): void {
    const tree = $('live-actors');
    const ids = new Map<string, string>();
    const item = (actor: Actor, level: number): HTMLLIElement => {
      const li = document.createElement('li');
      li.setAttribute('role', 'treeitem');
      li.setAttribute('aria-level', String(level));
      li.dataset['key'] = actor.key;
      const selected = actor.key === this.#followed;
      li.setAttribute('aria-selected', String(selected));
      li.tabIndex = selected ? 0 : -1;
      const label = span(this.#label(actor), 'actor-label');
      // The item is named by its own label, not by its children's too.
      label.id = `live-actor-${actor.key}`;
      ids.set(actor.key, label.id);
      li.setAttribute('aria-labelledby', label.id);
      li.append(label);
      const children = actor.children.map((key) => this.#actors.get(key)).filter((child): child is Actor => child !== undefined);
      if (children.length) {
        const group = document.createElement('ul');
        group.setAttribute('role', 'group');
        group.append(...children.map((child) => item(child, level + 1)));
        li.append(group);
      }
      return li;
    };
    const roots = [...this.#actors.values()].filter((a) => a.parent === null);
    tree.replaceChildren(...roots.map((root) => item(root, 1)));
    const first = tree.querySelector<HTMLElement>('[role="treeitem"]');
    if (first && !tree.querySelector('[tabindex="0"]')) first.tabIndex = 0;
    $('live-no-actors').hidden = roots.length > 0;
  }

  /** Arrow keys move along the tree (and not the story's steps); Enter or Space has the chart follow the actor. */
  #treeKey(e: KeyboardEvent): void {
    const items = [...$('live-actors').querySelectorAll<HTMLElement>('[role="treeitem"]')];
    const current = (e.target as Element | null)?.closest<HTMLElement>('[role="treeitem"]');
    if (!current) return;
    const i = items.indexOf(current);
    let next: HTMLElement | null | undefined;
    if (e.key === 'ArrowDown') next = items[i + 1];
    else if (e.key === 'ArrowUp') next = items[i - 1];
    else if (e.key === 'Home') next = items[0];
    else if (e.key === 'End') next = items.at(-1);
    else if (e.key === 'ArrowLeft') next = current.parentElement?.closest<HTMLElement>('[role="treeitem"]');
    else if (e.key === 'ArrowRight') next = current.querySelector<HTMLElement>('[role="treeitem"]');
    else if (e.key === 'Enter' || e.key === ' ') {
      if (current.dataset['key']) this.follow(current.dataset['key']);
      $('live-actors').querySelector<HTMLElement>('[aria-selected="true"]')?.focus();
    } else return;
    e.preventDefault();
    e.stopPropagation();
    if (next) {
      for (const item of items) item.tabIndex = item === next ? 0 : -1;
      next.focus();
    }
  }

  #renderLog(): void {
    const root = this.#followedRoot();
    const log = $('live-events');
    for (const row of this.#rows) row.item = null;
    log.replaceChildren();
    const rootActor = root === null ? undefined : this.#actors.get(root);
    $('live-log-title').textContent = rootActor ? `Events of ${this.#label(rootActor)}` : 'Events';
    for (const row of this.#rows) if (row.root === root) this.#appendRow(row, false);
    this.#markMoment();
    log.scrollTop = log.scrollHeight;
  }

  #appendRow(row: Row, scroll = true): void {
    const log = $('live-events');
    const li = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'event-row';
    button.addEventListener('click', () => this.#choose(row));
    li.append(button);
    row.item = li;
    this.#fillRow(li, row);
    log.append(li);
    // Scroll the log's own box (never the page) while following the latest event.
    if (scroll && this.#moment === null) log.scrollTop = log.scrollHeight;
  }

  #fillRow(li: HTMLLIElement, row: Row): void {
    const button = li.firstElementChild as HTMLButtonElement;
    const payload = row.payload.length > PAYLOAD_CHARS ? `${row.payload.slice(0, PAYLOAD_CHARS)}…` : row.payload;
    const state = row.led ? leafPaths(row.led.after).join(', ') || '—' : '—';
    button.replaceChildren(
      span(clockTime(row.at), 'event-time'),
      ' ',
      span(row.type, 'event-type'),
      ' ',
      span(payload, 'event-payload'),
      ' ',
      span(`${this.#name(row.source)} → ${this.#name(row.target)}`, 'event-route'),
      ' ',
      span(state, 'event-state'),
    );
    button.title = row.payload.length > PAYLOAD_CHARS ? row.payload.slice(0, 4096) : '';
  }

  /** Show the machine just after a logged event: its target actor, the states it led to, the transition it took. */
  #choose(row: Row): void {
    if (!this.#actors.has(row.target)) return;
    if (this.#followed !== row.target) this.follow(row.target);
    this.#moment = row;
    if (!this.#host.showLive) {
      this.#host.showLive = true;
      $('live-toggle').setAttribute('aria-pressed', 'true');
    }
    this.#markMoment();
    this.#status();
    this.#refresh();
  }

  #backToLive(): void {
    this.#moment = null;
    this.#markMoment();
    this.#status();
    this.#refresh();
    const log = $('live-events');
    log.scrollTop = log.scrollHeight;
  }

  #markMoment(): void {
    for (const row of this.#rows) {
      const button = row.item?.firstElementChild;
      if (!button) continue;
      if (row === this.#moment) button.setAttribute('aria-current', 'true');
      else button.removeAttribute('aria-current');
    }
  }
}
