/** Where a command writes: the process's streams, or buffers in tests. */
export interface CliIO {
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean; readonly columns?: number };
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
}

import { ScenarioError } from '../engine/errors.js';

/** Exit codes every command keeps. */
export const EXIT = { ok: 0, failed: 1, badInput: 2, internal: 70 } as const;

/** A reader that stops early (`| head`) is not an error: exit quietly instead of crashing. */
export function exitQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

/** A message as one line: line breaks inside echoed values are shown escaped. */
export function oneLine(message: string): string {
  return message.replace(/\r/g, '\\r').replace(/\n/g, '\\n');
}

/** Parse a whole-number option (`--runs`, `--max-depth`…), as a one-line error when it is not one. */
export function wholeNumberOption(value: string, name: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new ScenarioError(`${name}: '${value}' is not a whole number ${max < Number.MAX_SAFE_INTEGER ? `from ${min} to ${max}` : `of at least ${min}`}`);
  }
  return n;
}
