// `ceasefire run <scenario> --inspect --pace <ms>`: a streamed run waits between
// steps so a class sees each transition; a bad --pace is refused in one line.
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import record from '../../scenarios/march-2025.js';
import { replayOnActor, replayOnActorPaced } from '../../src/engine/live.js';
import { prepareViewData } from '../../src/viewer/prepare.js';
import { startViewer, type RunningViewer } from '../../src/viewer/server.js';
import { runCli } from './_io.js';

describe('run --pace', () => {
  it.each(['1.5', '-1', '60001', '0x10', ' 5', 'soon'])('refuses `--pace %j` in one line, before connecting anywhere', async (value) => {
    const { code, stdout, stderr } = await runCli('run', 'march-2025', '--inspect', 'ws://127.0.0.1:9/inspect', '--pace', value);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toBe(`ceasefire: --pace: '${value}' is not a whole number from 0 to 60000\n`);
  });

  it('refuses --pace without --inspect in one line', async () => {
    const { code, stdout, stderr } = await runCli('run', 'march-2025', '--pace', '500');
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toBe('ceasefire: --pace: only paces a run streamed with --inspect; add --inspect\n');
  });
});

describe('a paced replay on a live actor', () => {
  it('awaits the pause once before each step and before the calendar runs on, and ends where the unpaced replay ends', async () => {
    let pauses = 0;
    const paced = await replayOnActorPaced(record, {}, async () => void pauses++);
    const steps = record.steps.length;
    expect(pauses).toBe(steps + (record.until ? 1 : 0));
    expect(paced.value).toEqual(replayOnActor(record).value);
  });

  it('ends with the error of a pause that fails', async () => {
    const failing = replayOnActorPaced(record, {}, () => Promise.reject(new Error('interrupted')));
    await expect(failing).rejects.toThrow('interrupted');
  });

  describe('streamed to a viewer', () => {
    let viewer: RunningViewer | undefined;
    let listener: WebSocket | undefined;
    afterEach(async () => {
      listener?.terminate();
      await viewer?.close();
    });

    it('reaches the viewer relay one step at a time', { timeout: 60_000 }, async () => {
      viewer = await startViewer({ data: await prepareViewData([record]), port: 0 });
      // A page's stand-in: when each step's event (the dated ones; timers fire within a step) reaches the relay.
      const arrivals: number[] = [];
      listener = new WebSocket(viewer.inspectUrl);
      listener.on('message', (raw) => {
        const message = JSON.parse(String(raw)) as { type?: string; event?: { date?: string } };
        if (message.type === '@xstate.event' && message.event?.date) arrivals.push(Date.now());
      });
      await new Promise((resolve) => listener!.once('open', resolve));

      const pace = 40;
      const started = Date.now();
      const { code, stderr } = await runCli('run', 'march-2025', '--inspect', viewer.inspectUrl, '--pace', String(pace), '--format', 'json');
      expect(code).toBe(0);
      expect(stderr).toBe(`ceasefire: streamed the run to ${viewer.inspectUrl}\n`);
      expect(Date.now() - started).toBeGreaterThanOrEqual(record.steps.length * pace);
      await expect.poll(() => arrivals.length, { timeout: 5_000 }).toBe(record.steps.length);
      // Not all at once: a pause came before each step, so the events came over most of the paced time.
      expect(arrivals.at(-1)! - arrivals[0]!).toBeGreaterThanOrEqual((arrivals.length - 1) * pace * 0.75);
    });
  });
});
