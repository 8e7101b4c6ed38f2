import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { ASSET_TYPES, dataScript, readAsset, type AssetName } from './assets.js';
import type { ViewData } from './view-data.js';

/** Addresses the viewer may bind: loopback only, never a network interface. */
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
/** How many inspection messages a late browser still receives (as the Stately inspector keeps). */
const BUFFER = 200;

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

/** Options of {@link startViewer}. */
export interface ViewerOptions {
  readonly data: ViewData;
  /** 127.0.0.1 unless given; anything but loopback is refused. */
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port?: number;
}

/** A running viewer: its address and how to stop it. */
export interface RunningViewer {
  readonly url: string;
  readonly port: number;
  /** The WebSocket address inspected apps send to. */
  readonly inspectUrl: string;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self' ws://127.0.0.1:* ws://localhost:*; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

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

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type });
  res.end(body);
}

/**
 * Serve the classroom viewer on loopback: its own assets and the scenario data
 * only, with a content security policy, plus a WebSocket relay at `/inspect`
 * that speaks the XState inspection protocol (`@statelyai/inspect`).
 */
export async function startViewer(options: ViewerOptions): Promise<RunningViewer> {
  const host = options.host ?? '127.0.0.1';
  checkLoopback(host);
  const data = dataScript(options.data);
  const routes: Record<string, () => [string, string]> = {
    '/': () => [ASSET_TYPES['index.html'], readAsset('index.html')],
    '/data.js': () => ['text/javascript; charset=utf-8', data],
  };
  for (const name of Object.keys(ASSET_TYPES) as AssetName[]) routes[`/${name}`] = () => [ASSET_TYPES[name], readAsset(name)];

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    if (isTraversal(url)) return send(res, 400, 'text/plain; charset=utf-8', 'Bad path\n');
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed\n');
    const route = routes[url.split(/[?#]/)[0] ?? '/'];
    if (!route) return send(res, 404, 'text/plain; charset=utf-8', 'Not found\n');
    const [type, body] = route();
    send(res, 200, type, body);
  });

  const relay = new WebSocketServer({ noServer: true });
  const buffer: string[] = [];
  relay.on('connection', (socket: WebSocket) => {
    for (const message of buffer) socket.send(message);
    socket.on('message', (raw) => {
      const message = raw.toString();
      buffer.push(message);
      if (buffer.length > BUFFER) buffer.shift();
      for (const client of relay.clients) if (client !== socket && client.readyState === WebSocket.OPEN) client.send(message);
    });
  });
  server.on('upgrade', (req, socket, head) => {
    const origin = req.headers.origin;
    const path = (req.url ?? '').split('?')[0];
    // Apps without an Origin (Node inspectors) and our own page may connect; other web pages, even local ones, may not.
    const ownOrigin = origin === undefined || origin === `http://${req.headers.host}`;
    if (path !== '/inspect' || !ownOrigin) {
      socket.write('HTTP/1.1 403 Forbidden\r\n\r\n');
      socket.destroy();
      return;
    }
    relay.handleUpgrade(req, socket, head, (ws) => relay.emit('connection', ws, req));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new ViewerError(error.code === 'EADDRINUSE' ? `port ${options.port} is in use; choose another with --port` : `cannot serve: ${error.message}`)),
    );
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
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
