import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

/** The system Chromium (Debian); no browser is ever downloaded. */
export const CHROMIUM = '/usr/bin/chromium';

/** Headless flags that keep Chromium off the (closed) network. */
const ARGS = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where screenshots land (test-results/ is git-ignored). */
export const SHOTS = join('test-results', 'viewer');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/** A page in its own context (own history, own viewport) that records every console error and uncaught exception. */
export interface Visit {
  readonly page: Page;
  readonly context: BrowserContext;
  /** `console.error` messages and `pageerror`s, in order; nothing is filtered out. */
  readonly problems: string[];
  /** Every URL the page requested. */
  readonly requests: string[];
  close(): Promise<void>;
}

export async function visit(browser: Browser, viewport = { width: 1280, height: 800 }): Promise<Visit> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('request', (request) => requests.push(request.url()));
  return { page, context, problems, requests, close: () => context.close() };
}

/** Open a place in the viewer and wait until the chart is drawn. */
export async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('svg#diagram').waitFor({ state: 'attached' });
}

/** What the story panel shows, read the way a reader sees it. */
export interface Story {
  counter: string;
  date: string;
  actor: string;
  event: string;
  verification: string;
  quotes: string[];
  cites: string[];
}

const textOf = async (locator: Locator): Promise<string> => ((await locator.textContent()) ?? '').trim();

export async function story(page: Page): Promise<Story> {
  return {
    counter: await textOf(page.locator('#step-counter')),
    date: await textOf(page.locator('#step-date')),
    actor: await textOf(page.locator('#step-actor')),
    event: await textOf(page.locator('#step-event')),
    verification: await textOf(page.locator('#step-verification')),
    quotes: await page.locator('#step-quotes blockquote p.quote').allTextContents(),
    cites: await page.locator('#step-quotes blockquote cite').allTextContents(),
  };
}

/** The states lit on the chart (their `data-path`). */
export function litStates(page: Page): Promise<string[]> {
  return page.locator('svg#diagram g.state.active').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-path') ?? ''));
}

/** The events of the transitions marked as just taken. */
export function takenEvents(page: Page): Promise<string[]> {
  return page.locator('svg#diagram g.transition.taken').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-event') ?? ''));
}

/** The step number of the timeline button marked `aria-current="step"` (1-based), or 0 when none is. */
export function currentTimelineStep(page: Page): Promise<number> {
  return page
    .locator('#timeline button')
    .evaluateAll((buttons) => buttons.findIndex((button) => button.getAttribute('aria-current') === 'step') + 1);
}

/** Save a screenshot as a test artifact. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/** Where an element sits in the window right now (no scrolling). */
export function placeInWindow(locator: Locator): Promise<{ top: number; bottom: number; left: number; right: number; innerWidth: number; innerHeight: number }> {
  return locator.evaluate((node) => {
    const box = node.getBoundingClientRect();
    return { top: box.top, bottom: box.bottom, left: box.left, right: box.right, innerWidth: window.innerWidth, innerHeight: window.innerHeight };
  });
}
