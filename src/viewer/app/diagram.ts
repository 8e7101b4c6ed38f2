import type { DiagramLayout } from '../view-data.js';

const SVG = 'http://www.w3.org/2000/svg';

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>, parent?: Element): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  parent?.appendChild(node);
  return node;
}

/** Pixels per layout unit at which a state's 12-unit label reads at 16 px: the scale the chart follows the story at. */
export const READABLE_SCALE = 1.35;
/** The same for presenter mode, where the chart grows with the text. */
export const PRESENTER_SCALE = 1.8;
/** Room kept around what the camera shows, in layout units. */
const MARGIN = 40;

/** A rectangle in layout units. */
interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The drawn statechart: boxes per state, arrows per transition, and what is lit. */
export class Diagram {
  readonly svg: SVGSVGElement;
  readonly #states = new Map<string, SVGGElement>();
  readonly #edges = new Map<string, SVGGElement>();
  readonly #width: number;
  readonly #height: number;
  /** CSS pixels per layout unit. */
  #scale = READABLE_SCALE;
  /** The scale the camera follows the story at (larger in presenter mode). */
  #readable = READABLE_SCALE;
  /** Whether the whole chart is shown, fitted to its box, instead of following what changed. */
  #whole = false;
  /** What the camera shows: all that changed when it fits the box, else the first state it landed on. */
  #lastFocus: { all: Box | null; first: Box | null } = { all: null, first: null };

  constructor(readonly layout: DiagramLayout, readonly box: HTMLElement, name: string) {
    this.#width = layout.width + 24;
    this.#height = layout.height + 24;
    this.svg = el('svg', { id: 'diagram', viewBox: `0 0 ${this.#width} ${this.#height}`, role: 'img' });
    this.svg.setAttribute('aria-label', `${name}, active states highlighted`);
    const defs = el('defs', {}, this.svg);
    const marker = el('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, defs);
    el('path', { d: 'M 0 0 L 10 5 L 0 10 z', fill: 'context-stroke' }, marker);
    const states = el('g', { class: 'states' }, this.svg);
    const edges = el('g', { class: 'transitions' }, this.svg);
    for (const node of layout.nodes) {
      const g = el('g', { class: `state ${node.kind}`, 'data-path': node.id }, states);
      el('rect', { x: node.x, y: node.y, width: node.width, height: node.height, rx: node.kind === 'atomic' ? 8 : 10 }, g);
      const text = el('text', node.kind === 'atomic'
        ? { x: node.x + node.width / 2, y: node.y + node.height / 2 + 4, 'text-anchor': 'middle' }
        : { x: node.x + 10, y: node.y + 19 }, g);
      text.textContent = node.label;
      el('title', {}, g).textContent = node.description;
      this.#states.set(node.id, g);
    }
    for (const edge of layout.edges) {
      if (edge.points.length < 2) continue;
      const g = el('g', { class: 'transition', 'data-event': edge.event, 'data-id': edge.id }, edges);
      el('path', { d: edge.points.map(([x, y], i) => `${i ? 'L' : 'M'} ${x} ${y}`).join(' '), 'marker-end': 'url(#arrow)' }, g);
      const label = el('text', { x: edge.labelAt[0], y: edge.labelAt[1] + 10 }, g);
      label.textContent = edge.label;
      this.#edges.set(edge.id, g);
    }
    this.attach();
  }

  /** Put this chart in its box, in place of whatever chart was there. */
  attach(): void {
    this.box.replaceChildren(this.svg);
    this.#apply();
  }

  /**
   * Light the active states and mark the transitions just taken; unless the
   * whole chart is shown, bring `focus` (state paths; by default what was
   * taken) into view at a scale a class can read.
   */
  show(active: readonly string[], taken: readonly string[], focus: readonly string[] = []): void {
    const lit = new Set(active);
    for (const [path, g] of this.#states) g.classList.toggle('active', lit.has(path));
    const marked = new Set(taken);
    for (const [id, g] of this.#edges) g.classList.toggle('taken', marked.has(id));
    const leaves = new Set(this.layout.nodes.filter((n) => n.kind === 'atomic').map((n) => n.id));
    // Where each transition taken lands, then the other changed states: the first is what the camera must show.
    const takenEdges = this.layout.edges.filter((e) => marked.has(e.id) && e.points.length >= 2);
    const landed = takenEdges.map((e) => e.target).filter((t) => leaves.has(t) && lit.has(t));
    const fallback = [...focus.filter((p) => leaves.has(p)), ...active.filter((p) => leaves.has(p))][0];
    // The state the first transition lands on (its arrow's head when it lands on a region); else the first changed state.
    const head = takenEdges[0];
    const first = head ? (leaves.has(head.target) ? this.#around([], [head.target]) : this.#around(head.points.slice(-1), [])) : fallback ? this.#around([], [fallback]) : null;
    this.#lastFocus = { all: this.#bounds(taken, [...landed, ...focus]), first };
    if (this.#whole) this.fit();
    else this.follow();
  }

  /** Paths currently lit, for tests and screen readers. */
  litPaths(): string[] {
    return [...this.#states].filter(([, g]) => g.classList.contains('active')).map(([path]) => path);
  }

  /** Whether the whole chart is shown, fitted to its box. */
  get whole(): boolean {
    return this.#whole;
  }

  /** The readable scale: larger in presenter mode, so that the chart grows with the text. */
  setReadable(scale: number): void {
    this.#readable = scale;
    if (!this.#whole) this.follow();
  }

  /** Follow the story: the part that changed, at the readable scale. */
  follow(): void {
    this.#whole = false;
    this.#scale = this.#readable;
    this.#apply();
    // A chart not in the box (the live one, or the story's while the live one is shown) must not move the box.
    if (!this.svg.isConnected) return;
    const { all, first } = this.#lastFocus;
    const fits = (b: Box) => b.width * this.#scale <= this.box.clientWidth && b.height * this.#scale <= this.box.clientHeight;
    const at = all && fits(all) ? all : (first ?? all);
    if (!at) return;
    this.box.scrollLeft = (at.x + at.width / 2) * this.#scale - this.box.clientWidth / 2;
    this.box.scrollTop = (at.y + at.height / 2) * this.#scale - this.box.clientHeight / 2;
  }

  zoom(factor: number): void {
    this.#scale = Math.min(4, Math.max(this.#fitScale() / 2, this.#scale * factor));
    this.#apply();
  }

  /** Show the whole chart inside its box, as large as it fits. */
  fit(): void {
    this.#whole = true;
    this.#scale = this.#fitScale();
    this.#apply();
    this.box.scrollLeft = 0;
    this.box.scrollTop = 0;
  }

  #fitScale(): number {
    const width = this.box.clientWidth || this.#width;
    const height = this.box.clientHeight || this.#height;
    // A small machine is not blown up past presenter size.
    return Math.min(width / this.#width, height / this.#height, PRESENTER_SCALE);
  }

  /** The layout-unit box around the taken transitions and the `paths` states, with a margin. */
  #bounds(taken: readonly string[], paths: readonly string[]): Box | null {
    const wanted = new Set(taken);
    return this.#around(this.layout.edges.filter((e) => wanted.has(e.id)).flatMap((e) => e.points), paths);
  }

  /** The layout-unit box around `points` and the `paths` leaf states, with a margin. */
  #around(points: ReadonlyArray<readonly [number, number]>, paths: readonly string[]): Box | null {
    const xs: number[] = points.map(([x]) => x);
    const ys: number[] = points.map(([, y]) => y);
    const named = new Set(paths);
    for (const node of this.layout.nodes) {
      // Leaves only: a lit ancestor's box would stretch the view over its whole region.
      if (!named.has(node.id) || node.kind !== 'atomic') continue;
      xs.push(node.x, node.x + node.width);
      ys.push(node.y, node.y + node.height);
    }
    if (xs.length === 0) return null;
    const x = Math.min(...xs) - MARGIN;
    const y = Math.min(...ys) - MARGIN;
    return { x, y, width: Math.max(...xs) + MARGIN - x, height: Math.max(...ys) + MARGIN - y };
  }

  #apply(): void {
    this.svg.style.width = `${this.#width * this.#scale}px`;
    this.svg.style.height = `${this.#height * this.#scale}px`;
  }
}
