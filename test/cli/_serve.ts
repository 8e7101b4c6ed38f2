import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'node_modules', '.bin', 'ceasefire');

/** A `ceasefire view` server running as a user starts it: its printed page URL, and Ctrl+C. */
export interface ServedView {
  readonly url: string;
  readonly child: ChildProcessWithoutNullStreams;
  /** Press Ctrl+C; resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** Start `ceasefire view …args` (with `--port 0`) and wait for the URL it prints. */
export async function serveView(...args: string[]): Promise<ServedView> {
  const child = spawn(bin, ['view', ...args, '--port', '0'], { cwd: root });
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Ceasefire Lab viewer: (http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(out);
      if (match) resolve(match[1]!);
    });
    void exited.then(() => reject(new Error(`view exited early: ${out}${err}`)));
  });
  return {
    url,
    child,
    stop: () => {
      child.kill('SIGINT');
      return exited;
    },
  };
}
