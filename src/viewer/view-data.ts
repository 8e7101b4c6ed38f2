import { replay, type StepResult } from '../engine/replay.js';
import type { Article, DatePrecision, Scenario } from '../engine/scenario.js';
import { leafPaths, type TrackChange } from '../engine/view.js';

/** A state box of the drawn statechart, in absolute coordinates. */
export interface DiagramNode {
  /** Dotted state path, e.g. `proposal.underConsideration`. */
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly kind: 'atomic' | 'compound' | 'parallel';
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly depth: number;
}

/** A transition arrow of the drawn statechart. */
export interface DiagramEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly event: string;
  readonly label: string;
  readonly points: ReadonlyArray<readonly [number, number]>;
  readonly labelAt: readonly [number, number];
}

/** The whole statechart laid out for drawing. */
export interface DiagramLayout {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly DiagramNode[];
  readonly edges: readonly DiagramEdge[];
}

/** One step as the viewer shows it: the story, the sources, and what to light up. */
export interface ViewStep {
  readonly id: string;
  readonly date: string;
  readonly datePrecision: DatePrecision;
  readonly kind: 'scenario' | 'timer';
  readonly hypothetical: boolean;
  readonly actor: string;
  readonly event: { readonly type: string; readonly description: string };
  /** Each quote with its article's headline (null when the article carries none). */
  readonly sources: ReadonlyArray<{ readonly article: string; readonly quote: string; readonly title: string | null }>;
  readonly verification: string | null;
  /** Who the article credits (`The New York Times reported`), shown with the quote; null when none. */
  readonly attribution: string | null;
  readonly note?: string;
  /** Every active state path, ancestors included. */
  readonly active: readonly string[];
  /** Ids of the diagram edges this step took. */
  readonly taken: readonly string[];
  readonly changes: readonly TrackChange[];
}

/** The record or one branch, with its steps. */
export interface ViewRoad {
  /** Null for the record. */
  readonly name: string | null;
  readonly title: string;
  /** The step it forks after (null for the record). */
  readonly from: string | null;
  readonly motivation: { readonly article: string; readonly quote: string; readonly title: string | null } | null;
  readonly outcome: string;
  readonly outcomeText: string;
  readonly steps: readonly ViewStep[];
}

/** A scenario with all its roads. */
export interface ViewScenario {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly articles: readonly Article[];
  readonly roads: readonly ViewRoad[];
}

/** Everything the viewer page needs, as plain JSON: no code, no functions. */
export interface ViewData {
  readonly diagram: DiagramLayout;
  readonly scenarios: readonly ViewScenario[];
}

/** Every active path of a state value, ancestors included. */
function activePaths(value: Parameters<typeof leafPaths>[0]): string[] {
  const all = new Set<string>();
  for (const leaf of leafPaths(value)) {
    const keys = leaf.split('.');
    keys.forEach((_, i) => all.add(keys.slice(0, i + 1).join('.')));
  }
  return [...all].sort();
}

function toViewSteps(steps: readonly StepResult[], articles: readonly Article[], diagram: DiagramLayout, initial: readonly string[]): ViewStep[] {
  const titles = new Map(articles.map((a) => [a.id, a.title ?? null]));
  let before = new Set(initial);
  return steps.map((step) => {
    const active = activePaths(step.state);
    const after = new Set(active);
    // The edges of this event that leave a state that was active and enter one that is now.
    const taken = diagram.edges
      .filter((e) => e.event === step.event.type && before.has(e.source) && after.has(e.target) && !before.has(e.target))
      .map((e) => e.id);
    before = after;
    return {
      id: step.id,
      date: step.date,
      datePrecision: step.datePrecision,
      kind: step.kind,
      hypothetical: step.hypothetical,
      actor: step.actor.name,
      event: step.event,
      sources: step.sources.map((s) => ({ ...s, title: titles.get(s.article) ?? null })),
      verification: step.verification,
      attribution: step.attribution,
      ...(step.note ? { note: step.note } : {}),
      active,
      taken,
      changes: step.changes,
    };
  });
}

/**
 * The viewer's data for some scenarios: each one's record and branches
 * replayed, with the states to light and the transitions taken at every step.
 */
export function buildViewData(scenarios: readonly Scenario[], diagram: DiagramLayout, initialValue: Parameters<typeof leafPaths>[0]): ViewData {
  const initial = activePaths(initialValue);
  return {
    diagram,
    scenarios: scenarios.map((scenario) => {
      const titles = new Map(scenario.articles.map((a) => [a.id, a.title ?? null]));
      const road = (name: string | null): ViewRoad => {
        const result = replay(scenario, { branch: name });
        const branch = scenario.branches.find((b) => b.name === name);
        return {
          name,
          title: branch ? branch.title : scenario.title,
          from: branch?.from ?? null,
          motivation: branch ? { ...branch.motivation, title: titles.get(branch.motivation.article) ?? null } : null,
          outcome: result.final.outcome,
          outcomeText: scenario.model.outcomes[result.final.outcome] ?? '',
          steps: toViewSteps(result.steps, scenario.articles, diagram, initial),
        };
      };
      return {
        id: scenario.id,
        title: scenario.title,
        description: scenario.description,
        articles: scenario.articles,
        roads: [road(null), ...scenario.branches.map((b) => road(b.name))],
      };
    }),
  };
}
