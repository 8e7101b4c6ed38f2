import type { DiagramLayout } from '../view-data.js';

const SVG = 'http://www.w3.org/2000/svg';

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>, parent?: Element): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  parent?.appendChild(node);
  return node;
}

/** The drawn statechart: boxes per state, arrows per transition, and what is lit. */
export class Diagram {
  readonly svg: SVGSVGElement;
  readonly #states = new Map<string, SVGGElement>();
  readonly #edges = new Map<string, SVGGElement>();
  #scale = 1;

  constructor(readonly layout: DiagramLayout, readonly box: HTMLElement, name: string) {
    this.svg = el('svg', { id: 'diagram', viewBox: `0 0 ${layout.width + 24} ${layout.height + 24}`, role: 'img' });
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

  /** Put this chart in its box, in place of whatever chart was there, fitted. */
  attach(): void {
    this.box.replaceChildren(this.svg);
    this.fit();
  }

  /** Light the active states and mark the transitions just taken; scroll the first change into view. */
  show(active: readonly string[], taken: readonly string[]): void {
    const lit = new Set(active);
    for (const [path, g] of this.#states) g.classList.toggle('active', lit.has(path));
    const marked = new Set(taken);
    for (const [id, g] of this.#edges) g.classList.toggle('taken', marked.has(id));
    const first = taken[0] ? this.#edges.get(taken[0]) : undefined;
    if (first) this.#reveal(first);
  }

  /** Paths currently lit, for tests and screen readers. */
  litPaths(): string[] {
    return [...this.#states].filter(([, g]) => g.classList.contains('active')).map(([path]) => path);
  }

  /** Scroll the chart's own box (never the page) so that `target` is in view. */
  #reveal(target: SVGGraphicsElement): void {
    const box = this.box.getBoundingClientRect();
    const at = target.getBoundingClientRect();
    if (at.left < box.left || at.right > box.right) this.box.scrollLeft += at.left - box.left - box.width / 3;
    if (at.top < box.top || at.bottom > box.bottom) this.box.scrollTop += at.top - box.top - box.height / 3;
  }

  zoom(factor: number): void {
    this.#scale = Math.min(4, Math.max(0.25, this.#scale * factor));
    this.#apply();
  }

  fit(): void {
    this.#scale = 1;
    this.#apply();
  }

  #apply(): void {
    this.svg.style.width = `${this.#scale * 100}%`;
    this.svg.style.height = 'auto';
  }
}
