// The chart as a class sees it on a projector: every track's state readable from the back row,
// the part that changed in view at a readable size, the whole chart one press away, and enough contrast.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import record from '../../scenarios/march-2025.js';
import { prepareViewData } from '../../src/viewer/prepare.js';
import { startViewer, type RunningViewer } from '../../src/viewer/server.js';
import { launchBrowser, open, screenshot, visit, type Visit } from './_browser.js';

const SLOW = { timeout: 60_000 };
const SCREENS = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;
const TRACKS = ['proposal', 'positions', 'aid', 'channel', 'leverage', 'battlefield', 'troops', 'assessments'];

let viewer: RunningViewer;
let browser: Browser;
let visits: Visit[] = [];

beforeAll(async () => {
  const data = await prepareViewData([record]);
  [viewer, browser] = await Promise.all([startViewer({ data, port: 0 }), launchBrowser()]);
}, 60_000);

afterEach(async () => {
  const seen = visits.flatMap((v) => v.problems);
  await Promise.all(visits.map((v) => v.close()));
  visits = [];
  expect(seen, 'console errors or page errors').toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await viewer?.close();
});

async function page(screen: { width: number; height: number }, place: string): Promise<Page> {
  const v = await visit(browser, screen);
  visits.push(v);
  await open(v.page, `${viewer.url}#${place}`);
  return v.page;
}

/** Each track of the overview: where its lines sit in the window, and how tall its type is drawn. */
function overview(p: Page): Promise<{ track: string; top: number; bottom: number; lineHeights: number[]; fontPx: number }[]> {
  return p.locator('#tracks li').evaluateAll((items) =>
    items.map((item) => {
      const range = document.createRange();
      range.selectNodeContents(item);
      const lines = [...range.getClientRects()];
      const box = item.getBoundingClientRect();
      return {
        track: (item as HTMLElement).dataset['track'] ?? '',
        top: box.top,
        bottom: box.bottom,
        lineHeights: lines.map((r) => r.height),
        fontPx: Math.min(...[...item.querySelectorAll('span')].map((s) => Number.parseFloat(getComputedStyle(s).fontSize))),
      };
    }),
  );
}

/** Lit state labels drawn inside the chart's box (what the class can see without scrolling), with their drawn heights. */
function visibleLitLabels(p: Page): Promise<{ label: string; height: number }[]> {
  return p.evaluate(() => {
    const box = document.getElementById('diagram-box')!.getBoundingClientRect();
    return [...document.querySelectorAll('svg#diagram g.state.atomic.active > text')]
      .map((text) => ({ label: text.textContent ?? '', rect: text.getBoundingClientRect() }))
      .filter(({ rect }) => rect.top >= box.top && rect.bottom <= box.bottom && rect.left >= box.left && rect.right <= box.right)
      .map(({ label, rect }) => ({ label, height: rect.height }));
  });
}

/** WCAG contrast ratio of two computed colours (`rgb(r, g, b)`). */
function contrast(a: string, b: string): number {
  const luminance = (colour: string) => {
    const [r, g, bl] = (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => Number(v) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('the chart a class can read', () => {
  for (const screen of SCREENS) {
    const at = `${screen.width}×${screen.height}`;

    it(`shows every track's current state on screen in type of 16 px or more at ${at}, with no zoom`, SLOW, async () => {
      for (const place of ['scenario=march-2025&step=1', 'scenario=march-2025&step=25', 'scenario=march-2025&step=37', 'scenario=march-2025&branch=truce-collapses&step=40']) {
        const p = await page(screen, place);
        const tracks = await overview(p);
        expect(tracks.map((t) => t.track), place).toEqual(TRACKS);
        for (const track of tracks) {
          expect(track.bottom, `${place}: ${track.track} on screen`).toBeLessThanOrEqual(screen.height);
          expect(track.top, `${place}: ${track.track} on screen`).toBeGreaterThanOrEqual(0);
          expect(track.fontPx, `${place}: ${track.track} type`).toBeGreaterThanOrEqual(16);
          expect(Math.min(...track.lineHeights), `${place}: ${track.track} line height`).toBeGreaterThanOrEqual(16);
        }
        if (place.endsWith('step=25')) await screenshot(p, `chart-step-25-${at}`);
      }
    });

    it(`opens each step on what changed, its lit labels 14 px or more, at ${at}`, SLOW, async () => {
      const p = await page(screen, 'scenario=march-2025&step=1');
      for (let step = 1; step <= 37; step += 2) {
        await p.evaluate((n) => (location.hash = `scenario=march-2025&step=${n}`), step);
        await expect.poll(() => p.locator('#step-counter').textContent()).toBe(`Step ${step} of 37`);
        const lit = await visibleLitLabels(p);
        expect(lit.length, `step ${step}: a lit state in view`).toBeGreaterThan(0);
        for (const label of lit) expect(label.height, `step ${step}: ${label.label}`).toBeGreaterThanOrEqual(14);
        // The transition just taken is in view too.
        const taken = await p.evaluate(() => {
          const box = document.getElementById('diagram-box')!.getBoundingClientRect();
          const edge = document.querySelector('svg#diagram g.transition.taken');
          if (!edge) return null;
          const r = edge.getBoundingClientRect();
          return r.bottom > box.top && r.top < box.bottom && r.right > box.left && r.left < box.right;
        });
        if (taken !== null) expect(taken, `step ${step}: the transition taken is in view`).toBe(true);
      }
    });
  }

  it('fits the whole chart inside its box with Whole chart, and follows the story again after', SLOW, async () => {
    const p = await page(SCREENS[0], 'scenario=march-2025&step=25');
    const whole = p.getByRole('button', { name: 'Whole chart' });
    await whole.click();
    expect(await whole.getAttribute('aria-pressed')).toBe('true');
    const fit = await p.evaluate(() => {
      const box = document.getElementById('diagram-box')!;
      const outer = box.getBoundingClientRect();
      const svg = document.getElementById('diagram')!.getBoundingClientRect();
      return {
        inside: svg.left >= outer.left - 1 && svg.right <= outer.right + 1 && svg.top >= outer.top - 1 && svg.bottom <= outer.bottom + 1,
        scrolls: box.scrollHeight > box.clientHeight + 1 || box.scrollWidth > box.clientWidth + 1,
        fills: Math.abs(svg.width - box.clientWidth) <= 1 || Math.abs(svg.height - box.clientHeight) <= 1,
      };
    });
    expect(fit).toEqual({ inside: true, scrolls: false, fills: true });
    await screenshot(p, 'chart-whole');
    // Stepping on keeps the whole chart until the teacher asks to follow again.
    await p.getByRole('button', { name: 'Next' }).click();
    expect(await whole.getAttribute('aria-pressed')).toBe('true');
    await whole.click();
    expect(await whole.getAttribute('aria-pressed')).toBe('false');
    expect((await visibleLitLabels(p)).length).toBeGreaterThan(0);
  });

  it('lights a state with 3:1 contrast against an unlit one, its label 4.5:1, and the current date on a branch 4.5:1', SLOW, async () => {
    const p = await page(SCREENS[0], 'scenario=march-2025&branch=truce-collapses&step=40');
    const colours = await p.evaluate(() => {
      const fill = (selector: string) => getComputedStyle(document.querySelector(selector)!).fill;
      const current = document.querySelector('#timeline button[aria-current="step"]')!;
      return {
        lit: fill('svg#diagram g.state.atomic.active > rect'),
        unlit: fill('svg#diagram g.state.atomic:not(.active) > rect'),
        litText: fill('svg#diagram g.state.atomic.active > text'),
        unlitText: fill('svg#diagram g.state.atomic:not(.active) > text'),
        hypothetical: current.classList.contains('what-if'),
        dateText: getComputedStyle(current).color,
        dateGround: getComputedStyle(current).backgroundColor,
      };
    });
    expect(colours.hypothetical).toBe(true);
    expect(contrast(colours.lit, colours.unlit)).toBeGreaterThanOrEqual(3);
    expect(contrast(colours.litText, colours.lit)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(colours.unlitText, colours.unlit)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(colours.dateText, colours.dateGround)).toBeGreaterThanOrEqual(4.5);
  });

  it('presenter mode enlarges the chart with the text and is kept in the URL', SLOW, async () => {
    const p = await page(SCREENS[0], 'scenario=march-2025&step=25');
    const before = Math.max(...(await visibleLitLabels(p)).map((l) => l.height));
    await p.getByRole('button', { name: 'Presenter mode' }).click();
    expect(p.url()).toContain('presenter=1');
    const after = Math.max(...(await visibleLitLabels(p)).map((l) => l.height));
    expect(after).toBeGreaterThan(before * 1.25);
    await screenshot(p, 'chart-presenter');
    await p.reload();
    await p.locator('svg#diagram').waitFor({ state: 'attached' });
    expect(await p.locator('body.presenter').count()).toBe(1);
    expect(await p.getByRole('button', { name: 'Presenter mode' }).getAttribute('aria-pressed')).toBe('true');
    await p.getByRole('button', { name: 'Presenter mode' }).click();
    expect(p.url()).not.toContain('presenter');
  });
});
