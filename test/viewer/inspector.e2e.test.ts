// End-to-end tests of the live inspector in the system Chromium: a machine
// this test defines (parallel regions, an invoked child) is connected through
// @statelyai/inspect; the page draws it, lights its states, marks the
// transition taken, lists the actors as sessions and a tree, logs each event
// with the state it led to, shows an older moment, and clears.
import { createWebSocketInspector } from '@statelyai/inspect';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createActor, sendParent, setup, type AnyActorRef, type AnyStateMachine } from 'xstate';
import record from '../../scenarios/march-2025.js';
import { prepareViewData } from '../../src/viewer/prepare.js';
import { startViewer, type RunningViewer } from '../../src/viewer/server.js';
import type { ViewData } from '../../src/viewer/view-data.js';
import { launchBrowser, litStates, open, screenshot, takenEvents, visit, type Visit } from './_browser.js';

const SLOW = { timeout: 60_000 };
const TIME = /^\d\d:\d\d:\d\d$/;

/** A child the house invokes: each second TICK tells its parent it TICKED. */
const ticker = setup({}).createMachine({
  id: 'ticker',
  initial: 'idle',
  states: {
    idle: { on: { TICK: 'ticking' } },
    ticking: { entry: sendParent({ type: 'TICKED' }), on: { TICK: 'idle' } },
  },
});

/** A machine of the test's own: a door and an alarm side by side, and a ticking clock it invokes. */
const house = setup({ actors: { ticker } }).createMachine({
  id: 'house',
  type: 'parallel',
  invoke: { id: 'clock', src: 'ticker' },
  states: {
    door: { initial: 'closed', states: { closed: { on: { OPEN: 'open' } }, open: { on: { CLOSE: 'closed' } } } },
    alarm: { initial: 'quiet', states: { quiet: { on: { RING: 'ringing', TICKED: 'ringing' } }, ringing: { on: { SILENCE: 'quiet' } } } },
  },
});

/** A second machine, for a second session. */
const light = setup({}).createMachine({
  id: 'light',
  initial: 'red',
  states: { red: { on: { NEXT: 'green' } }, green: { on: { NEXT: 'amber' } }, amber: { on: { NEXT: 'red' } } },
});

let data: ViewData;
let browser: Browser;
let visits: Visit[] = [];
let live: RunningViewer | undefined;
let stops: Array<() => void> = [];

beforeAll(async () => {
  [data, browser] = await Promise.all([prepareViewData([record]), launchBrowser()]);
}, 60_000);

afterEach(async () => {
  for (const stop of stops.reverse()) stop();
  stops = [];
  const seen = visits.flatMap((v) => v.problems);
  // Pages close before their server: a page left open would log a failed reconnect.
  await Promise.all(visits.map((v) => v.close()));
  visits = [];
  await live?.close();
  live = undefined;
  expect(seen, 'console errors or page errors').toEqual([]);
});

afterAll(async () => {
  await browser?.close();
});

/** Each test gets its own server, so that no buffered run of another test leaks in. */
async function openLivePage(): Promise<Page> {
  live = await startViewer({ data, port: 0 });
  const v = await visit(browser);
  visits.push(v);
  await open(v.page, `${live.url}#scenario=march-2025&step=3`);
  await expect.poll(() => v.page.locator('#live-status').textContent(), { timeout: 10_000 }).toMatch(/^Waiting for a live actor…/);
  return v.page;
}

/** An `@statelyai/inspect` WebSocket inspector connected to the test's viewer, as any app would make one. */
async function connectInspector(): Promise<ReturnType<typeof createWebSocketInspector>> {
  const inspector = createWebSocketInspector({ url: live!.inspectUrl, autoStart: false, serializationDepthLimit: 64 });
  inspector.start();
  stops.push(() => inspector.stop());
  const adapter = inspector.adapter as unknown as { status: string };
  await expect.poll(() => adapter.status, { timeout: 5_000 }).toBe('open');
  return inspector;
}

function startActor(machine: AnyStateMachine, inspector: ReturnType<typeof createWebSocketInspector>) {
  const actor = createActor(machine, { inspect: inspector.inspect });
  stops.push(() => actor.stop());
  actor.start();
  return actor;
}

const toggle = (page: Page) => page.getByRole('button', { name: 'Show the live state on the chart' });
const tree = (page: Page) => page.getByRole('tree', { name: 'Actors' });
const drawn = (page: Page) => page.locator('svg#diagram g.state').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-path') ?? '').sort());
const lit = async (page: Page) => (await litStates(page)).sort();
const status = async (page: Page) => (await page.locator('#live-status').textContent()) ?? '';

/** The log's rows as a reader sees them, column by column. */
function rows(page: Page) {
  return page.locator('#live-events .event-row').evaluateAll((buttons) =>
    buttons.map((b) => {
      const cell = (name: string) => b.querySelector(`.event-${name}`)?.textContent ?? '';
      return { time: cell('time'), type: cell('type'), payload: cell('payload'), route: cell('route'), state: cell('state') };
    }),
  );
}

/** Wait until the followed actor's chart has arrived, then show it. */
async function showLive(page: Page, name: string): Promise<void> {
  await expect.poll(() => toggle(page).isEnabled(), { timeout: 10_000 }).toBe(true);
  expect(await status(page)).toMatch(new RegExp(`^Live actor: ${name} \\([^)]+\\)$`));
  if ((await toggle(page).getAttribute('aria-pressed')) !== 'true') await toggle(page).click();
}

describe('the live inspector, with a machine the test defines', () => {
  it('draws the machine, lights its states as it runs, and marks the transition each event took', SLOW, async () => {
    const page = await openLivePage();
    const inspector = await connectInspector();
    const actor = startActor(house, inspector);
    await showLive(page, 'house');
    expect(await drawn(page)).toEqual(['alarm', 'alarm.quiet', 'alarm.ringing', 'door', 'door.closed', 'door.open']);
    expect(await lit(page)).toEqual(['alarm', 'alarm.quiet', 'door', 'door.closed']);
    expect(await takenEvents(page)).toEqual([]);

    actor.send({ type: 'OPEN' });
    await expect.poll(() => lit(page), { timeout: 5_000 }).toEqual(['alarm', 'alarm.quiet', 'door', 'door.open']);
    expect(await takenEvents(page)).toEqual(['OPEN']);

    // The invoked clock tells the house it ticked: the alarm rings, by the child's event.
    (actor.getSnapshot().children as Record<string, AnyActorRef>)['clock']!.send({ type: 'TICK' });
    await expect.poll(() => lit(page), { timeout: 5_000 }).toEqual(['alarm', 'alarm.ringing', 'door', 'door.open']);
    expect(await takenEvents(page)).toEqual(['TICKED']);

    actor.send({ type: 'CLOSE' });
    await expect.poll(() => takenEvents(page), { timeout: 5_000 }).toEqual(['CLOSE']);
    expect(await lit(page)).toEqual(['alarm', 'alarm.ringing', 'door', 'door.closed']);
    await screenshot(page, '20-inspector-taken');
  });

  it('lists the actors as a tree: the session named by its machine and start time, the invoked child under it', SLOW, async () => {
    const page = await openLivePage();
    expect(await page.locator('#live-no-actors').isVisible()).toBe(true);
    const inspector = await connectInspector();
    startActor(house, inspector);
    await showLive(page, 'house');

    const roots = tree(page).locator(':scope > [role="treeitem"]');
    await expect.poll(() => roots.count(), { timeout: 5_000 }).toBe(1);
    const root = roots.first();
    const rootName = (await root.locator(':scope > .actor-label').textContent()) ?? '';
    expect(rootName).toMatch(/^house · \d\d:\d\d:\d\d$/);
    expect(await root.getAttribute('aria-level')).toBe('1');
    expect(await root.getAttribute('aria-selected')).toBe('true');
    const child = root.getByRole('treeitem', { name: 'clock (ticker)' });
    await expect.poll(() => child.count(), { timeout: 5_000 }).toBe(1);
    expect(await child.getAttribute('aria-level')).toBe('2');
    expect(await child.getAttribute('aria-selected')).toBe('false');
    expect(await page.locator('#live-no-actors').isVisible()).toBe(false);
    expect(await page.getByRole('treeitem', { name: rootName }).count()).toBe(1);

    // The teacher has the chart follow the child: its own machine, drawn from its own definition.
    await child.click();
    expect(await child.getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => drawn(page), { timeout: 10_000 }).toEqual(['idle', 'ticking']);
    expect(await lit(page)).toEqual(['idle']);
    expect(await status(page)).toMatch(/^Live actor: clock \([^)]+\)$/);
    // Arrow keys walk the tree, and leave the story's step alone.
    await child.press('ArrowLeft');
    await page.keyboard.press('Enter');
    expect(await root.getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('#step-counter').textContent()).toMatch(/^Step 3 of /);
    await expect.poll(() => lit(page), { timeout: 5_000 }).toEqual(['alarm', 'alarm.quiet', 'door', 'door.closed']);
    await screenshot(page, '21-inspector-tree');
  });

  it('keeps two actors started one after the other as two sessions, and the chart switches between them', SLOW, async () => {
    const page = await openLivePage();
    const inspector = await connectInspector();
    const first = startActor(house, inspector);
    await showLive(page, 'house');
    first.send({ type: 'OPEN' });
    await expect.poll(() => lit(page), { timeout: 5_000 }).toEqual(['alarm', 'alarm.quiet', 'door', 'door.open']);

    const second = startActor(light, inspector);
    second.send({ type: 'NEXT' });
    // The newest session is followed: its chart, its events only.
    await expect.poll(() => drawn(page), { timeout: 10_000 }).toEqual(['amber', 'green', 'red']);
    await expect.poll(() => lit(page), { timeout: 5_000 }).toEqual(['green']);
    const sessions = tree(page).locator(':scope > [role="treeitem"] > .actor-label');
    expect(await sessions.allTextContents()).toEqual([expect.stringMatching(/^house · /), expect.stringMatching(/^light · /)]);
    await expect.poll(async () => (await rows(page)).map((r) => r.type), { timeout: 5_000 }).toEqual(['xstate.init', 'NEXT']);
    expect(await page.locator('#live-log-title').textContent()).toMatch(/^Events of light · /);

    await page.getByRole('treeitem', { name: /^house · / }).locator(':scope > .actor-label').click();
    await expect.poll(() => drawn(page), { timeout: 5_000 }).toContain('door.open');
    expect(await lit(page)).toEqual(['alarm', 'alarm.quiet', 'door', 'door.open']);
    expect(await status(page)).toMatch(/^Live actor: house \(/);
    expect((await rows(page)).map((r) => r.type)).toEqual(['xstate.init', 'xstate.init', 'OPEN']);

    // Events of the session not followed are kept, not shown over the chart.
    second.send({ type: 'NEXT' });
    await page.getByRole('treeitem', { name: /^light · / }).locator(':scope > .actor-label').click();
    await expect.poll(() => lit(page), { timeout: 5_000 }).toEqual(['amber']);
    expect((await rows(page)).map((r) => r.type)).toEqual(['xstate.init', 'NEXT', 'NEXT']);
  });

  it('Clear forgets every session and the log, and a new actor still appears', SLOW, async () => {
    const page = await openLivePage();
    const inspector = await connectInspector();
    const old = startActor(house, inspector);
    await showLive(page, 'house');
    old.send({ type: 'OPEN' });
    await expect.poll(async () => (await rows(page)).map((r) => r.type), { timeout: 5_000 }).toEqual(['xstate.init', 'xstate.init', 'OPEN']);

    await page.getByRole('button', { name: 'Clear', exact: true }).click();
    expect(await tree(page).getByRole('treeitem').count()).toBe(0);
    expect(await rows(page)).toEqual([]);
    expect(await page.locator('#live-no-actors').isVisible()).toBe(true);
    expect(await status(page)).toBe('Cleared. Waiting for a live actor…');
    expect(await toggle(page).isDisabled()).toBe(true);
    // Nothing live to show: the story's chart is back, at the step being read.
    expect(await litStates(page)).toContain('aid.suspended');

    // The forgotten actor still runs; what it sends stays forgotten.
    old.send({ type: 'CLOSE' });
    const fresh = startActor(light, inspector);
    fresh.send({ type: 'NEXT' });
    await expect.poll(() => tree(page).getByRole('treeitem').count(), { timeout: 10_000 }).toBe(1);
    expect(await tree(page).getByRole('treeitem').first().textContent()).toMatch(/^light · /);
    await expect.poll(() => lit(page), { timeout: 10_000 }).toEqual(['green']);
    expect((await rows(page)).map((r) => r.type)).toEqual(['xstate.init', 'NEXT']);
  });

  it('logs each event with time, payload, source → target and the state it led to; an older row shows that moment, Live the latest', SLOW, async () => {
    const page = await openLivePage();
    const inspector = await connectInspector();
    const actor = startActor(house, inspector);
    await expect.poll(() => toggle(page).isEnabled(), { timeout: 10_000 }).toBe(true);
    actor.send({ type: 'OPEN', by: 'ana', at: 3 });
    (actor.getSnapshot().children as Record<string, AnyActorRef>)['clock']!.send({ type: 'TICK' });
    actor.send({ type: 'CLOSE', note: '<img src=x onerror=alert(1)>' });
    await expect.poll(async () => (await rows(page)).length, { timeout: 5_000 }).toBe(6);

    const log = await rows(page);
    for (const row of log) expect(row.time).toMatch(TIME);
    const sorted = (state: string) => state.split(', ').sort().join(', ');
    expect(log.map((r) => ({ ...r, time: '', state: sorted(r.state) }))).toEqual([
      { time: '', type: 'xstate.init', payload: '', route: 'outside → house', state: 'alarm.quiet, door.closed' },
      { time: '', type: 'xstate.init', payload: '', route: 'house → clock', state: 'idle' },
      { time: '', type: 'OPEN', payload: '{"at":3,"by":"ana"}', route: 'outside → house', state: 'alarm.quiet, door.open' },
      { time: '', type: 'TICK', payload: '', route: 'outside → clock', state: 'ticking' },
      { time: '', type: 'TICKED', payload: '', route: 'clock → house', state: 'alarm.ringing, door.open' },
      { time: '', type: 'CLOSE', payload: '{"note":"<img src=x onerror=alert(1)>"}', route: 'outside → house', state: 'alarm.ringing, door.closed' },
    ]);
    // The inspector sends keys sorted; a payload is text, never markup.
    expect(await page.locator('#live-events img').count()).toBe(0);

    // Choosing the OPEN row shows the house just after it, on the chart, even with the story's chart up.
    expect(await toggle(page).getAttribute('aria-pressed')).toBe('false');
    const live = page.getByRole('button', { name: 'Live', exact: true });
    expect(await live.isDisabled()).toBe(true);
    const openRow = page.locator('#live-events .event-row').nth(2);
    await openRow.click();
    expect(await openRow.getAttribute('aria-current')).toBe('true');
    expect(await toggle(page).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => lit(page), { timeout: 5_000 }).toEqual(['alarm', 'alarm.quiet', 'door', 'door.open']);
    expect(await takenEvents(page)).toEqual(['OPEN']);
    expect(await page.locator('#live-moment').textContent()).toMatch(/^The chart shows house just after OPEN at \d\d:\d\d:\d\d/);

    // A new event does not move the chart off the chosen moment.
    actor.send({ type: 'SILENCE' });
    await expect.poll(async () => (await rows(page)).length, { timeout: 5_000 }).toBe(7);
    expect(await lit(page)).toEqual(['alarm', 'alarm.quiet', 'door', 'door.open']);

    // The child's row: its own machine at that moment.
    await page.locator('#live-events .event-row').nth(3).click();
    await expect.poll(() => lit(page), { timeout: 5_000 }).toEqual(['ticking']);
    expect(await takenEvents(page)).toEqual(['TICK']);
    expect(await page.getByRole('treeitem', { name: 'clock (ticker)' }).getAttribute('aria-selected')).toBe('true');
    await screenshot(page, '22-inspector-moment');

    await page.locator('#live-events .event-row').nth(6).click();
    await live.click();
    expect(await live.isDisabled()).toBe(true);
    expect(await page.locator('#live-moment').isHidden()).toBe(true);
    expect(await page.locator('#live-events [aria-current]').count()).toBe(0);
    await expect.poll(() => lit(page), { timeout: 5_000 }).toEqual(['alarm', 'alarm.quiet', 'door', 'door.closed']);
    expect(await takenEvents(page)).toEqual(['SILENCE']);
  });
});
