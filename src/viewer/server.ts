import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { ASSET_TYPES, dataScript, readAsset, type AssetName } from './assets.js';
import { layoutDefinition } from './live-diagram.js';
import type { ViewData } from './view-data.js';

/** Addresses the viewer may bind: loopback only, never a network interface. */
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
const MiB = 1024 * 1024;
/** Largest inspection message the relay takes (a whole record run is 74 messages, 70 KB, the largest 32 KB); bigger closes the sender with 1009. */
export const MAX_MESSAGE_BYTES = 1 * MiB;
/** How many inspection messages a late browser still receives (as the Stately inspector keeps). */
export const REPLAY_MESSAGES = 200;
/** At most this many bytes of those are kept, oldest dropped first, so a few huge messages cannot fill memory. */
export const REPLAY_BYTES = 4 * MiB;
/** Open relay connections at once (a classroom has a few pages and one or two runs); more get 503. */
export const MAX_CONNECTIONS = 32;
/** Bytes queued for one reader before it is cut off (above a full replay plus one message, so a fresh page is never cut). */
export const MAX_QUEUED_BYTES = 8 * MiB;

/** Charts of inspected machines kept for late pages, newest sessions first. */
export const DIAGRAM_SESSIONS = 16;

/** A refused viewer request: a non-loopback bind, a port in use. */
export class ViewerError extends Error {
  override readonly name = 'ViewerError';
}

/** Refuse any address but loopback, before anything is prepared or bound. */
export function checkLoopback(host: string): void {
  if (!LOOPBACK.has(host)) {
    throw new ViewerError(`refusing to serve on ${host}: the viewer binds loopback only (127.0.0.1, ::1 or localhost)`);
  }
}

/** Bounds of the inspection relay; each defaults to the constant of the same meaning above. */
export interface RelayLimits {
  /** {@link MAX_MESSAGE_BYTES} */
  readonly maxMessageBytes: number;
  /** {@link REPLAY_MESSAGES} */
  readonly replayMessages: number;
  /** {@link REPLAY_BYTES} */
  readonly replayBytes: number;
  /** {@link MAX_CONNECTIONS} */
  readonly maxConnections: number;
  /** {@link MAX_QUEUED_BYTES} */
  readonly maxQueuedBytes: number;
}

/** Options of {@link startViewer}. */
export interface ViewerOptions {
  readonly data: ViewData;
  /** 127.0.0.1 unless given; anything but loopback is refused. */
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port?: number;
  /** Smaller relay bounds (tests); the defaults suit a classroom. */
  readonly limits?: Partial<RelayLimits>;
}

/** A running viewer: its address and how to stop it. */
export interface RunningViewer {
  readonly url: string;
  readonly port: number;
  /** The WebSocket address inspected apps send to. */
  readonly inspectUrl: string;
  close(): Promise<void>;
}

/** The headers of every response; the page may open a WebSocket to this server's own `hosts` only. */
function securityHeaders(hosts: readonly string[]): Record<string, string> {
  const sockets = hosts.map((h) => ` ws://${h}`).join('');
  return {
    'Content-Security-Policy': `default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'${sockets}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
}

/**
 * The `Host` values a viewer bound to `address` (as `server.address()` gives
 * it) on `port` answers: its loopback literal and `localhost`, with the port.
 */
export function ownHosts(address: string, port: number): string[] {
  const literal = address === '::1' ? '[::1]' : '127.0.0.1';
  const hosts = [`${literal}:${port}`, `localhost:${port}`];
  // Browsers leave the default port out of Host and Origin.
  return port === 80 ? [...hosts, literal, 'localhost'] : hosts;
}

/** True when a request path tries to leave the served files (`..`, encoded or not, or a backslash). */
export function isTraversal(rawUrl: string): boolean {
  const path = rawUrl.split(/[?#]/)[0] ?? '';
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return true;
  }
  return decoded.split(/[/\\]/).includes('..') || decoded.includes('\\') || decoded.includes('\0');
}

/** Answer a refused WebSocket upgrade in plain HTTP, then drop the socket. */
function refuseUpgrade(socket: Duplex, status: number, body: string): void {
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/**
 * Serve the classroom viewer on loopback: its own assets and the scenario data
 * only, with a content security policy, plus a WebSocket relay at `/inspect`
 * that speaks the XState inspection protocol (`@statelyai/inspect`).
 */
export async function startViewer(options: ViewerOptions): Promise<RunningViewer> {
  const host = options.host ?? '127.0.0.1';
  checkLoopback(host);
  const limits: RelayLimits = {
    maxMessageBytes: MAX_MESSAGE_BYTES,
    replayMessages: REPLAY_MESSAGES,
    replayBytes: REPLAY_BYTES,
    maxConnections: MAX_CONNECTIONS,
    maxQueuedBytes: MAX_QUEUED_BYTES,
    ...options.limits,
  };
  // Known once bound; until then nothing is answered.
  let hosts: readonly string[] = [];
  let origins: readonly string[] = [];
  let headers = securityHeaders([]);
  // A page reached under another name (DNS rebinding) must get nothing, not even a 404.
  const ownHost = (req: IncomingMessage): boolean => hosts.includes((req.headers.host ?? '').toLowerCase());
  const misdirected = (): string => `Misdirected request: this viewer answers only at ${hosts.map((h) => `http://${h}/`).join(' or ')}\n`;
  const send = (res: ServerResponse, status: number, type: string, body: string): void => {
    res.writeHead(status, { ...headers, 'Content-Type': type });
    res.end(body);
  };
  const data = dataScript(options.data);
  const routes: Record<string, () => [string, string]> = {
    '/': () => [ASSET_TYPES['index.html'], readAsset('index.html')],
    '/data.js': () => ['text/javascript; charset=utf-8', data],
  };
  for (const name of Object.keys(ASSET_TYPES) as AssetName[]) routes[`/${name}`] = () => [ASSET_TYPES[name], readAsset(name)];

  // Without Host, Node would answer 400 itself; we answer 421 like any other wrong Host.
  const server: Server = createServer({ requireHostHeader: false }, (req: IncomingMessage, res: ServerResponse) => {
    if (!ownHost(req)) return send(res, 421, 'text/plain; charset=utf-8', misdirected());
    const url = req.url ?? '/';
    if (isTraversal(url)) return send(res, 400, 'text/plain; charset=utf-8', 'Bad path\n');
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed\n');
    const route = routes[url.split(/[?#]/)[0] ?? '/'];
    if (!route) return send(res, 404, 'text/plain; charset=utf-8', 'Not found\n');
    const [type, body] = route();
    send(res, 200, type, body);
  });

  // ws closes a sender whose message exceeds maxPayload with 1009 before any of it is relayed.
  const relay = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes });
  const replay: { text: string; bytes: number }[] = [];
  let replayBytes = 0;
  const broadcast = (text: string, except?: WebSocket): void => {
    for (const client of relay.clients) {
      if (client === except || client.readyState !== WebSocket.OPEN) continue;
      // A reader that does not keep up is cut off rather than queued for without end; its page reconnects and gets the replay.
      if (client.bufferedAmount > limits.maxQueuedBytes) client.terminate();
      else client.send(text);
    }
  };
  // The page has no layout engine: each inspected machine's chart is laid out here, from the definition its actor event carries.
  const diagrams = new Map<string, string>();
  const drawActor = (text: string): void => {
    if (!text.includes('"@xstate.actor"')) return;
    let message: { type?: unknown; sessionId?: unknown; definition?: unknown };
    try {
      message = JSON.parse(text) as typeof message;
    } catch {
      return;
    }
    const { type, sessionId, definition } = message ?? {};
    if (type !== '@xstate.actor' || typeof sessionId !== 'string' || typeof definition !== 'string') return;
    void layoutDefinition(definition).then((diagram) => {
      const out = JSON.stringify({ type: '@ceasefire.diagram', sessionId, ...diagram });
      diagrams.delete(sessionId);
      diagrams.set(sessionId, out);
      if (diagrams.size > DIAGRAM_SESSIONS) diagrams.delete(diagrams.keys().next().value!);
      broadcast(out);
    });
  };
  relay.on('connection', (socket: WebSocket) => {
    // ws has already closed the socket (1009 for an oversize message, 1002 for a bad frame); unheard, the error would end the process.
    socket.on('error', () => undefined);
    for (const { text } of replay) socket.send(text);
    for (const text of diagrams.values()) socket.send(text);
    socket.on('message', (raw) => {
      const text = raw.toString();
      const bytes = Buffer.byteLength(text);
      replay.push({ text, bytes });
      replayBytes += bytes;
      while (replay.length > limits.replayMessages || replayBytes > limits.replayBytes) replayBytes -= replay.shift()?.bytes ?? 0;
      broadcast(text, socket);
      drawActor(text);
    });
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // A peer that resets while being refused must not take the viewer down.
    const dropOnError = (): void => void socket.destroy();
    socket.on('error', dropOnError);
    if (!ownHost(req)) return refuseUpgrade(socket, 421, misdirected());
    const origin = req.headers.origin;
    const path = (req.url ?? '').split('?')[0];
    // Apps without an Origin (Node inspectors) and our own page may connect; other web pages, even local ones, may not.
    if (path !== '/inspect' || !(origin === undefined || origins.includes(origin))) return refuseUpgrade(socket, 403, 'Forbidden\n');
    if (relay.clients.size >= limits.maxConnections) return refuseUpgrade(socket, 503, 'Too many connections to the inspection relay\n');
    socket.off('error', dropOnError);
    relay.handleUpgrade(req, socket, head, (ws) => relay.emit('connection', ws, req));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new ViewerError(error.code === 'EADDRINUSE' ? `port ${options.port} is in use; choose another with --port` : `cannot serve: ${error.message}`)),
    );
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  hosts = ownHosts(address, port);
  origins = hosts.map((h) => `http://${h}`);
  headers = securityHeaders(hosts);
  const shown = host === '::1' ? '[::1]' : host;
  return {
    url: `http://${shown}:${port}/`,
    port,
    inspectUrl: `ws://${shown}:${port}/inspect`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of relay.clients) client.terminate();
        relay.close();
        server.close(() => resolve());
        server.closeAllConnections?.();
      }),
  };
}
