/** Where a command writes: the process's streams, or buffers in tests. */
export interface CliIO {
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean; readonly columns?: number };
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
}

/** Exit codes every command keeps. */
export const EXIT = { ok: 0, failed: 1, badInput: 2, internal: 70 } as const;
