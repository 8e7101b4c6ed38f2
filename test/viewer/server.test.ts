// The viewer server as a hostile web page or a careless client meets it: it answers
// only to its own loopback name (DNS rebinding), its relay takes only Node apps and
// its own page, and the relay's memory stays bounded.
import { request, type IncomingHttpHeaders } from 'node:http';
import { connect as connectTcp, type Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { loadScenario } from '../../src/cli/load.js';
import { prepareViewData } from '../../src/viewer/prepare.js';
import { MAX_MESSAGE_BYTES, MAX_QUEUED_BYTES, ownHosts, REPLAY_BYTES, startViewer, type RelayLimits, type RunningViewer } from '../../src/viewer/server.js';
import type { ViewData } from '../../src/viewer/view-data.js';

let data: ViewData;
let viewer: RunningViewer;
/** Servers, sockets and connections opened by the running test, closed after it. */
let opened: { close(): unknown }[] = [];

beforeAll(async () => {
  data = await prepareViewData([await loadScenario('march-2025')]);
  viewer = await startViewer({ data, port: 0 });
}, 60_000);

afterEach(async () => {
  const closing = opened.reverse();
  opened = [];
  for (const thing of closing) await thing.close();
});

afterAll(() => viewer?.close());

/** A viewer of its own for one test, with smaller relay bounds. */
async function limitedViewer(limits: Partial<RelayLimits>): Promise<RunningViewer> {
  const running = await startViewer({ data, port: 0, limits });
  opened.push(running);
  return running;
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** GET `path` from the viewer at `address`:`port` with exactly this Host header (none when undefined). */
function get(port: number, host: string | undefined, path = '/', address = '127.0.0.1'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers = host === undefined ? {} : { Host: host };
    const req = request({ host: address, port, path, method: 'GET', headers, setHost: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

interface Attempt {
  /** `open`, or `refused <status>` when the upgrade was answered with plain HTTP. */
  outcome: string;
  socket: WebSocket;
  /** Every text message received, in order. */
  received: string[];
  /** Resolves once `count` messages have been received. */
  until(count: number): Promise<void>;
}

/** Open a WebSocket to the relay of `port` with these headers (Host defaults to the viewer's own). */
function attempt(port: number, headers: { Host?: string; Origin?: string } = {}, path = '/inspect'): Promise<Attempt> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}${path}`, { headers: { Host: `127.0.0.1:${port}`, ...headers } });
    opened.push({ close: () => socket.terminate() });
    const received: string[] = [];
    const waiting = new Map<number, () => void>();
    socket.on('message', (message) => {
      received.push(message.toString());
      waiting.get(received.length)?.();
    });
    const until = (count: number): Promise<void> =>
      received.length >= count ? Promise.resolve() : new Promise((done) => waiting.set(count, done));
    const result = (outcome: string): void => resolve({ outcome, socket, received, until });
    socket.on('unexpected-response', (_req, res) => {
      result(`refused ${res.statusCode}`);
      socket.terminate();
    });
    socket.on('open', () => result('open'));
    // A refused socket reports its own termination as an error too; the outcome is already settled.
    socket.on('error', (error) => result(`error ${error.message}`));
  });
}

/** A WebSocket to the relay that must open. */
async function joined(port: number): Promise<Attempt> {
  const result = await attempt(port);
  expect(result.outcome).toBe('open');
  return result;
}

/** The code a socket is closed with, by the server or by itself. */
const closeCode = (socket: WebSocket): Promise<number> => new Promise((resolve) => socket.once('close', (code) => resolve(code)));

/** A message of exactly `bytes` bytes that says which one it is. */
const numbered = (n: number, bytes: number): string => JSON.stringify({ n, pad: '' }).replace('""', `"${'x'.repeat(bytes - JSON.stringify({ n, pad: '' }).length)}"`);
const numberOf = (message: string): number => (JSON.parse(message) as { n: number }).n;

describe('the viewer answers only at its own loopback address', () => {
  it('serves the page to a Host of 127.0.0.1 or localhost with its own port', async () => {
    for (const host of [`127.0.0.1:${viewer.port}`, `localhost:${viewer.port}`]) {
      const page = await get(viewer.port, host);
      expect(page.status, host).toBe(200);
      expect(page.body).toContain('<button id="next"');
      expect((await get(viewer.port, host, '/data.js')).status).toBe(200);
    }
  });

  it("refuses a page whose Host is not the viewer's own, with 421 and nothing of the viewer", async () => {
    const other = viewer.port === 65535 ? 65534 : viewer.port + 1;
    for (const host of [`evil.example:${viewer.port}`, 'evil.example', `127.0.0.1:${other}`, `localhost:${other}`, `[::1]:${viewer.port}`, '127.0.0.1', `127.0.0.2:${viewer.port}`, '']) {
      for (const path of ['/', '/data.js', '/app.js', '/nowhere']) {
        const refused = await get(viewer.port, host, path);
        expect(refused.status, `${host} ${path}`).toBe(421);
        expect(refused.headers['content-type']).toBe('text/plain; charset=utf-8');
        expect(refused.headers['content-security-policy']).toContain("default-src 'none'");
        expect(refused.headers['x-content-type-options']).toBe('nosniff');
        expect(refused.body).toBe(`Misdirected request: this viewer answers only at http://127.0.0.1:${viewer.port}/ or http://localhost:${viewer.port}/\n`);
      }
    }
  });

  it('refuses a request with no Host header, with 421', async () => {
    const refused = await get(viewer.port, undefined);
    expect(refused.status).toBe(421);
    expect(refused.body).toMatch(/^Misdirected request/);
  });

  it('on ::1, serves [::1] and localhost with its port and refuses 127.0.0.1', async () => {
    const six = await startViewer({ data, host: '::1', port: 0 });
    opened.push(six);
    expect((await get(six.port, `[::1]:${six.port}`, '/', '::1')).status).toBe(200);
    expect((await get(six.port, `localhost:${six.port}`, '/', '::1')).status).toBe(200);
    expect((await get(six.port, `127.0.0.1:${six.port}`, '/', '::1')).status).toBe(421);
    expect((await get(six.port, `evil.example:${six.port}`, '/', '::1')).status).toBe(421);
  });

  it('accepts the Host without a port that browsers send on port 80', () => {
    expect(ownHosts('127.0.0.1', 80)).toEqual(['127.0.0.1:80', 'localhost:80', '127.0.0.1', 'localhost']);
    expect(ownHosts('::1', 4848)).toEqual(['[::1]:4848', 'localhost:4848']);
  });

  it('lets its page open WebSockets to its own address only', async () => {
    const page = await get(viewer.port, `127.0.0.1:${viewer.port}`);
    expect(page.headers['content-security-policy']).toContain(`; connect-src 'self' ws://127.0.0.1:${viewer.port} ws://localhost:${viewer.port};`);
  });
});

describe('the inspection relay admits Node apps and its own page only', () => {
  it('accepts an inspected Node app, which sends no Origin', async () => {
    expect((await attempt(viewer.port)).outcome).toBe('open');
    expect((await attempt(viewer.port, { Host: `localhost:${viewer.port}` })).outcome).toBe('open');
  });

  it("accepts its own page, whose Origin is the viewer's own", async () => {
    expect((await attempt(viewer.port, { Origin: `http://127.0.0.1:${viewer.port}` })).outcome).toBe('open');
    expect((await attempt(viewer.port, { Host: `localhost:${viewer.port}`, Origin: `http://localhost:${viewer.port}` })).outcome).toBe('open');
  });

  it('refuses a WebSocket from another web origin, even a local one, with 403', async () => {
    for (const origin of ['http://evil.example', `http://evil.example:${viewer.port}`, `http://127.0.0.1:${viewer.port + 1}`, 'http://127.0.0.1', `https://127.0.0.1:${viewer.port}`, 'null', '']) {
      expect((await attempt(viewer.port, { Origin: origin })).outcome, origin).toBe('refused 403');
    }
  });

  it('refuses a rebound page: a foreign Host with its own matching Origin', async () => {
    const host = `evil.example:${viewer.port}`;
    expect((await attempt(viewer.port, { Host: host, Origin: `http://${host}` })).outcome).toBe('refused 421');
    expect((await attempt(viewer.port, { Host: host })).outcome).toBe('refused 421');
  });

  it('refuses any path but /inspect', async () => {
    expect((await attempt(viewer.port, {}, '/elsewhere')).outcome).toBe('refused 403');
    expect((await attempt(viewer.port, {}, '/inspect/')).outcome).toBe('refused 403');
  });
});

describe('the inspection relay keeps its memory bounded', () => {
  it('never counts a fresh page that is sent the whole replay as a slow reader', () => {
    // A fresh page is sent the whole replay at once, and then a live message.
    expect(MAX_QUEUED_BYTES).toBeGreaterThan(REPLAY_BYTES + MAX_MESSAGE_BYTES);
    // The replay holds at least the largest message the relay takes.
    expect(REPLAY_BYTES).toBeGreaterThanOrEqual(MAX_MESSAGE_BYTES);
  });

  it('closes a sender whose message is too large (1009) and relays none of it', async () => {
    const small = await limitedViewer({ maxMessageBytes: 1024 });
    const page = await joined(small.port);
    const app = await joined(small.port);
    const closed = closeCode(app.socket);
    app.socket.send('x'.repeat(1025));
    expect(await closed).toBe(1009);

    const next = await joined(small.port);
    next.socket.send('x'.repeat(1024));
    await expect.poll(() => page.received.length).toBe(1);
    expect(page.received[0]).toHaveLength(1024);
    const late = await joined(small.port);
    await expect.poll(() => late.received.length).toBe(1);
    expect(late.received[0]).toHaveLength(1024);
    expect((await get(small.port, `127.0.0.1:${small.port}`)).status).toBe(200);
  });

  it('replays to a late page at most the byte bound, the newest messages', async () => {
    const small = await limitedViewer({ replayBytes: 10_000 });
    const page = await joined(small.port);
    const app = await joined(small.port);
    for (let n = 0; n < 30; n++) app.socket.send(numbered(n, 1000));
    await expect.poll(() => page.received.length).toBe(30);

    const late = await joined(small.port);
    await expect.poll(() => late.received.length).toBe(10);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(late.received.map(numberOf)).toEqual([20, 21, 22, 23, 24, 25, 26, 27, 28, 29]);
    expect(late.received.reduce((sum, m) => sum + Buffer.byteLength(m), 0)).toBeLessThanOrEqual(10_000);
  });

  it('replays to a late page at most the message bound', async () => {
    const small = await limitedViewer({ replayMessages: 5 });
    const page = await joined(small.port);
    const app = await joined(small.port);
    for (let n = 0; n < 8; n++) app.socket.send(numbered(n, 100));
    await expect.poll(() => page.received.length).toBe(8);

    const late = await joined(small.port);
    await expect.poll(() => late.received.length).toBe(5);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(late.received.map(numberOf)).toEqual([3, 4, 5, 6, 7]);
  });

  it('refuses a connection beyond the cap with 503, and admits one again when a connection closes', async () => {
    const small = await limitedViewer({ maxConnections: 2 });
    const first = await joined(small.port);
    await joined(small.port);
    expect((await attempt(small.port)).outcome).toBe('refused 503');
    expect((await attempt(small.port, { Origin: `http://127.0.0.1:${small.port}` })).outcome).toBe('refused 503');

    const closed = closeCode(first.socket);
    first.socket.close();
    await closed;
    await expect.poll(async () => (await attempt(small.port)).outcome).toBe('open');
  });

  it('cuts off a reader that does not keep up, and keeps relaying to one that does', async () => {
    const small = await limitedViewer({ maxMessageBytes: 128 * 1024, replayBytes: 128 * 1024, maxQueuedBytes: 256 * 1024 });
    const stalled = await stalledReader(small.port);
    const page = await joined(small.port);
    const app = await joined(small.port);
    const message = 'x'.repeat(64 * 1024);
    const count = 400;
    // One message at a time, so that only the stalled reader, never the page, falls behind.
    for (let n = 1; n <= count; n++) {
      app.socket.send(message);
      await page.until(n);
    }
    expect(page.socket.readyState).toBe(WebSocket.OPEN);

    // Reading again, the stalled reader finds what the kernel held, then the end of the connection.
    let bytes = 0;
    const ended = new Promise<string>((resolve) => {
      stalled.on('data', (chunk: Buffer) => (bytes += chunk.length));
      stalled.on('close', () => resolve('closed'));
      stalled.on('error', () => resolve('closed'));
      setTimeout(() => resolve('still open'), 10_000);
    });
    stalled.resume();
    expect(await ended).toBe('closed');
    expect(bytes).toBeLessThan(count * message.length);
  }, 60_000);
});

/** A raw TCP client that completes the WebSocket handshake, then stops reading. */
function stalledReader(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connectTcp(port, '127.0.0.1');
    opened.push({ close: () => socket.destroy() });
    socket.once('error', reject);
    socket.once('data', (chunk: Buffer) => {
      socket.pause();
      if (chunk.toString('latin1').startsWith('HTTP/1.1 101 ')) resolve(socket);
      else reject(new Error(`handshake refused: ${chunk.toString('latin1')}`));
    });
    socket.write(
      `GET /inspect HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
    );
  });
}

describe('the inspection relay draws any machine it is sent', () => {
  /** An `@xstate.actor` event as `@statelyai/inspect` sends it, with the machine's configuration as its definition. */
  const actorEvent = (sessionId: string, definition: unknown) => JSON.stringify({ type: '@xstate.actor', sessionId, name: 'x', definition: JSON.stringify(definition) });
  const door = {
    id: 'door',
    initial: 'closed',
    states: { closed: { on: { OPEN: { target: 'open', guard: { type: 'unlocked' } } } }, open: { on: { CLOSE: 'closed' }, after: { 5000: 'closed' } } },
  };

  it("lays out the machine of an actor's definition and sends its chart to pages, late ones too", async () => {
    const own = await limitedViewer({});
    const page = await joined(own.port);
    const app = await joined(own.port);
    app.socket.send(actorEvent('d1', door));
    await page.until(2);
    const diagram = JSON.parse(page.received[1]!) as { type: string; sessionId: string; layout: { nodes: { id: string; label: string }[]; edges: { source: string; target: string; label: string }[] } };
    expect(diagram).toMatchObject({ type: '@ceasefire.diagram', sessionId: 'd1' });
    expect(diagram.layout.nodes.map((n) => [n.id, n.label])).toEqual([['closed', 'closed'], ['open', 'open']]);
    expect(diagram.layout.edges.map((e) => `${e.source} -${e.label}-> ${e.target}`)).toEqual(['closed -OPEN-> open', 'open -CLOSE-> closed', 'open -after 5000-> closed']);
    const late = await joined(own.port);
    await late.until(2);
    expect(late.received.map((m) => (JSON.parse(m) as { type: string }).type)).toEqual(['@xstate.actor', '@ceasefire.diagram']);
  });

  it('says in the chart message why a definition cannot be drawn, and relays on', async () => {
    const own = await limitedViewer({});
    const page = await joined(own.port);
    const app = await joined(own.port);
    app.socket.send(actorEvent('bad', { id: 'bad', states: { a: {}, b: {} } }));
    await page.until(2);
    expect(JSON.parse(page.received[1]!)).toEqual({ type: '@ceasefire.diagram', sessionId: 'bad', error: expect.stringMatching(/^cannot draw this machine: No initial state specified/) });
    app.socket.send('{"type":"@xstate.event"}');
    await page.until(3);
    expect(page.received[2]).toBe('{"type":"@xstate.event"}');
  });
});

describe('a definition the inspector cut short', () => {
  it('is drawn in part and marked partial: a state whose inside was cut is a plain state, a cut transition left out', async () => {
    const own = await limitedViewer({});
    const page = await joined(own.port);
    const app = await joined(own.port);
    // What @statelyai/inspect sends below its serializationDepthLimit.
    const definition = { id: 'deep', initial: 'a', states: { a: { on: { GO: '[Object]', STAY: 'a' } }, b: { initial: 'x', states: '[Object]' } } };
    app.socket.send(JSON.stringify({ type: '@xstate.actor', sessionId: 'cut', definition: JSON.stringify(definition) }));
    await page.until(2);
    const diagram = JSON.parse(page.received[1]!) as { partial: boolean; layout: { nodes: { id: string }[]; edges: unknown[] } };
    expect(diagram.partial).toBe(true);
    expect(diagram.layout.nodes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(diagram.layout.edges).toEqual([]);
  });
});
