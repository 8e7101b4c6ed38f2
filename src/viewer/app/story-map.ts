import type { ViewRoad, ViewScenario } from '../view-data.js';
import { displayDate, spokenDate } from './timeline.js';

const SVG = 'http://www.w3.org/2000/svg';
/** Pixels per step column, per road row, above the record (its title), and the size of a step's button. */
const CELL = 27;
const ROW = 36;
const TOP = 24;
const LEFT = 6;
const BOX = 24;

/** The story map as drawn: marks the step being read. */
export interface StoryMap {
  /** Mark the step being read (on a branch before its fork, the record's step, which is the same); returns its button. */
  mark(road: ViewRoad, index: number): HTMLButtonElement | null;
}

function roadLabel(road: ViewRoad): string {
  return road.name ? `What if: ${road.title}` : `The record: ${road.title}`;
}

function place<T extends HTMLElement>(node: T, x: number, y: number): T {
  node.style.left = `${x}px`;
  node.style.top = `${y}px`;
  return node;
}

function line(svg: SVGSVGElement, d: string, className: string): void {
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', d);
  path.setAttribute('class', className);
  svg.append(path);
}

/**
 * Draw a scenario's roads as Twine draws a story: the record as a row of
 * steps, each branch as a row below that leaves the record at its fork
 * step; every step is a button that calls `jump` with its road and step (from 1).
 */
export function drawStoryMap(canvas: HTMLElement, scenario: ViewScenario, jump: (road: ViewRoad, step: number) => void): StoryMap {
  const record = scenario.roads.find((r) => r.name === null) ?? scenario.roads[0]!;
  // A step's column is its number: a branch shares the record's steps up to its fork.
  const forkOf = (road: ViewRoad): number => {
    const inRecord = record.steps.findIndex((s) => s.id === road.from);
    return inRecord >= 0 ? inRecord : road.steps.findIndex((s) => s.id === road.from);
  };
  const branches = scenario.roads
    .filter((r) => r !== record)
    .map((road) => ({ road, fork: forkOf(road) }))
    .sort((a, b) => a.fork - b.fork);
  const columns = Math.max(...scenario.roads.map((r) => r.steps.length));
  const width = LEFT * 2 + columns * CELL;
  const height = TOP + (branches.length + 1) * ROW;
  const x = (index: number) => LEFT + index * CELL;
  const rowY = (row: number) => TOP + row * ROW;

  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'map-lines');
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.setAttribute('aria-hidden', 'true');
  canvas.replaceChildren(svg);
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;

  const buttons = new Map<string, HTMLButtonElement[]>();
  const drawRoad = (road: ViewRoad, row: number, first: number, labelBox: { x: number; y: number; width: number; align: 'left' | 'right' }) => {
    const group = document.createElement('div');
    group.className = road.name ? 'map-road what-if' : 'map-road';
    group.setAttribute('role', 'group');
    const label = place(document.createElement('span'), labelBox.x, labelBox.y);
    label.className = 'map-label';
    label.textContent = roadLabel(road);
    label.title = roadLabel(road);
    label.id = `map-road-${row}`;
    label.style.width = `${labelBox.width}px`;
    label.style.textAlign = labelBox.align;
    group.setAttribute('aria-labelledby', label.id);
    group.append(label);
    const own: HTMLButtonElement[] = [];
    road.steps.forEach((step, i) => {
      if (i < first) return;
      const button = place(document.createElement('button'), x(i), rowY(row));
      button.type = 'button';
      button.className = step.hypothetical ? 'map-step what-if' : 'map-step';
      button.textContent = String(i + 1);
      button.setAttribute('aria-label', `${roadLabel(road)}, step ${i + 1}: ${spokenDate(step)}, ${step.event.description}`);
      button.title = `${displayDate(step)}: ${step.event.description}`;
      button.addEventListener('click', () => jump(road, i + 1));
      own[i] = button;
      group.append(button);
    });
    buttons.set(road.name ?? '', own);
    const y = rowY(row) + BOX / 2;
    line(svg, `M${x(first) + BOX / 2} ${y}H${x(road.steps.length - 1) + BOX / 2}`, road.name ? 'road what-if' : 'road');
    canvas.append(group);
  };

  drawRoad(record, 0, 0, { x: LEFT, y: 0, width: width - LEFT * 2, align: 'left' });
  branches.forEach(({ road, fork }, k) => {
    const row = k + 1;
    const forkX = x(fork) + BOX / 2;
    // The branch leaves the record's fork step, drops to its row and runs on to the right.
    line(svg, `M${forkX} ${rowY(0) + BOX}V${rowY(row) + BOX / 2 - 6}Q${forkX} ${rowY(row) + BOX / 2} ${forkX + 6} ${rowY(row) + BOX / 2}H${x(fork + 1)}`, 'fork what-if');
    drawRoad(road, row, fork + 1, { x: 0, y: rowY(row) + 4, width: Math.max(0, x(fork) - 6), align: 'right' });
  });

  return {
    mark(road, index) {
      for (const row of buttons.values()) for (const button of row) button?.removeAttribute('aria-current');
      const fork = road.name === null ? -1 : forkOf(road);
      const current = index <= fork ? buttons.get('')?.[index] : buttons.get(road.name ?? '')?.[index];
      current?.setAttribute('aria-current', 'step');
      return current ?? null;
    },
  };
}
