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

// C0 controls but tab and line feed, a carriage return not ending a line, DEL, C1 controls, and bidirectional overrides.
const CONTROL = /[\u0000-\u0008\u000b-\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g;

/**
 * Text from a scenario or a saved run as the terminal should show it: control
 * characters (escape sequences, a bare carriage return, bidirectional overrides)
 * written visibly as `\u001b`, so they cannot retitle, clear or rewrite the
 * screen. The notation is also a valid JSON escape, so JSON output stays JSON.
 */
export function visible(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A message as one line: line breaks inside echoed values are shown escaped, control characters visibly. */
export function oneLine(message: string): string {
  return visible(message.replace(/\r/g, '\\r').replace(/\n/g, '\\n'));
}

/**
 * The streams a command writes to, with standard output passed through
 * {@link visible}: no command means to send a control sequence there, so none
 * from a scenario can reach the terminal. Standard error is left as it is, for
 * progress lines; its messages go through {@link oneLine}.
 */
export function guardedIO(io: CliIO): CliIO {
  const { stdout, stderr } = io;
  return {
    stdout: {
      write: (text: string) => stdout.write(visible(text)),
      get isTTY() {
        return stdout.isTTY;
      },
      get columns() {
        return stdout.columns;
      },
    },
    stderr,
  };
}

/** Parse a whole-number option (`--runs`, `--max-depth`…), as a one-line error when it is not one. */
export function wholeNumberOption(value: string, name: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  // Decimal digits only: `Number` would also take ' 5', '0x10', '1e3' and '5.0'.
  const n = /^[0-9]+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new ScenarioError(`${name}: '${value}' is not a whole number ${max < Number.MAX_SAFE_INTEGER ? `from ${min} to ${max}` : `of at least ${min}`}`);
  }
  return n;
}
