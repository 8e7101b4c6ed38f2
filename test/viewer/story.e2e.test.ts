// The shape of the story and the keys, in the system Chromium at a projector's
// 1280×720: a timeline spaced by date with its forks marked, the motivating
// sentence at each fork, a map of every road, a notice for a link to nowhere,
// and keys that follow one rule a teacher can trust.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import record from '../../scenarios/march-2025.js';
import { prepareViewData } from '../../src/viewer/prepare.js';
import { startViewer, type RunningViewer } from '../../src/viewer/server.js';
import type { ViewData, ViewRoad, ViewScenario } from '../../src/viewer/view-data.js';
import { currentTimelineStep, launchBrowser, open, screenshot, visit, type Visit } from './_browser.js';

const SLOW = { timeout: 60_000 };
const PROJECTOR = { width: 1280, height: 720 };
const STEPS = 37;
const REJECTS = 'russia-rejects-sanctions-follow';
const REJECTS_TITLE = 'Russia rejects the proposal outright and the threatened sanctions follow';
const COLLAPSES = 'truce-collapses';
const COLLAPSES_TITLE = 'Both parties accept revised terms and the truce starts; a violation is reported, then confirmed, and the truce collapses';

let data: ViewData;
let scenario: ViewScenario;
let viewer: RunningViewer;
let browser: Browser;
/** Pages opened by the running test; each must end without a console error or page error. */
let visits: Visit[] = [];

beforeAll(async () => {
  [data, browser] = await Promise.all([prepareViewData([record]), launchBrowser()]);
  scenario = data.scenarios.find((s) => s.id === 'march-2025')!;
  viewer = await startViewer({ data, port: 0 });
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

/** A page at the projector's size, opened at a place (a hash without its `#`). */
async function openAt(hash: string): Promise<Page> {
  const v = await visit(browser, PROJECTOR);
  visits.push(v);
  await open(v.page, `${viewer.url}#${hash}`);
  return v.page;
}

const road = (name: string | null): ViewRoad => scenario.roads.find((r) => r.name === name)!;
const roadLabel = (r: ViewRoad): string => (r.name ? `What if: ${r.title}` : `The record: ${r.title}`);
const counter = async (page: Page): Promise<string> => (await page.locator('#step-counter').textContent()) ?? '';
const hashOf = (page: Page): string => new URL(page.url()).hash;
const nextButton = (page: Page) => page.getByRole('button', { name: 'Next', exact: true });
const timelineButton = (page: Page, step: number) => page.locator('#timeline button').nth(step - 1);
/** The id, or else the accessible label, of the element that has focus. */
const focused = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const node = document.activeElement;
    return node?.id || node?.getAttribute('aria-label') || node?.tagName || '';
  });
/** Where a box sits across the window. */
const across = (page: Page, selector: string, n = 0) =>
  page.locator(selector).nth(n).evaluate((node) => {
    const box = node.getBoundingClientRect();
    return { left: box.left, right: box.right };
  });

describe('the shape of the story', () => {
  it('spaces the timeline by date: seven months look far, one day near, and one day’s steps form one group', SLOW, async () => {
    const page = await openAt('scenario=march-2025&step=1');
    const buttons = page.locator('#timeline button');
    expect(await buttons.count()).toBe(STEPS);

    // One group per date, in order, each with one label.
    const days = page.locator('#timeline > li');
    const labels = await page.locator('#timeline > li > time').allTextContents();
    expect(labels).toEqual(['2024-08', '2025-03', '2025-03-03', '2025-03-11', '2025-03-12', '2025-03-13', '2025-03-14']);
    expect(await days.count()).toBe(labels.length);
    const perDay = await days.evaluateAll((items) => items.map((item) => item.querySelectorAll('button').length));
    expect(perDay).toEqual([1, 1, 1, 3, 10, 16, 5]);

    // The gap from August 2024 to March 2025 is far wider than from one March day to the next.
    const august = await across(page, '#timeline > li', 0);
    const march = await across(page, '#timeline > li', 1);
    const twelfth = await across(page, '#timeline > li', 4);
    const thirteenth = await across(page, '#timeline > li', 5);
    const sevenMonths = march.left - august.right;
    const oneDay = thirteenth.left - twelfth.right;
    expect(oneDay).toBeGreaterThan(0);
    expect(sevenMonths).toBeGreaterThan(4 * oneDay);
    // Two days (1 → 3 March) sit further apart than one, eight (3 → 11 March) further still.
    const third = await across(page, '#timeline > li', 2);
    const eleventh = await across(page, '#timeline > li', 3);
    const twoDays = third.left - march.right;
    const eightDays = eleventh.left - third.right;
    expect(twoDays).toBeGreaterThan(oneDay);
    expect(eightDays).toBeGreaterThan(twoDays);
    expect(sevenMonths).toBeGreaterThan(eightDays);

    // The buttons run left to right in story order; the ten of 12 March stand side by side.
    const xs = await buttons.evaluateAll((nodes) => nodes.map((node) => node.getBoundingClientRect()).map((b) => ({ left: b.left, right: b.right })));
    for (let i = 1; i < xs.length; i++) expect(xs[i]!.left).toBeGreaterThan(xs[i - 1]!.right);
    for (let i = 7; i < 16; i++) expect(xs[i]!.left - xs[i - 1]!.right).toBeLessThan(8);

    // A month-precise step sits at its month; an undated step says it is undated.
    expect(await timelineButton(page, 1).getAttribute('aria-label')).toMatch(/^Go to step 1: 2024-08, /);
    const undated = timelineButton(page, 4);
    expect(await undated.getAttribute('aria-label')).toMatch(/^Go to step 4: 2025-03-11 \(undated\), /);
    expect(await undated.getAttribute('title')).toContain('(undated)');
    expect(await timelineButton(page, 6).getAttribute('aria-label')).not.toContain('undated');

    // The strip scrolls itself to the step, never the page.
    const scrollY = await page.evaluate(() => window.scrollY);
    await page.keyboard.press('End');
    expect(await currentTimelineStep(page)).toBe(STEPS);
    expect(await page.locator('.timeline-box').evaluate((strip) => strip.scrollLeft)).toBeGreaterThan(0);
    expect(await page.evaluate(() => window.scrollY)).toBe(scrollY);
    const last = await timelineButton(page, STEPS).evaluate((node) => {
      const box = node.getBoundingClientRect();
      return { left: box.left, right: box.right, width: window.innerWidth };
    });
    expect(last.left).toBeGreaterThanOrEqual(0);
    expect(last.right).toBeLessThanOrEqual(last.width);
    await screenshot(page, 'story-01-timeline-by-date');
  });

  it('marks the forks on the timeline, naming the roads that leave there', SLOW, async () => {
    const page = await openAt('scenario=march-2025&step=1');
    const marks = page.locator('#timeline [role="img"]');
    const forkSteps = [...new Set(scenario.roads.filter((r) => r.name).map((r) => road(null).steps.findIndex((s) => s.id === r.from) + 1))].sort((a, b) => a - b);
    expect(await marks.count()).toBe(forkSteps.length);

    for (const step of forkSteps) {
      const leaving = scenario.roads.filter((r) => r.name && r.from === road(null).steps[step - 1]!.id);
      const mark = page.getByRole('img', { name: `Fork after step ${step}: ${leaving.map(roadLabel).join('; ')}` });
      expect(await mark.isVisible()).toBe(true);
      expect(await mark.textContent()).toBe(String(leaving.length));
      // The mark follows the step the roads fork after.
      expect(await mark.evaluate((node) => node.previousElementSibling?.getAttribute('aria-label') ?? '')).toMatch(new RegExp(`^Go to step ${step}: `));
    }
    expect(await page.getByRole('img', { name: new RegExp(`^Fork after step 23: What if: ${REJECTS_TITLE}$`) }).count()).toBe(1);

    // On a branch, the mark at its fork names the record it left.
    await page.goto(`${viewer.url}#scenario=march-2025&branch=${REJECTS}&step=24`);
    await expect.poll(() => counter(page)).toBe('Step 24 of 25');
    expect(await page.getByRole('img', { name: /^Fork after step 23: The record: / }).isVisible()).toBe(true);
  });

  it('keeps the current step legible on the timeline, on the record and on a branch', SLOW, async () => {
    const contrast = (page: Page) =>
      page.locator('#timeline button[aria-current="step"]').evaluate((node) => {
        const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
        const luminance = (css: string) => {
          const [r, g, b] = rgb(css).map((c) => {
            const v = c / 255;
            return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
          });
          return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
        };
        const style = getComputedStyle(node);
        const [a, b] = [luminance(style.color), luminance(style.backgroundColor)].sort((x, y) => y - x);
        return (a! + 0.05) / (b! + 0.05);
      });
    const page = await openAt('scenario=march-2025&step=25');
    expect(await contrast(page)).toBeGreaterThanOrEqual(4.5);
    await page.goto(`${viewer.url}#scenario=march-2025&branch=${COLLAPSES}&step=40`);
    await expect.poll(() => counter(page)).toBe('Step 40 of 43');
    expect(await page.locator('#timeline button[aria-current="step"]').getAttribute('class')).toContain('what-if');
    expect(await contrast(page)).toBeGreaterThanOrEqual(4.5);
  });

  it('shows each branch’s motivating sentence from the articles on the page at the fork', SLOW, async () => {
    const page = await openAt('scenario=march-2025&step=37');
    const leaving = scenario.roads.filter((r) => r.name && r.from === road(null).steps[STEPS - 1]!.id);
    expect(leaving.length).toBeGreaterThanOrEqual(2);
    const articleName = (id: string, title: string | null): string => {
      if (title) return `${title} [${id}]`;
      const article = scenario.articles.find((a) => a.id === id);
      return article ? `Article of ${article.date} [${id}]` : `Article [${id}]`;
    };
    const shown = page.locator('#fork .motivation');
    expect(await shown.count()).toBe(leaving.length);
    for (const [i, branch] of leaving.entries()) {
      const motivation = branch.motivation!;
      const sentence = `“${motivation.quote}” — ${articleName(motivation.article, motivation.title)}`;
      expect(await shown.nth(i).textContent()).toBe(sentence);
      expect(await shown.nth(i).isVisible()).toBe(true);
      // The button beside it is described by it, for a screen reader too.
      const button = page.getByRole('button', { name: `What if: ${branch.title}`, exact: true });
      expect(await button.isVisible()).toBe(true);
      expect(await button.evaluate((node) => document.getElementById(node.getAttribute('aria-describedby') ?? '')?.textContent)).toBe(sentence);
    }
    await screenshot(page, 'story-02-fork-with-motivations');
  });

  it('opens a map of every road with m, marks the step being read, and jumps to a branch step', SLOW, async () => {
    const page = await openAt('scenario=march-2025&step=21');
    const map = page.getByRole('dialog', { name: 'Story map' });
    expect(await map.isVisible()).toBe(false);

    await page.keyboard.press('m');
    expect(await map.isVisible()).toBe(true);
    // Every road is there, the record first, each with its steps as buttons.
    const roads = map.getByRole('group');
    expect(await roads.count()).toBe(scenario.roads.length);
    expect(await roads.first().getAttribute('aria-labelledby')).not.toBeNull();
    for (const r of scenario.roads) {
      const row = map.getByRole('group', { name: roadLabel(r), exact: true });
      expect(await row.count()).toBe(1);
      expect(await row.getByRole('button').first().isVisible()).toBe(true);
    }
    const recordRow = map.getByRole('group', { name: roadLabel(road(null)), exact: true });
    expect(await recordRow.getByRole('button').count()).toBe(STEPS);
    const collapses = map.getByRole('group', { name: roadLabel(road(COLLAPSES)), exact: true });
    // A branch's own steps only: the ones after its fork.
    expect(await collapses.getByRole('button').allTextContents()).toEqual(['38', '39', '40', '41', '42', '43']);
    // The step being read is marked, and has focus.
    expect(await map.locator('[aria-current="step"]').count()).toBe(1);
    expect(await recordRow.getByRole('button').nth(20).getAttribute('aria-current')).toBe('step');
    expect(await focused(page)).toMatch(/^The record: .*, step 21: /);
    // Each branch leaves the record to the right of its fork step and below it, as Twine draws a story.
    const forkAt = await recordRow.getByRole('button').nth(STEPS - 1).boundingBox();
    const firstOwn = await collapses.getByRole('button').first().boundingBox();
    expect(firstOwn!.x).toBeGreaterThan(forkAt!.x);
    expect(firstOwn!.y).toBeGreaterThan(forkAt!.y);
    await screenshot(page, 'story-03-map');

    // Steps keep going behind the map, and the map follows.
    await page.keyboard.press('ArrowRight');
    expect(await counter(page)).toBe(`Step 22 of ${STEPS}`);
    expect(await recordRow.getByRole('button').nth(21).getAttribute('aria-current')).toBe('step');

    await collapses.getByRole('button', { name: new RegExp(`^What if: .*, step 41: `) }).click();
    expect(await map.isVisible()).toBe(false);
    expect(hashOf(page)).toBe(`#scenario=march-2025&branch=${COLLAPSES}&step=41`);
    expect(await counter(page)).toBe('Step 41 of 43');
    expect(await currentTimelineStep(page)).toBe(41);
    // Focus lands on the step in the timeline.
    expect(await focused(page)).toMatch(/^Go to step 41: /);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-current'))).toBe('step');

    // The Map button opens it too, on the branch's step; m closes it again.
    await page.getByRole('button', { name: 'Map', exact: true }).click();
    expect(await map.isVisible()).toBe(true);
    expect(await collapses.getByRole('button').nth(3).getAttribute('aria-current')).toBe('step');
    await page.keyboard.press('m');
    expect(await map.isVisible()).toBe(false);
    await expect.poll(() => focused(page)).toBe('map-open');
  });

  it('says on the page when a link names an unknown scenario, branch or step, and where it opened instead', SLOW, async () => {
    const page = await openAt('scenario=march-2025&step=3');
    const notice = page.getByRole('alert');
    expect(await page.locator('#notice').isHidden()).toBe(true);

    const cases: Array<[string, string, string]> = [
      ['scenario=april-2025&step=2', "No scenario 'april-2025'; showing 'march-2025'.", `Step 2 of ${STEPS}`],
      ['scenario=march-2025&branch=nope&step=5', "No branch 'nope' in scenario 'march-2025'; showing the record.", `Step 5 of ${STEPS}`],
      ['scenario=march-2025&step=99', `No step 99 on the record, which has ${STEPS} steps; showing step ${STEPS}.`, `Step ${STEPS} of ${STEPS}`],
      [`scenario=march-2025&branch=${REJECTS}&step=30`, `No step 30 on branch '${REJECTS}', which has 25 steps; showing step 25.`, 'Step 25 of 25'],
      ['scenario=march-2025&step=abc', "No step 'abc' (steps are numbered from 1); showing step 1.", `Step 1 of ${STEPS}`],
      ['scenario=march-2025&step=0', "No step '0' (steps are numbered from 1); showing step 1.", `Step 1 of ${STEPS}`],
    ];
    for (const [hash, says, at] of cases) {
      // A link followed in the open page (hashchange) and one opened afresh both say so.
      await page.evaluate((h) => (location.hash = h), hash);
      await expect.poll(() => page.locator('#notice').textContent()).toBe(says);
      expect(await notice.isVisible()).toBe(true);
      expect(await counter(page)).toBe(at);
    }
    const fresh = await openAt('scenario=nowhere&branch=nope&step=7');
    expect(await fresh.getByRole('alert').textContent()).toBe("No scenario 'nowhere'; showing 'march-2025'. No branch 'nope' in scenario 'march-2025'; showing the record.");
    expect(await counter(fresh)).toBe(`Step 7 of ${STEPS}`);
    expect(hashOf(fresh)).toBe('#scenario=march-2025&step=7');
    await screenshot(fresh, 'story-04-unknown-link');

    // The next step clears it.
    await nextButton(fresh).click();
    expect(await fresh.locator('#notice').isHidden()).toBe(true);
    await fresh.keyboard.press('ArrowLeft');
    expect(await fresh.locator('#notice').isHidden()).toBe(true);
  });
});

describe('keys a teacher can trust', () => {
  it('on a focused menu, the arrow keys step the story and the menu keeps its choice', SLOW, async () => {
    const page = await openAt('scenario=march-2025&step=3');
    const roadMenu = page.getByRole('combobox', { name: 'Branch' });
    await roadMenu.focus();

    await page.keyboard.press('ArrowRight');
    expect(await counter(page)).toBe(`Step 4 of ${STEPS}`);
    expect(await roadMenu.inputValue()).toBe('');
    await page.keyboard.press('ArrowLeft');
    expect(await counter(page)).toBe(`Step 3 of ${STEPS}`);
    expect(await roadMenu.inputValue()).toBe('');
    // ↑ and ↓ are no story keys: they change nothing, and the menu keeps its choice.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    expect(await roadMenu.inputValue()).toBe('');
    expect(await counter(page)).toBe(`Step 3 of ${STEPS}`);
    expect(await focused(page)).toBe('branch');

    // The same on a branch, in the scenario menu.
    await page.goto(`${viewer.url}#scenario=march-2025&branch=${REJECTS}&step=20`);
    await expect.poll(() => counter(page)).toBe('Step 20 of 25');
    await page.getByRole('combobox', { name: 'Scenario' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    expect(await counter(page)).toBe('Step 21 of 25');
    expect(await roadMenu.inputValue()).toBe(REJECTS);
    expect(await page.getByRole('combobox', { name: 'Scenario' }).inputValue()).toBe('march-2025');
  });

  it('leaves keys held with Alt, Ctrl or Meta to the browser', SLOW, async () => {
    const page = await openAt('scenario=march-2025&step=5');
    // Whether the page kept each key from the browser (preventDefault), seen after the viewer's own handler.
    await page.evaluate(() => {
      const w = window as unknown as { kept: string[] };
      w.kept = [];
      window.addEventListener('keydown', (e) => w.kept.push(`${e.key}:${e.defaultPrevented}`));
    });
    const kept = () => page.evaluate(() => (window as unknown as { kept: string[] }).kept.splice(0));

    for (const chord of ['Alt+ArrowLeft', 'Alt+ArrowRight', 'Control+ArrowRight', 'Meta+ArrowLeft', 'Alt+Home', 'Alt+m', 'Control+m', 'Alt+p']) {
      await page.keyboard.press(chord);
      expect(await counter(page), chord).toBe(`Step 5 of ${STEPS}`);
      expect((await kept()).filter((k) => k.endsWith(':true')), chord).toEqual([]);
    }
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await page.locator('body.presenter').count()).toBe(0);
    expect(hashOf(page)).toBe('#scenario=march-2025&step=5');

    // The same key alone is the story's.
    await page.keyboard.press('ArrowLeft');
    expect(await counter(page)).toBe(`Step 4 of ${STEPS}`);
    expect(await kept()).toEqual(['ArrowLeft:true']);
  });

  it('? opens the shortcuts; Escape closes them and focus returns where it was', SLOW, async () => {
    const page = await openAt('scenario=march-2025&step=2');
    await nextButton(page).click();
    expect(await focused(page)).toBe('next');

    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(await dialog.isVisible()).toBe(true);
    expect(await dialog.getByRole('heading', { name: 'Keyboard shortcuts' }).isVisible()).toBe(true);
    const keys = await dialog.locator('dt').allTextContents();
    expect(keys).toEqual(expect.arrayContaining(['→', '←', 'Home / End', 'm', 'p', '?', 'Esc']));
    expect(await dialog.locator('dd').count()).toBe(keys.length);
    await screenshot(page, 'story-05-shortcuts');

    await page.keyboard.press('Escape');
    expect(await dialog.isVisible()).toBe(false);
    await expect.poll(() => focused(page)).toBe('next');
    expect(await counter(page)).toBe(`Step 3 of ${STEPS}`);

    // The Keys button opens it too; its Close button returns focus to the Keys button.
    await page.getByRole('button', { name: 'Keys', exact: true }).click();
    expect(await dialog.isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(await dialog.isVisible()).toBe(false);
    await expect.poll(() => focused(page)).toBe('keys-open');
    // And ? a second time closes what ? opened.
    await page.keyboard.press('?');
    expect(await dialog.isVisible()).toBe(true);
    await page.keyboard.press('?');
    expect(await dialog.isVisible()).toBe(false);
  });

  it('p toggles presenter mode', SLOW, async () => {
    const page = await openAt('scenario=march-2025&step=25');
    const presenter = page.getByRole('button', { name: 'Presenter mode' });
    await page.keyboard.press('p');
    expect(await presenter.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('body.presenter').count()).toBe(1);
    await page.keyboard.press('p');
    expect(await presenter.getAttribute('aria-pressed')).toBe('false');
    expect(await page.locator('body.presenter').count()).toBe(0);
  });

  it('typing in a text field does not step the story', SLOW, async () => {
    const page = await openAt('scenario=march-2025&step=10');
    // The viewer has no text field of its own today; a page that embeds it may add one.
    expect(await page.locator('input, textarea, [contenteditable]').count()).toBe(0);
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.id = 'note-input';
      input.setAttribute('aria-label', 'Notes');
      const area = document.createElement('textarea');
      area.id = 'note-area';
      const editable = document.createElement('div');
      editable.id = 'note-editable';
      editable.contentEditable = 'true';
      document.querySelector('header')!.append(input, area, editable);
    });
    for (const id of ['note-input', 'note-area', 'note-editable']) {
      await page.locator(`#${id}`).focus();
      for (const key of ['ArrowRight', 'ArrowLeft', 'Home', 'End', 'm', 'p', '?']) await page.keyboard.press(key);
      expect(await counter(page), id).toBe(`Step 10 of ${STEPS}`);
      expect(await page.getByRole('dialog').count(), id).toBe(0);
      expect(await page.locator('body.presenter').count(), id).toBe(0);
      expect(await focused(page)).toBe(id);
    }
    expect(await page.locator('#note-input').inputValue()).toBe('mp?');
    expect(await page.locator('#note-area').inputValue()).toBe('mp?');
    expect(await page.locator('#note-editable').textContent()).toBe('mp?');

    // Out of the field, the same keys step again.
    await nextButton(page).focus();
    await page.keyboard.press('ArrowRight');
    expect(await counter(page)).toBe(`Step 11 of ${STEPS}`);
  });

  it('after a what-if or Back to the record, focus lands on Next (Previous at a road’s end); a road chosen in the menu keeps focus on the menu', SLOW, async () => {
    const page = await openAt('scenario=march-2025&step=23');
    await page.getByRole('button', { name: `What if: ${REJECTS_TITLE}`, exact: true }).click();
    expect(await counter(page)).toBe('Step 24 of 25');
    expect(await focused(page)).toBe('next');
    // Keys go on from there.
    await page.keyboard.press('ArrowLeft');
    expect(await counter(page)).toBe('Step 23 of 25');
    await page.getByRole('button', { name: 'Back to the record' }).click();
    expect(await counter(page)).toBe(`Step 23 of ${STEPS}`);
    expect(hashOf(page)).toBe('#scenario=march-2025&step=23');
    expect(await focused(page)).toBe('next');

    // At the record's end Next is disabled: focus goes to Previous.
    await page.keyboard.press('End');
    await page.getByRole('button', { name: `What if: ${COLLAPSES_TITLE}`, exact: true }).click();
    expect(await counter(page)).toBe('Step 38 of 43');
    expect(await focused(page)).toBe('next');
    await page.keyboard.press('ArrowLeft');
    await page.getByRole('button', { name: 'Back to the record' }).click();
    expect(await counter(page)).toBe(`Step ${STEPS} of ${STEPS}`);
    expect(await focused(page)).toBe('prev');

    // A road chosen in the menu: focus stays on the menu.
    const roadMenu = page.getByRole('combobox', { name: 'Branch' });
    await roadMenu.focus();
    await roadMenu.selectOption(COLLAPSES);
    expect(await counter(page)).toBe('Step 37 of 43');
    expect(await focused(page)).toBe('branch');
  });
});
