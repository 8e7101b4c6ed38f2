import type { DiagramLayout, ViewData, ViewRoad, ViewScenario, ViewStep } from '../view-data.js';
import { Diagram } from './diagram.js';
import { readPlace, writePlace, type Place } from './hash.js';
import { Inspector, type ChartHost } from './inspector.js';

declare global {
  interface Window {
    CEASEFIRE_VIEW?: ViewData;
  }
}

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const node = document.getElementById(id);
  if (!node) throw new Error(`missing #${id}`);
  return node as T;
};

function text<K extends keyof HTMLElementTagNameMap>(tag: K, content: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.textContent = content;
  if (className) node.className = className;
  return node;
}

function displayDate(step: ViewStep): string {
  return step.datePrecision === 'month' ? step.date.slice(0, 7) : step.date;
}

/** The date as read aloud and in tooltips: an undated step says so. */
function spokenDate(step: ViewStep): string {
  return step.datePrecision === 'undated' ? `${step.date} (undated)` : displayDate(step);
}

/** How a quote's article is named: its own headline when it has one, else its date (never an invented title), then its id. */
function articleName(scenario: ViewScenario, id: string, title: string | null): string {
  if (title) return `${title} [${id}]`;
  const article = scenario.articles.find((a) => a.id === id);
  return article ? `Article of ${article.date} [${id}]` : `Article [${id}]`;
}

class Viewer implements ChartHost {
  readonly diagram: Diagram;
  scenario!: ViewScenario;
  road!: ViewRoad;
  index = 0;
  showLive = false;
  /** The live panel: inspected actors, their events, and which moment the chart shows. */
  inspector: Inspector | null = null;
  /** Live machines' charts, drawn once per layout. */
  readonly liveCharts = new WeakMap<DiagramLayout, Diagram>();
  /** The chart in the box: the story's, or the live machine's. */
  shown: Diagram;

  constructor(readonly data: ViewData) {
    this.diagram = new Diagram(data.diagram, $('diagram-box'), 'The statechart of the model');
    this.shown = this.diagram;
    const scenarioSelect = $<HTMLSelectElement>('scenario');
    for (const s of data.scenarios) scenarioSelect.append(new Option(s.title, s.id));
    scenarioSelect.addEventListener('change', () => this.go({ scenario: scenarioSelect.value, branch: null, step: 1 }));
    $<HTMLSelectElement>('branch').addEventListener('change', (e) => {
      const name = (e.target as HTMLSelectElement).value || null;
      const road = this.scenario.roads.find((r) => r.name === name)!;
      // Switching roads keeps the reader at the same step when the new road has it.
      this.go({ scenario: this.scenario.id, branch: name, step: Math.min(this.index + 1, road.steps.length) });
    });
    $('prev').addEventListener('click', () => this.move(this.index - 1));
    $('next').addEventListener('click', () => this.move(this.index + 1));
    $('zoom-in').addEventListener('click', () => this.shown.zoom(1.25));
    $('zoom-out').addEventListener('click', () => this.shown.zoom(0.8));
    $('zoom-fit').addEventListener('click', () => this.shown.fit());
    $('presenter').addEventListener('click', () => {
      const on = document.body.classList.toggle('presenter');
      $('presenter').setAttribute('aria-pressed', String(on));
    });
    $('live-toggle').addEventListener('click', () => {
      this.showLive = !this.showLive;
      $('live-toggle').setAttribute('aria-pressed', String(this.showLive));
      this.paintDiagram();
    });
    document.addEventListener('keydown', (e) => this.key(e));
    window.addEventListener('hashchange', () => this.go(readPlace(location.hash), false));
    this.go(readPlace(location.hash), false);
  }

  key(e: KeyboardEvent): void {
    const target = e.target as HTMLElement | null;
    if (target && (target.tagName === 'SELECT' || target.tagName === 'INPUT' || target.isContentEditable)) return;
    const moves: Record<string, () => number> = {
      ArrowRight: () => this.index + 1,
      ArrowLeft: () => this.index - 1,
      Home: () => 0,
      End: () => this.road.steps.length - 1,
    };
    const to = moves[e.key];
    if (!to) return;
    e.preventDefault();
    this.move(to());
  }

  move(index: number): void {
    const clamped = Math.max(0, Math.min(index, this.road.steps.length - 1));
    this.go({ scenario: this.scenario.id, branch: this.road.name, step: clamped + 1 });
  }

  go(place: Place, pushHash = true): void {
    const scenario = this.data.scenarios.find((s) => s.id === place.scenario) ?? this.data.scenarios[0]!;
    const road = scenario.roads.find((r) => r.name === place.branch) ?? scenario.roads[0]!;
    const scenarioChanged = scenario !== this.scenario;
    const roadChanged = road !== this.road;
    this.scenario = scenario;
    this.road = road;
    this.index = Math.max(0, Math.min(place.step - 1, road.steps.length - 1));
    const hash = writePlace({ scenario: scenario.id, branch: road.name, step: this.index + 1 });
    if (location.hash !== hash) {
      if (pushHash) history.pushState(null, '', hash);
      else history.replaceState(null, '', hash);
    }
    if (scenarioChanged) this.renderScenario();
    if (scenarioChanged || roadChanged) this.renderRoad();
    this.renderStep();
  }

  renderScenario(): void {
    $<HTMLSelectElement>('scenario').value = this.scenario.id;
    const select = $<HTMLSelectElement>('branch');
    select.replaceChildren(
      ...this.scenario.roads.map((r) => new Option(r.name ? `What if: ${r.title} (hypothetical)` : `The record: ${r.title}`, r.name ?? '')),
    );
  }

  renderRoad(): void {
    $<HTMLSelectElement>('branch').value = this.road.name ?? '';
    $('title').textContent = this.road.name ? `What if… ${this.road.title}` : this.scenario.title;
    const timeline = $('timeline');
    timeline.replaceChildren(
      ...this.road.steps.map((step, i) => {
        const item = document.createElement('li');
        const button = text('button', displayDate(step), step.hypothetical ? 'what-if' : undefined);
        button.type = 'button';
        button.setAttribute('aria-label', `Go to step ${i + 1}: ${spokenDate(step)}, ${step.event.description}`);
        button.title = step.event.description;
        button.addEventListener('click', () => this.move(i));
        item.append(button);
        return item;
      }),
    );
    $('outcome').textContent = `Outcome of this road: ${this.road.outcome} — ${this.road.outcomeText}`;
  }

  renderStep(): void {
    const step = this.road.steps[this.index]!;
    const total = this.road.steps.length;
    $('step-counter').textContent = `Step ${this.index + 1} of ${total}`;
    $<HTMLButtonElement>('prev').disabled = this.index === 0;
    $<HTMLButtonElement>('next').disabled = this.index === total - 1;
    const date = $<HTMLTimeElement>('step-date');
    date.textContent = displayDate(step);
    date.dateTime = step.date;
    // The article gives no day: the date is the article's, and the reader is told so.
    const precision = $('step-precision');
    precision.hidden = step.datePrecision !== 'undated';
    precision.textContent = step.datePrecision === 'undated' ? ' (undated)' : '';
    $('step-actor').textContent = step.actor;
    const badge = $('step-verification');
    const verification = step.hypothetical ? 'hypothetical' : (step.verification ?? (step.kind === 'timer' ? 'calendar' : ''));
    badge.textContent = verification;
    badge.className = `badge ${verification}`;
    $('step-event').textContent = step.event.description;
    const quotes = $('step-quotes');
    quotes.replaceChildren(
      ...step.sources.map((source) => {
        const block = document.createElement('blockquote');
        block.append(text('p', `“${source.quote}”`, 'quote'));
        block.append(text('cite', articleName(this.scenario, source.article, source.title)));
        return block;
      }),
    );
    // The article's credit (an outlet, or "reports") stays with its words; set as text, never as HTML.
    if (step.attribution) quotes.append(text('p', `Attribution: ${step.attribution}`, 'attribution'));
    if (step.sources.length === 0) {
      quotes.append(text('p', step.hypothetical ? 'A hypothetical step: no article reports it.' : 'The calendar moved on: no article reports it.', 'note'));
    }
    const note = $('step-note');
    note.hidden = !step.note;
    note.textContent = step.note ?? '';
    $('step-changes').replaceChildren(
      ...(step.changes.length
        ? step.changes.map((c) => text('li', `${c.track}: ${c.from.join(', ') || '—'} → ${c.to.join(', ') || '—'}`))
        : [text('li', 'No state changed.')]),
    );
    const banner = $('hypothetical');
    banner.hidden = !step.hypothetical;
    banner.textContent = step.hypothetical ? `Hypothetical branch: ${this.road.title}. This did not happen.` : '';
    this.renderFork(step);
    for (const [i, item] of [...$('timeline').children].entries()) {
      const button = item.firstElementChild as HTMLButtonElement;
      if (i === this.index) {
        button.setAttribute('aria-current', 'step');
        // Scroll the timeline strip only, never the page: the story must stay where the reader is.
        const strip = $('timeline').parentElement!;
        strip.scrollLeft = button.offsetLeft - strip.clientWidth / 2 + button.offsetWidth / 2;
      } else button.removeAttribute('aria-current');
    }
    this.paintDiagram();
  }

  renderFork(step: ViewStep): void {
    // Branches that fork right after this step of the road being read.
    const forks = this.scenario.roads.filter((r) => r.name && r.name !== this.road.name && r.from === step.id && !step.hypothetical);
    const choices = $('fork-choices');
    choices.replaceChildren(
      ...forks.map((road) => {
        const button = text('button', `What if: ${road.title}`);
        button.type = 'button';
        button.title = road.motivation ? `“${road.motivation.quote}” — ${articleName(this.scenario, road.motivation.article, road.motivation.title)}` : '';
        button.addEventListener('click', () => this.go({ scenario: this.scenario.id, branch: road.name, step: this.index + 2 }));
        return button;
      }),
    );
    if (this.road.name && step.id === this.road.from) {
      const back = text('button', 'Back to the record');
      back.type = 'button';
      back.addEventListener('click', () => this.go({ scenario: this.scenario.id, branch: null, step: this.index + 1 }));
      choices.append(back);
    }
    $('fork').hidden = choices.children.length === 0;
  }

  /** Show `diagram` in the chart's box, unless it is there already. */
  present(diagram: Diagram): Diagram {
    if (this.shown !== diagram) {
      diagram.attach();
      this.shown = diagram;
    }
    return diagram;
  }

  paintDiagram(): void {
    // The live machine holds the chart while the teacher shows it and the inspector has one to draw.
    if (this.showLive && this.inspector?.paint()) return;
    this.showStory();
  }

  /** The story's chart, at the step being read. */
  showStory(): void {
    const step = this.road.steps[this.index]!;
    this.present(this.diagram).show(step.active, step.taken);
  }

  /** A live machine's chart, with `active` lit and the transitions `taken` marked. */
  showMachine(layout: DiagramLayout, name: string, active: readonly string[], taken: readonly string[]): void {
    let chart = this.liveCharts.get(layout);
    if (!chart) {
      chart = new Diagram(layout, $('diagram-box'), `The live machine ${name}`);
      this.liveCharts.set(layout, chart);
    }
    this.present(chart).show(active, taken);
  }

  startLive(): void {
    this.inspector = new Inspector(this);
    this.inspector.connect();
  }
}

const data = window.CEASEFIRE_VIEW;
if (!data) {
  document.body.textContent = 'The viewer data (data.js) is missing.';
} else {
  const viewer = new Viewer(data);
  viewer.startLive();
  (window as unknown as { ceasefireViewer: Viewer }).ceasefireViewer = viewer;
}
