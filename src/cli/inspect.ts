import { WebSocket } from 'ws';
import { replayOnActor, replayOnActorPaced, type ActorReplayOptions } from '../engine/live.js';
import type { Scenario } from '../engine/scenario.js';
import { ScenarioError } from '../engine/errors.js';
import { oneLine, type CliIO } from './io.js';

/** Inspector options of a run: the whole machine definition is sent (the library's default depth of 10 cuts a deep chart short). */
export const INSPECTOR_OPTIONS = { serializationDepthLimit: 64 } as const;

function waitFor(check: () => boolean, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const start = Date.now();
    const tick = () => (check() ? resolve(true) : Date.now() - start > ms ? resolve(false) : setTimeout(tick, 20));
    tick();
  });
}

/** Fail fast, in one line, when nothing listens at the inspector address. */
async function probe(url: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const socket = new WebSocket(url);
    const timer = setTimeout(() => socket.terminate(), 3000);
    socket.once('open', () => {
      clearTimeout(timer);
      socket.close();
      resolve();
    });
    socket.once('error', () => {
      clearTimeout(timer);
      reject(new ScenarioError(`--inspect: no inspector listening at ${url}; start \`ceasefire view\` first (or name another address)`));
    });
    socket.once('close', () => reject(new ScenarioError(`--inspect: no inspector listening at ${url}`)));
  });
}

/** Replay on a live actor, waiting `pace` milliseconds before each step when it is more than 0. */
async function replayPaced(scenario: Scenario, options: ActorReplayOptions, pace: number): Promise<void> {
  if (pace <= 0) replayOnActor(scenario, options);
  else await replayOnActorPaced(scenario, options, () => new Promise((resolve) => setTimeout(resolve, pace)));
}

/**
 * Stream a replay as standard XState inspection events: to a WebSocket
 * inspector (our viewer, or any `@statelyai/inspect` receiver) or, with
 * `stately`, to the hosted Stately inspector; `pace` milliseconds pass
 * between steps (0: as fast as it runs).
 */
export async function streamToInspector(scenario: Scenario, options: { branch?: string; until?: string; pace?: number }, target: string, io: CliIO): Promise<void> {
  const pace = options.pace ?? 0;
  const { createSkyInspector, createWebSocketInspector } = await import('@statelyai/inspect');
  if (target === 'stately') {
    // The hosted inspector prints its live link with console.log; keep stdout for the run itself.
    const log = console.log;
    console.log = (...parts: unknown[]) => io.stderr.write(`${oneLine(parts.join(' '))}\n`);
    let warned = false;
    const inspector = createSkyInspector({
      ...INSPECTOR_OPTIONS,
      onerror: () => {
        if (!warned) io.stderr.write('ceasefire: warning: the hosted Stately inspector is unreachable (offline?)\n');
        warned = true;
      },
    });
    await replayPaced(scenario, { branch: options.branch ?? null, until: options.until, inspect: inspector.inspect }, pace);
    // The hosted inspector keeps the session open; give the events time to leave.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    inspector.stop();
    console.log = log;
    return;
  }
  if (!/^wss?:\/\//.test(target)) throw new ScenarioError(`--inspect: '${target}' is not a ws:// address or 'stately'`);
  await probe(target);
  const inspector = createWebSocketInspector({ url: target, autoStart: false, ...INSPECTOR_OPTIONS });
  inspector.start();
  const adapter = inspector.adapter as unknown as { status: string; ws?: { bufferedAmount: number } };
  if (!(await waitFor(() => adapter.status === 'open', 3000))) throw new ScenarioError(`--inspect: could not connect to ${target}`);
  await replayPaced(scenario, { branch: options.branch ?? null, until: options.until, inspect: inspector.inspect }, pace);
  // The inspector sends each event from a zero-delay timer; a timer set now runs after all of them.
  await new Promise((resolve) => setTimeout(resolve, 0));
  await waitFor(() => (adapter.ws?.bufferedAmount ?? 0) === 0, 3000);
  inspector.stop();
  io.stderr.write(`ceasefire: streamed the run to ${target}\n`);
}
