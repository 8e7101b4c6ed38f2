// The step panel in the system Chromium: an article's credit and an undated day, shown as text.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import record from '../../scenarios/march-2025.js';
import { defineScenario } from '../../src/index.js';
import { prepareViewData } from '../../src/viewer/prepare.js';
import { startViewer, type RunningViewer } from '../../src/viewer/server.js';
import { launchBrowser, open, story, visit, type Visit } from './_browser.js';

// Markup in a scenario's text must reach the reader as the characters typed, never as HTML.
const CREDIT = '<img src=x onerror="document.title=1">The New York Times reported';

const credited = defineScenario({
  id: 'credited',
  title: 'What the outlets reported',
  description: 'test',
  articles: record.articles,
  extends: { scenario: record, from: 'plea-to-spare' },
  steps: [
    {
      id: 'reported-rejection', date: '2025-03-14', datePrecision: 'undated', actor: 'putin', event: 'russia.reject',
      verification: 'reported', attribution: CREDIT,
      sources: [{ article: '002', quote: 'Putin will drag out a deal for a ceasefire because he is not interested in peace' }],
    },
  ],
});

let viewer: RunningViewer;
let browser: Browser;
let seen: Visit | undefined;

beforeAll(async () => {
  const [data, launched] = await Promise.all([prepareViewData([credited]), launchBrowser()]);
  browser = launched;
  viewer = await startViewer({ data, port: 0 });
}, 60_000);

afterAll(async () => {
  await seen?.close();
  await browser?.close();
  await viewer?.close();
});

describe('the step panel', () => {
  it('shows the attribution with the quote as text, says the day is undated and names the article without a headline', { timeout: 60_000 }, async () => {
    seen = await visit(browser);
    const { page } = seen;
    await open(page, `${viewer.url}#scenario=credited&step=38`);
    const now = await story(page);
    expect(now.date).toBe('2025-03-14');
    expect(now.quotes).toEqual(['“Putin will drag out a deal for a ceasefire because he is not interested in peace”']);
    expect(now.cites).toEqual(['Article of 2025-03-14 [002]']);
    expect(await page.locator('#step-precision').isVisible()).toBe(true);
    expect(((await page.locator('#step-precision').textContent()) ?? '').trim()).toBe('(undated)');
    expect(await page.locator('#step-quotes .attribution').textContent()).toBe(`Attribution: ${CREDIT}`);
    expect(await page.locator('#step-quotes img').count()).toBe(0);
    expect(await page.title()).not.toBe('1');

    await open(page, `${viewer.url}#scenario=credited&step=2`);
    expect(await page.locator('#step-precision').isVisible()).toBe(false);
    expect(await page.locator('#step-quotes .attribution').count()).toBe(0);
    expect(seen.problems).toEqual([]);
  });
});
