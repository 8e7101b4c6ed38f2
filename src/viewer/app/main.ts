import type { DiagramLayout, ViewData, ViewRoad, ViewScenario, ViewStep } from '../view-data.js';
import { Diagram, PRESENTER_SCALE, READABLE_SCALE } from './diagram.js';
import { renderTracks, trackLines } from './tracks.js';
import { readPlace, writePlace, type Place } from './hash.js';
import { drawStoryMap, type StoryMap } from './story-map.js';
import { dayClusters, displayDate, gapLabel, gapWidth, spokenDate } from './timeline.js';
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

/** A place where keys type text: there, and only there, the story keys stay out. */
function isTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || (target instanceof HTMLElement && target.isContentEditable);
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
  presenter = false;
  /** The live panel: inspected actors, their events, and which moment the chart shows. */
  inspector: Inspector | null = null;
  /** Live machines' charts, drawn once per layout. */
  readonly liveCharts = new WeakMap<DiagramLayout, Diagram>();
  /** The chart in the box: the story's, or the live machine's. */
  shown: Diagram;
  /** The story map of the scenario it was drawn for (drawn when first opened). */
  map: { scenario: ViewScenario; drawn: StoryMap } | null = null;
  /** Where focus goes back to when each dialog closes. */
  readonly returnFocus = new Map<HTMLDialogElement, HTMLElement | null>();

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
    for (const id of ['map', 'keys']) {
      const dialog = $<HTMLDialogElement>(id);
      dialog.addEventListener('close', () => this.returnFocus.get(dialog)?.focus());
      $(`${id}-close`).addEventListener('click', () => dialog.close());
    }
    $('map-open').addEventListener('click', () => this.toggleMap());
    $('keys-open').addEventListener('click', () => this.toggleKeys());
    $('prev').addEventListener('click', () => this.move(this.index - 1));
    $('next').addEventListener('click', () => this.move(this.index + 1));
    $('zoom-in').addEventListener('click', () => this.shown.zoom(1.25));
    $('zoom-out').addEventListener('click', () => this.shown.zoom(0.8));
    $('zoom-fit').addEventListener('click', () => this.toggleWhole());
    $('presenter').addEventListener('click', () => this.togglePresenter());
    $('live-toggle').addEventListener('click', () => {
      this.showLive = !this.showLive;
      $('live-toggle').setAttribute('aria-pressed', String(this.showLive));
      this.paintDiagram();
    });
    document.addEventListener('keydown', (e) => this.key(e));
    window.addEventListener('hashchange', () => this.go(readPlace(location.hash), false));
    this.go(readPlace(location.hash), false);
  }

  /** The one rule: keys step the story unless a text field has focus; keys with Alt, Ctrl or Meta are the browser's. */
  key(e: KeyboardEvent): void {
    if (e.altKey || e.ctrlKey || e.metaKey || isTextField(e.target)) return;
    const toggle = (action: () => void) => () => {
      if (!e.repeat) action();
    };
    const actions: Record<string, () => void> = {
      ArrowRight: () => this.move(this.index + 1),
      ArrowLeft: () => this.move(this.index - 1),
      Home: () => this.move(0),
      End: () => this.move(this.road.steps.length - 1),
      m: toggle(() => this.toggleMap()),
      M: toggle(() => this.toggleMap()),
      p: toggle(() => this.togglePresenter()),
      P: toggle(() => this.togglePresenter()),
      f: toggle(() => this.toggleWhole()),
      F: toggle(() => this.toggleWhole()),
      '+': () => this.shown.zoom(1.25),
      '=': () => this.shown.zoom(1.25),
      '-': () => this.shown.zoom(0.8),
      '?': toggle(() => this.toggleKeys()),
    };
    const action = actions[e.key];
    // A focused menu would change its choice on ↑/↓ (and ←/→, handled above) behind the teacher's back.
    const menuKey = e.target instanceof HTMLSelectElement && ['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown'].includes(e.key);
    if (action || menuKey) e.preventDefault();
    action?.();
  }

  /** Open a dialog (closing any other), remembering where focus was so that closing it returns there. */
  openDialog(dialog: HTMLDialogElement): void {
    for (const other of document.querySelectorAll<HTMLDialogElement>('dialog[open]')) if (other !== dialog) other.close();
    if (dialog.open) return;
    this.returnFocus.set(dialog, document.activeElement instanceof HTMLElement ? document.activeElement : null);
    dialog.showModal();
  }

  /** The shortcuts dialog, opened or closed. */
  toggleKeys(): void {
    const dialog = $<HTMLDialogElement>('keys');
    if (dialog.open) dialog.close();
    else this.openDialog(dialog);
  }

  /** The story map, opened (focus on the step being read) or closed. */
  toggleMap(): void {
    const dialog = $<HTMLDialogElement>('map');
    if (dialog.open) {
      dialog.close();
      return;
    }
    this.openDialog(dialog);
    this.renderMap()?.focus();
  }

  /** Draw the map for the scenario being read, if it is not drawn yet, and mark the step; returns that step's button. */
  renderMap(): HTMLButtonElement | null {
    if (this.map?.scenario !== this.scenario) {
      const drawn = drawStoryMap($('map-canvas'), this.scenario, (road, step) => this.jumpFromMap(road.name, step));
      this.map = { scenario: this.scenario, drawn };
    }
    return this.map.drawn.mark(this.road, this.index);
  }

  /** A step chosen on the map: go there, close the map, and put focus on that step in the timeline. */
  jumpFromMap(branch: string | null, step: number): void {
    this.go({ scenario: this.scenario.id, branch, step });
    const map = $<HTMLDialogElement>('map');
    const here = document.querySelector<HTMLElement>('#timeline button[aria-current="step"]');
    this.returnFocus.set(map, here);
    map.close();
    // The browser puts focus back where it was before the map opened: move it on at once.
    here?.focus();
  }

  /** Focus the control that carries the story on: Next, or Previous at the road's last step. */
  focusStepControl(): void {
    const next = $<HTMLButtonElement>('next');
    (next.disabled ? $('prev') : next).focus();
  }

  move(index: number): void {
    const clamped = Math.max(0, Math.min(index, this.road.steps.length - 1));
    this.go({ scenario: this.scenario.id, branch: this.road.name, step: clamped + 1 });
  }

  go(place: Place, pushHash = true): void {
    // A link may name what is not there: open the nearest place and say so on the page.
    const unknown: string[] = [];
    let scenario = this.data.scenarios.find((s) => s.id === place.scenario);
    if (!scenario) {
      scenario = this.data.scenarios[0]!;
      if (place.scenario !== null) unknown.push(`No scenario '${place.scenario}'; showing '${scenario.id}'.`);
    }
    let road = scenario.roads.find((r) => r.name === place.branch);
    if (!road) {
      road = scenario.roads[0]!;
      if (place.branch !== null) unknown.push(`No branch '${place.branch}' in scenario '${scenario.id}'; showing the record.`);
    }
    const steps = road.steps.length;
    if (place.badStep !== undefined) unknown.push(`No step '${place.badStep}' (steps are numbered from 1); showing step 1.`);
    else if (place.step > steps) {
      const on = road.name ? `branch '${road.name}'` : 'the record';
      unknown.push(`No step ${place.step} on ${on}, which has ${steps} steps; showing step ${steps}.`);
    }
    const notice = $('notice');
    notice.textContent = unknown.join(' ');
    notice.hidden = unknown.length === 0;
    const scenarioChanged = scenario !== this.scenario;
    const roadChanged = road !== this.road;
    this.scenario = scenario;
    this.road = road;
    this.index = Math.max(0, Math.min(place.step - 1, road.steps.length - 1));
    if (place.presenter !== undefined) this.setPresenter(place.presenter);
    const hash = this.hash();
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
    // One item per date, spaced by the days since the date before; a button per step on that date.
    $('timeline').replaceChildren(
      ...dayClusters(this.road.steps).map((day) => {
        const item = text('li', '', 'day');
        item.style.marginLeft = `${gapWidth(day.daysBefore)}px`;
        const gap = gapLabel(day.daysBefore);
        if (gap) {
          const span = text('span', gap, 'gap');
          span.setAttribute('aria-hidden', 'true');
          span.style.width = `${gapWidth(day.daysBefore)}px`;
          item.append(span);
        }
        const label = text('time', day.label, 'day-label');
        label.dateTime = day.label;
        const row = text('div', '', 'day-steps');
        for (const i of day.steps) {
          const step = this.road.steps[i]!;
          const classes = [step.hypothetical ? 'what-if' : '', step.datePrecision === 'undated' ? 'undated' : ''].filter(Boolean).join(' ');
          const button = text('button', String(i + 1), classes || undefined);
          button.type = 'button';
          button.setAttribute('aria-label', `Go to step ${i + 1}: ${spokenDate(step)}, ${step.event.description}`);
          button.title = `${spokenDate(step)}: ${step.event.description}`;
          button.addEventListener('click', () => this.move(i));
          row.append(button);
          const roads = [...this.branchesAt(step), ...(this.road.name && step.id === this.road.from ? [this.scenario.roads[0]!] : [])];
          if (roads.length > 0) {
            const names = roads.map((r) => (r.name ? `What if: ${r.title}` : `The record: ${r.title}`)).join('; ');
            const mark = text('span', String(roads.length), 'fork-mark');
            mark.setAttribute('role', 'img');
            mark.setAttribute('aria-label', `Fork after step ${i + 1}: ${names}`);
            mark.title = `Fork after step ${i + 1}: ${names}`;
            row.append(mark);
          }
        }
        item.append(label, row);
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
    const strip = $('timeline').parentElement!;
    for (const [i, button] of [...$('timeline').querySelectorAll('button')].entries()) {
      if (i === this.index) {
        button.setAttribute('aria-current', 'step');
        // Scroll the timeline strip only, never the page: the story must stay where the reader is.
        const at = button.getBoundingClientRect();
        strip.scrollLeft += at.left - strip.getBoundingClientRect().left - strip.clientWidth / 2 + at.width / 2;
      } else button.removeAttribute('aria-current');
    }
    if ($<HTMLDialogElement>('map').open) this.renderMap();
    this.paintDiagram();
  }

  /** Branches that fork right after this step of the road being read. */
  branchesAt(step: ViewStep): ViewRoad[] {
    return this.scenario.roads.filter((r) => r.name && r.name !== this.road.name && r.from === step.id && !step.hypothetical);
  }

  renderFork(step: ViewStep): void {
    const choices = $('fork-choices');
    choices.replaceChildren(
      ...this.branchesAt(step).map((road, n) => {
        const choice = text('div', '', 'choice');
        const button = text('button', `What if: ${road.title}`);
        button.type = 'button';
        button.addEventListener('click', () => {
          this.go({ scenario: this.scenario.id, branch: road.name, step: this.index + 2 });
          this.focusStepControl();
        });
        choice.append(button);
        // The sentence in the articles that makes this road worth asking about, on the page beside its button.
        if (road.motivation) {
          const why = text('p', `“${road.motivation.quote}” — ${articleName(this.scenario, road.motivation.article, road.motivation.title)}`, 'motivation');
          why.id = `fork-why-${n}`;
          button.setAttribute('aria-describedby', why.id);
          choice.append(why);
        }
        return choice;
      }),
    );
    if (this.road.name && step.id === this.road.from) {
      const back = text('button', 'Back to the record');
      back.type = 'button';
      back.addEventListener('click', () => {
        this.go({ scenario: this.scenario.id, branch: null, step: this.index + 1 });
        this.focusStepControl();
      });
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

  /** Presenter mode: larger type, and the chart grows with it; kept in the URL. */
  togglePresenter(): void {
    this.setPresenter(!this.presenter);
    history.replaceState(null, '', this.hash());
  }

  setPresenter(on: boolean): void {
    if (on === this.presenter) return;
    this.presenter = on;
    document.body.classList.toggle('presenter', on);
    $('presenter').setAttribute('aria-pressed', String(on));
    this.diagram.setReadable(on ? PRESENTER_SCALE : READABLE_SCALE);
  }

  /** The URL hash of where the reader is. */
  hash(): string {
    return writePlace({ scenario: this.scenario.id, branch: this.road.name, step: this.index + 1, presenter: this.presenter });
  }

  /** The whole chart fitted to its box, or back to following the story at a readable size. */
  toggleWhole(): void {
    if (this.shown.whole) this.shown.follow();
    else this.shown.fit();
    $('zoom-fit').setAttribute('aria-pressed', String(this.shown.whole));
  }

  paintDiagram(): void {
    // The live machine holds the chart while the teacher shows it and the inspector has one to draw.
    if (this.showLive && this.inspector?.paint()) return;
    this.showStory();
  }

  /** The story's chart, at the step being read. */
  showStory(): void {
    const step = this.road.steps[this.index]!;
    const changed = new Set(step.changes.map((c) => c.track));
    // The camera goes to the states that changed: the lit leaves of the tracks this step changed.
    const focus = step.active.filter((path) => changed.has(path.split('.')[0]!));
    // The overview first: it sets how much room the chart's box has left.
    renderTracks($('tracks'), trackLines(this.data.diagram, step.active), changed);
    this.present(this.diagram).show(step.active, step.taken, focus);
    $('zoom-fit').setAttribute('aria-pressed', String(this.diagram.whole));
  }

  /** A live machine's chart, with `active` lit and the transitions `taken` marked. */
  showMachine(layout: DiagramLayout, name: string, active: readonly string[], taken: readonly string[]): void {
    let chart = this.liveCharts.get(layout);
    if (!chart) {
      chart = new Diagram(layout, $('diagram-box'), `The live machine ${name}`);
      this.liveCharts.set(layout, chart);
      // A machine of its own is shown whole first; Whole chart (f) then follows its changes.
      this.present(chart).fit();
    }
    this.present(chart).show(active, taken);
    $('zoom-fit').setAttribute('aria-pressed', String(chart.whole));
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
