// End-to-end tests of the classroom viewer in the system Chromium: a reader
// steps through the record, takes a what-if road, shares a link, presents,
// reads on a phone, opens the exported folder, watches a live run; and the
// server refuses what it must refuse.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { createWebSocketInspector } from '@statelyai/inspect';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createActor, setup } from 'xstate';
import record from '../../scenarios/march-2025.js';
import { INSPECTOR_OPTIONS } from '../../src/cli/inspect.js';
import { main } from '../../src/cli/main.js';
import { replayOnActor } from '../../src/engine/live.js';
import { exportViewer } from '../../src/viewer/export.js';
import { prepareViewData } from '../../src/viewer/prepare.js';
import { isTraversal, startViewer, ViewerError, type RunningViewer } from '../../src/viewer/server.js';
import type { ViewData } from '../../src/viewer/view-data.js';
import { currentTimelineStep, launchBrowser, litStates, open, placeInWindow, screenshot, story, takenEvents, visit, type Visit } from './_browser.js';

const SLOW = { timeout: 60_000 };
const STEPS = 37;
const ARGUED = 'proposal.underConsideration.agreedInPrinciple';
const REJECTS = 'russia-rejects-sanctions-follow';
const REJECTS_TITLE = 'Russia rejects the proposal outright and the threatened sanctions follow';
const COLLAPSES = 'truce-collapses';
const COLLAPSES_TITLE = 'Both parties accept revised terms and the truce starts; a violation is reported, then confirmed, and the truce collapses';
const QUIET_IO = { stdout: { write: () => true }, stderr: { write: () => true } };

let data: ViewData;
let viewer: RunningViewer;
let browser: Browser;
/** Pages opened by the running test; each must end without a console error or page error. */
let visits: Visit[] = [];

beforeAll(async () => {
  [data, browser] = await Promise.all([prepareViewData([record]), launchBrowser()]);
  viewer = await startViewer({ data, port: 0 });
}, 60_000);

afterEach(async () => {
  const seen = visits.flatMap((v) => v.problems);
  await Promise.all(visits.map((v) => v.close()));
  visits = [];
  expect(seen, 'console errors or page errors').toEqual([]);
});

afterAll(async () => {
  // Pages go first: a page whose server vanished would log a failed WebSocket reconnect.
  await browser?.close();
  await viewer?.close();
});

async function newVisit(viewport?: { width: number; height: number }): Promise<Visit> {
  const v = await visit(browser, viewport);
  visits.push(v);
  return v;
}

const place = (hash: string): string => `${viewer.url}#${hash}`;
const nextButton = (page: Page) => page.getByRole('button', { name: 'Next', exact: true });
const previousButton = (page: Page) => page.getByRole('button', { name: 'Previous', exact: true });
const branchSelect = (page: Page) => page.getByRole('combobox', { name: 'Branch' });
const hashOf = (page: Page): string => new URL(page.url()).hash;
const counter = async (page: Page): Promise<string> => (await page.locator('#step-counter').textContent()) ?? '';

describe('the classroom viewer in a browser', () => {
  it('steps through the whole record with the Next button', SLOW, async () => {
    const { page } = await newVisit();
    await open(page, place('scenario=march-2025&step=1'));

    // Step 1: the Kursk incursion, a month-precise date.
    expect(await story(page)).toMatchObject({
      counter: `Step 1 of ${STEPS}`,
      date: '2024-08',
      actor: 'Ukrainian forces',
      event: "Ukraine's forces cross into Russia's Kursk region and occupy ground.",
      verification: 'reported',
    });
    expect((await story(page)).quotes.length).toBeGreaterThan(0);
    expect(await previousButton(page).isDisabled()).toBe(true);
    expect(await nextButton(page).isEnabled()).toBe(true);
    expect(await litStates(page)).toEqual(expect.arrayContaining(['aid.flowing', 'battlefield.kursk.foothold', 'proposal.none']));
    expect(await page.locator('#timeline button').count()).toBe(STEPS);
    expect(await currentTimelineStep(page)).toBe(1);
    await screenshot(page, '01-record-step-1');

    const dates = [(await story(page)).date];
    for (let n = 2; n <= STEPS; n++) {
      await nextButton(page).click();
      const now = await story(page);
      expect(now.counter).toBe(`Step ${n} of ${STEPS}`);
      expect(now.date).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
      expect(now.event).not.toBe('');
      expect(['claimed', 'reported', 'assessed', 'confirmed', 'calendar']).toContain(now.verification);
      expect(await currentTimelineStep(page)).toBe(n);
      expect(hashOf(page)).toBe(`#scenario=march-2025&step=${n}`);
      dates.push(now.date);

      if (n === 3) {
        expect(now.date).toBe('2025-03-03');
        expect(now.quotes.join(' ')).toContain('its March 3 suspension of military aid for Kyiv');
        expect(now.quotes[0]).toMatch(/^“.*”$/);
        expect(now.cites[0]).toMatch(/ \[\d{3}\]$/);
        const lit = await litStates(page);
        expect(lit).toContain('aid.suspended');
        expect(lit).not.toContain('aid.flowing');
        expect(await takenEvents(page)).toHaveLength(1);
      }
      if (n === 25) {
        expect(now).toMatchObject({
          date: '2025-03-13',
          actor: 'Vladimir Putin',
          event: 'Russia agrees in principle and sets conditions ("yes, but").',
        });
        expect(await litStates(page)).toContain(ARGUED);
        expect(await takenEvents(page)).not.toEqual([]);
        await screenshot(page, '02-record-step-25-yes-but');
      }
    }

    // Step 35: the plea to spare the encircled troops, the end of the record.
    const last = await story(page);
    expect(last).toMatchObject({ counter: `Step ${STEPS} of ${STEPS}`, date: '2025-03-14', actor: 'Donald Trump' });
    expect(last.quotes.join(' ')).toContain('I have strongly requested to President Putin that their lives be spared.');
    expect(await litStates(page)).toEqual(
      expect.arrayContaining([ARGUED, 'aid.restored', 'channel.envoy.askedToConvey', 'battlefield.sumy.novenkeCaptureClaimed']),
    );
    expect(await nextButton(page).isDisabled()).toBe(true);
    expect(await previousButton(page).isEnabled()).toBe(true);
    // The record reads in calendar order.
    expect([...dates].sort()).toEqual(dates);
    await screenshot(page, '03-record-step-35');
  });

  it('walks the whole record with the ArrowRight key alone', SLOW, async () => {
    const { page } = await newVisit();
    await open(page, place('scenario=march-2025&step=1'));
    const dates: string[] = [];
    for (let step = 1; step <= STEPS; step++) {
      const seen = await story(page);
      expect(seen.counter).toBe(`Step ${step} of ${STEPS}`);
      dates.push(seen.date);
      if (step === 25) expect(await litStates(page)).toContain('proposal.underConsideration.agreedInPrinciple');
      if (step < STEPS) await page.keyboard.press('ArrowRight');
    }
    expect(dates).toEqual([...dates].sort());
    expect(dates.at(-1)).toBe('2025-03-14');
  });

  it('steps with the keyboard: ArrowRight, ArrowLeft, Home, End', SLOW, async () => {
    const { page } = await newVisit();
    await open(page, place('scenario=march-2025&step=1'));

    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await story(page)).toMatchObject({ counter: `Step 3 of ${STEPS}`, date: '2025-03-03' });
    expect(await litStates(page)).toContain('aid.suspended');

    await page.keyboard.press('ArrowLeft');
    expect(await counter(page)).toBe(`Step 2 of ${STEPS}`);

    await page.keyboard.press('End');
    expect(await story(page)).toMatchObject({ counter: `Step ${STEPS} of ${STEPS}`, date: '2025-03-14', actor: 'Donald Trump' });
    await page.keyboard.press('ArrowRight'); // nothing after the last step
    expect(await counter(page)).toBe(`Step ${STEPS} of ${STEPS}`);

    await page.keyboard.press('Home');
    expect(await story(page)).toMatchObject({ counter: `Step 1 of ${STEPS}`, date: '2024-08' });
    await page.keyboard.press('ArrowLeft'); // nothing before the first
    expect(await counter(page)).toBe(`Step 1 of ${STEPS}`);

    // The keys also work right after a button was clicked (focus on the button).
    await nextButton(page).click();
    await page.keyboard.press('ArrowRight');
    expect(await counter(page)).toBe(`Step 3 of ${STEPS}`);

    // On a focused menu the keys still step the story, and the menu keeps its choice.
    const scenarioSelect = page.getByRole('combobox', { name: 'Scenario' });
    await scenarioSelect.focus();
    await page.keyboard.press('End');
    expect(await counter(page)).toBe(`Step ${STEPS} of ${STEPS}`);
    await page.keyboard.press('Home');
    expect(await counter(page)).toBe(`Step 1 of ${STEPS}`);
    expect(await scenarioSelect.inputValue()).toBe('march-2025');
  });

  it('jumps with a timeline button, and the browser Back button returns', SLOW, async () => {
    const { page } = await newVisit();
    await open(page, place('scenario=march-2025&step=3'));

    const yesBut = page.getByRole('button', { name: 'Go to step 25: 2025-03-13, Russia agrees in principle and sets conditions ("yes, but").' });
    await yesBut.click();
    expect(await story(page)).toMatchObject({ counter: `Step 25 of ${STEPS}`, actor: 'Vladimir Putin' });
    expect(await yesBut.getAttribute('aria-current')).toBe('step');
    expect(await page.locator('#timeline [aria-current="step"]').count()).toBe(1);
    expect(await litStates(page)).toContain(ARGUED);
    expect(hashOf(page)).toBe('#scenario=march-2025&step=25');

    await page.getByRole('button', { name: /^Go to step 1: 2024-08, / }).click();
    expect(await story(page)).toMatchObject({ counter: `Step 1 of ${STEPS}`, date: '2024-08' });

    await page.goBack();
    await expect.poll(() => counter(page)).toBe(`Step 25 of ${STEPS}`);
    await page.goBack();
    await expect.poll(() => counter(page)).toBe(`Step 3 of ${STEPS}`);
    expect(await litStates(page)).toContain('aid.suspended');
  });

  it('takes a what-if road from the Road select and from a fork button', SLOW, async () => {
    const { page } = await newVisit();
    const banner = page.locator('#hypothetical');

    // The record has no banner.
    await open(page, place('scenario=march-2025&step=24'));
    expect(await banner.isHidden()).toBe(true);
    expect(await branchSelect(page).inputValue()).toBe('');

    // Choosing the road in the select keeps the reader at step 24, now the hypothetical rejection.
    await branchSelect(page).selectOption(REJECTS);
    expect(await story(page)).toMatchObject({
      counter: 'Step 24 of 25',
      event: 'Russia rejects the proposal outright.',
      verification: 'hypothetical',
    });
    expect(await banner.isVisible()).toBe(true);
    expect(await banner.getAttribute('role')).toBe('status');
    expect(await banner.textContent()).toBe(`Hypothetical branch: ${REJECTS_TITLE}. This did not happen.`);
    expect(hashOf(page)).toBe(`#scenario=march-2025&branch=${REJECTS}&step=24`);
    expect(await page.locator('#title').textContent()).toBe(`What if… ${REJECTS_TITLE}`);
    expect(await page.locator('#timeline button').count()).toBe(25);
    expect(await page.locator('#timeline button.what-if').count()).toBe(2);
    await screenshot(page, '04-branch-russia-rejects');

    // Back to the record in the select.
    await branchSelect(page).selectOption('');
    expect(await story(page)).toMatchObject({ counter: `Step 24 of ${STEPS}` });
    expect((await story(page)).verification).not.toBe('hypothetical');
    expect(await banner.isHidden()).toBe(true);
    expect(hashOf(page)).toBe('#scenario=march-2025&step=24');

    // At step 23 (the Kremlin aide dismisses the proposal) the story offers the fork.
    await previousButton(page).click();
    expect((await story(page)).event).toBe('A Kremlin aide dismisses the proposal, short of a formal answer.');
    expect(await page.locator('#fork').isVisible()).toBe(true);
    expect(await page.locator('#fork-choices button').allTextContents()).toEqual([`What if: ${REJECTS_TITLE}`]);
    await page.getByRole('button', { name: `What if: ${REJECTS_TITLE}` }).click();
    expect(await story(page)).toMatchObject({ counter: 'Step 24 of 25', verification: 'hypothetical' });
    expect(hashOf(page)).toBe(`#scenario=march-2025&branch=${REJECTS}&step=24`);

    // At the end of the record, the many roads not taken; take the truce that collapses.
    await page.goto(place('scenario=march-2025&step=37'));
    await expect.poll(() => counter(page)).toBe(`Step ${STEPS} of ${STEPS}`);
    expect(await banner.isHidden()).toBe(true);
    expect(await page.locator('#fork').isVisible()).toBe(true);
    expect(await page.locator('#fork-choices button').count()).toBeGreaterThanOrEqual(2);
    await screenshot(page, '05-fork-at-plea-to-spare');
    await page.getByRole('button', { name: `What if: ${COLLAPSES_TITLE}` }).click();
    expect(await story(page)).toMatchObject({ counter: 'Step 38 of 43', verification: 'hypothetical' });
    expect(await banner.isVisible()).toBe(true);
    expect(await banner.textContent()).toBe(`Hypothetical branch: ${COLLAPSES_TITLE}. This did not happen.`);
    expect(await branchSelect(page).inputValue()).toBe(COLLAPSES);
    expect(hashOf(page)).toBe(`#scenario=march-2025&branch=${COLLAPSES}&step=38`);
    expect(await page.locator('#fork').isHidden()).toBe(true);

    // One step back is the fork point again, which leads back to the record.
    await previousButton(page).click();
    expect(await story(page)).toMatchObject({ counter: 'Step 37 of 43', date: '2025-03-14' });
    expect(await banner.isHidden()).toBe(true);
    await page.getByRole('button', { name: 'Back to the record' }).click();
    expect(await story(page)).toMatchObject({ counter: `Step ${STEPS} of ${STEPS}`, actor: 'Donald Trump' });
    expect(await branchSelect(page).inputValue()).toBe('');
    expect(hashOf(page)).toBe('#scenario=march-2025&step=37');
  });

  it('keeps the place on reload and opens a shared link at that place', SLOW, async () => {
    const first = await newVisit();
    await open(first.page, place('scenario=march-2025&step=37'));
    await first.page.getByRole('button', { name: `What if: ${COLLAPSES_TITLE}` }).click();
    await nextButton(first.page).click();
    expect(await counter(first.page)).toBe('Step 39 of 43');
    const before = await story(first.page);

    await first.page.reload();
    await first.page.locator('svg#diagram').waitFor({ state: 'attached' });
    expect(await story(first.page)).toEqual(before);
    expect(await branchSelect(first.page).inputValue()).toBe(COLLAPSES);
    expect(await first.page.locator('#hypothetical').isVisible()).toBe(true);
    expect(hashOf(first.page)).toBe(`#scenario=march-2025&branch=${COLLAPSES}&step=39`);

    // Someone else opens the shared link, in a fresh browser context.
    const second = await newVisit();
    await open(second.page, place(`scenario=march-2025&branch=${COLLAPSES}&step=41`));
    expect(await story(second.page)).toMatchObject({
      counter: 'Step 41 of 43',
      date: '2025-03-30',
      event: 'The ceasefire comes into force for 30 days.',
      verification: 'hypothetical',
    });
    expect(await branchSelect(second.page).inputValue()).toBe(COLLAPSES);
    expect(await second.page.locator('#hypothetical').textContent()).toBe(`Hypothetical branch: ${COLLAPSES_TITLE}. This did not happen.`);
    expect(await currentTimelineStep(second.page)).toBe(41);
    expect(await litStates(second.page)).toContain('proposal.inForce.term.running');
    expect(await litStates(second.page)).not.toContain(ARGUED);
    // A hypothetical step has no article to quote, and says so.
    expect(await second.page.locator('#step-quotes blockquote').count()).toBe(0);
    expect(await second.page.locator('#step-quotes').textContent()).toBe('A hypothetical step: no article reports it.');
    await screenshot(second.page, '06-shared-link-truce-collapses-41');
  });

  // The badge and the what-if banner once shared a class, and the badge's text vanished into its background.
  it('shows the hypothetical badge legibly (text colour differs from its background)', SLOW, async () => {
    const { page } = await newVisit();
    await open(page, place(`scenario=march-2025&branch=${REJECTS}&step=24`));
    const badge = page.locator('#step-verification');
    expect(await badge.textContent()).toBe('hypothetical');
    const paint = await badge.evaluate((node) => {
      const style = getComputedStyle(node);
      return { color: style.color, background: style.backgroundColor };
    });
    expect(paint.color).not.toBe(paint.background);
  });

  it('toggles presenter mode', SLOW, async () => {
    const { page } = await newVisit();
    await open(page, place('scenario=march-2025&step=25'));
    const presenter = page.getByRole('button', { name: 'Presenter mode' });
    const fontSize = () => page.locator('body').evaluate((body) => Number.parseFloat(getComputedStyle(body).fontSize));
    const normal = await fontSize();

    expect(await presenter.getAttribute('aria-pressed')).toBe('false');
    await presenter.click();
    expect(await presenter.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('body').getAttribute('class')).toContain('presenter');
    expect(await fontSize()).toBeGreaterThan(normal);
    await screenshot(page, '07-presenter-mode');

    await presenter.click();
    expect(await presenter.getAttribute('aria-pressed')).toBe('false');
    expect(await page.locator('body.presenter').count()).toBe(0);
    expect(await fontSize()).toBe(normal);
  });

  it('reads on a 375×740 phone: the Next button and the quote are there', SLOW, async () => {
    const { page } = await newVisit({ width: 375, height: 740 });
    await open(page, place('scenario=march-2025&step=1'));
    const next = nextButton(page);
    const quote = page.locator('#step-quotes p.quote').first();

    expect(await next.isVisible()).toBe(true);
    expect(await quote.isVisible()).toBe(true);
    await next.click();
    expect(await counter(page)).toBe(`Step 2 of ${STEPS}`);
    await next.click();
    expect((await story(page)).date).toBe('2025-03-03');
    await quote.scrollIntoViewIfNeeded();
    expect(await quote.isVisible()).toBe(true);
    expect(await quote.textContent()).toContain('its March 3 suspension of military aid for Kyiv');

    // The story panel fits the phone's width (the Next button and quote are not cut off at the side).
    for (const part of [next, quote]) {
      const box = await placeInWindow(part);
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(box.innerWidth);
    }
    const panel = await page.locator('#story').evaluate((node) => ({ scroll: node.scrollWidth, client: node.clientWidth }));
    expect(panel.scroll).toBeLessThanOrEqual(panel.client);
    await screenshot(page, '08-phone-step-3');
  });

  // Scrolling the timeline or the chart must never scroll the page away from the story.
  it('keeps the story in sight on a phone while stepping (Next button in the window without scrolling)', SLOW, async () => {
    const { page } = await newVisit({ width: 375, height: 740 });
    await open(page, place('scenario=march-2025&step=1'));
    const inWindow = async () => {
      const box = await placeInWindow(nextButton(page));
      return box.top >= 0 && box.bottom <= box.innerHeight;
    };
    const seen = [await inWindow()];
    await page.keyboard.press('ArrowRight');
    seen.push(await inWindow());
    expect(seen).toEqual([true, true]);
  });

  it('the exported folder works from file:// and asks nothing of the network', SLOW, async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'ceasefire-viewer-e2e-'));
    try {
      const dir = join(tmp, 'site');
      exportViewer(dir, data);
      expect(readdirSync(dir).sort()).toEqual(['app.css', 'app.js', 'data.js', 'index.html']);

      const { page, requests } = await newVisit();
      const sockets: string[] = [];
      page.on('websocket', (socket) => sockets.push(socket.url()));
      await open(page, `${pathToFileURL(join(dir, 'index.html')).href}#scenario=march-2025&step=1`);
      expect(await story(page)).toMatchObject({ counter: `Step 1 of ${STEPS}`, date: '2024-08' });

      await nextButton(page).click();
      const second = await story(page);
      expect(second.counter).toBe(`Step 2 of ${STEPS}`);
      expect(second.date).not.toBe('2024-08');
      await nextButton(page).click();
      expect(await story(page)).toMatchObject({ counter: `Step 3 of ${STEPS}`, date: '2025-03-03' });
      expect(await litStates(page)).toContain('aid.suspended');
      await page.keyboard.press('End');
      expect((await story(page)).date).toBe('2025-03-14');
      expect(await page.locator('#live-status').textContent()).toMatch(/needs the viewer server/);
      await screenshot(page, '09-exported-file-url');

      expect(requests.length).toBeGreaterThanOrEqual(4);
      expect(requests.filter((url) => !url.startsWith('file://') && !url.startsWith('data:'))).toEqual([]);
      expect(sockets).toEqual([]);

      // The CLI writes the same folder.
      const cliDir = join(tmp, 'cli-site');
      await promisify(execFile)(join('node_modules', '.bin', 'ceasefire'), ['view', '--export', cliDir], { timeout: 30_000 });
      expect(readdirSync(cliDir).sort()).toEqual(['app.css', 'app.js', 'data.js', 'index.html']);
      const cli = await newVisit();
      await open(cli.page, `${pathToFileURL(join(cliDir, 'index.html')).href}#scenario=march-2025&step=25`);
      expect(await story(cli.page)).toMatchObject({ counter: `Step 25 of ${STEPS}`, actor: 'Vladimir Putin' });
      expect(cli.requests.filter((url) => !url.startsWith('file://') && !url.startsWith('data:'))).toEqual([]);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  describe('live inspection', () => {
    /** Each live test gets its own server, so that no buffered run of another test leaks in. */
    let live: RunningViewer | undefined;
    afterEach(async () => {
      // The pages close before their server (a page left open would log a failed reconnect);
      // the outer afterEach, which runs after this one, still checks what they logged.
      await Promise.all(visits.map((v) => v.close()));
      await live?.close();
      live = undefined;
    });

    async function openLivePage(): Promise<Page> {
      live = await startViewer({ data, port: 0 });
      const { page } = await newVisit();
      await open(page, `${live.url}#scenario=march-2025&step=3`);
      await expect.poll(() => page.locator('#live-status').textContent(), { timeout: 10_000 }).toMatch(/^Waiting for a live actor…/);
      expect(await page.getByRole('button', { name: 'Show the live state on the chart' }).isDisabled()).toBe(true);
      return page;
    }

    // The inspector sends from zero-delay timers: the CLI must not stop it before they run.
    it('streams `run march-2025 --inspect <viewer>` to the open page', SLOW, async () => {
      const page = await openLivePage();
      const code = await main(['run', 'march-2025', '--inspect', live!.inspectUrl, '--format', 'json'], QUIET_IO);
      expect(code).toBe(0);
      await expect.poll(() => page.locator('#live-status').textContent(), { timeout: 3_000 }).toMatch(/^Live actor: ceasefire \(/);
    });

    it('a live run of the record reaches the open page: status, event list, live state on the chart', SLOW, async () => {
      const page = await openLivePage();
      const events = page.locator('#live-events .event-type');

      // Stream the record exactly as `run --inspect` means to (the @statelyai/inspect WebSocket
      // inspector around replayOnActor), but keep the socket open until the page has it all.
      const inspector = createWebSocketInspector({ url: live!.inspectUrl, autoStart: false, ...INSPECTOR_OPTIONS });
      inspector.start();
      const adapter = inspector.adapter as unknown as { status: string };
      await expect.poll(() => adapter.status, { timeout: 5_000 }).toBe('open');
      replayOnActor(record, { inspect: inspector.inspect });
      try {
        await expect.poll(async () => (await events.allTextContents()).at(-1), { timeout: 10_000 }).toBe('us.pleaToSpare');
      } finally {
        inspector.stop();
      }

      // The server lays the machine out from the definition the actor event carries; until then the status says so.
      await expect.poll(() => page.locator('#live-status').textContent(), { timeout: 10_000 }).toMatch(/^Live actor: ceasefire \([^)]+\)$/);
      const types = await events.allTextContents();
      expect(types[0]).toBe('xstate.init');
      expect(types).toEqual(expect.arrayContaining(['aid.suspend', 'russia.agreeInPrinciple']));
      expect(types.at(-1)).toBe('us.pleaToSpare');

      // The chart still shows the step being read (3: aid suspended) until the reader asks for the live state.
      expect(await litStates(page)).toContain('aid.suspended');
      expect(await litStates(page)).not.toContain(ARGUED);
      const toggle = page.getByRole('button', { name: 'Show the live state on the chart' });
      expect(await toggle.isEnabled()).toBe(true);
      await toggle.click();
      expect(await toggle.getAttribute('aria-pressed')).toBe('true');
      expect(await litStates(page)).toEqual(expect.arrayContaining([ARGUED, 'aid.restored', 'battlefield.sumy.novenkeCaptureClaimed']));
      expect(await litStates(page)).not.toContain('aid.suspended');
      await screenshot(page, '10-live-state-on-chart');

      await toggle.click();
      expect(await toggle.getAttribute('aria-pressed')).toBe('false');
      expect(await litStates(page)).toContain('aid.suspended');
      expect(await counter(page)).toBe(`Step 3 of ${STEPS}`);
    });
    it('draws a machine the page has never seen, from the definition its actor event carries, and lights its states as it runs', SLOW, async () => {
      const page = await openLivePage();
      // Any XState v5 machine an app inspects: a door with a lock, and an alarm beside it.
      const house = setup({ guards: { unlocked: ({ context }) => !context.locked } }).createMachine({
        id: 'house',
        type: 'parallel',
        context: { locked: false },
        states: {
          door: { initial: 'closed', states: { closed: { on: { OPEN: { target: 'open', guard: 'unlocked' } } }, open: { on: { CLOSE: 'closed' } } } },
          alarm: { initial: 'quiet', states: { quiet: { on: { RING: 'ringing' } }, ringing: { on: { SILENCE: 'quiet' } } } },
        },
      });
      const inspector = createWebSocketInspector({ url: live!.inspectUrl, autoStart: false });
      inspector.start();
      const adapter = inspector.adapter as unknown as { status: string };
      await expect.poll(() => adapter.status, { timeout: 5_000 }).toBe('open');
      const actor = createActor(house, { inspect: inspector.inspect });
      try {
        actor.start();
        const toggle = page.getByRole('button', { name: 'Show the live state on the chart' });
        await expect.poll(() => toggle.isEnabled(), { timeout: 10_000 }).toBe(true);
        expect(await page.locator('#live-status').textContent()).toMatch(/^Live actor: house \([^)]+\)$/);
        await toggle.click();
        const drawn = () => page.locator('svg#diagram g.state').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-path')));
        expect((await drawn()).sort()).toEqual(['alarm', 'alarm.quiet', 'alarm.ringing', 'door', 'door.closed', 'door.open']);
        expect(await page.locator('svg#diagram').getAttribute('aria-label')).toBe('The live machine house, active states highlighted');
        const arrows = await page.locator('svg#diagram g.transition').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-event')));
        expect(arrows.sort()).toEqual(['CLOSE', 'OPEN', 'RING', 'SILENCE']);
        expect((await litStates(page)).sort()).toEqual(['alarm', 'alarm.quiet', 'door', 'door.closed']);

        actor.send({ type: 'OPEN' });
        await expect.poll(async () => (await litStates(page)).sort(), { timeout: 5_000 }).toEqual(['alarm', 'alarm.quiet', 'door', 'door.open']);
        actor.send({ type: 'RING' });
        await expect.poll(async () => (await litStates(page)).sort(), { timeout: 5_000 }).toEqual(['alarm', 'alarm.ringing', 'door', 'door.open']);
        expect(await page.locator('#live-events .event-type').allTextContents()).toEqual(['xstate.init', 'OPEN', 'RING']);
        await screenshot(page, '11-live-any-machine');

        // Back to the story: its own chart, at the step being read.
        await toggle.click();
        expect(await litStates(page)).toContain('aid.suspended');
      } finally {
        actor.stop();
        inspector.stop();
      }
    });
  });

  describe('what the server refuses', () => {
    const get = (path: string, headers: Record<string, string> = {}): Promise<number> =>
      new Promise((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: viewer.port, path, method: 'GET', headers }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });

    it('refuses paths that leave the served files', SLOW, async () => {
      expect((await fetch(`${viewer.url}..%2fpackage.json`)).status).toBe(400);
      expect(await get('/../package.json')).toBe(400);
      expect(await get('/%2e%2e/package.json')).toBe(400);
      expect(await get('/..\\package.json')).toBe(400);
      expect(await get('/package.json')).toBe(404);
      expect(await get('/app.js')).toBe(200);
      expect(isTraversal('/../package.json')).toBe(true);
      expect(isTraversal('/..%2fpackage.json')).toBe(true);
      expect(isTraversal('/%E0%A4%A')).toBe(true);
      expect(isTraversal('/app.js?x=..')).toBe(false);
      expect(isTraversal('/')).toBe(false);
    });

    it('sends a content security policy', SLOW, async () => {
      for (const path of ['', 'app.js', 'data.js']) {
        const response = await fetch(viewer.url + path);
        expect(response.status).toBe(200);
        const csp = response.headers.get('content-security-policy');
        expect(csp).toContain("default-src 'none'");
        expect(csp).toContain("script-src 'self'");
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      }
      expect((await fetch(viewer.url, { method: 'POST', body: 'x' })).status).toBe(405);
    });

    it('binds loopback only', SLOW, async () => {
      const refused = startViewer({ data, host: '0.0.0.0' });
      await expect(refused).rejects.toBeInstanceOf(ViewerError);
      await expect(refused).rejects.toThrow(/^refusing to serve on 0\.0\.0\.0/);
    });

    it('refuses an inspection WebSocket from another web origin, accepts its own page', SLOW, async () => {
      const connect = (origin: string): Promise<string> =>
        new Promise((resolve) => {
          const socket = new WebSocket(viewer.inspectUrl, { headers: { Origin: origin } });
          socket.on('unexpected-response', (_req, res) => {
            resolve(`refused ${res.statusCode}`);
            socket.terminate();
          });
          socket.on('open', () => {
            resolve('open');
            socket.close();
          });
          socket.on('error', (error) => resolve(`error ${error.message}`));
        });
      expect(await connect('http://evil.example')).toBe('refused 403');
      expect(await connect(viewer.url.replace(/\/$/, ''))).toBe('open');
    });
  });
});
