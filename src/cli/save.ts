import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { ScenarioError } from '../engine/errors.js';

/** Write `text` to `path` atomically: a temporary file beside it, then a rename. */
export function writeAtomically(path: string, text: string): void {
  const temp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, text);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new ScenarioError(`${path}: cannot write (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/** Print `text` to stdout, or with `--out` write it atomically and say where, in one line. */
export function writeOutput(text: string, out: string | undefined, io: { stdout: { write(text: string): unknown } }, what: string): void {
  if (out === undefined) {
    io.stdout.write(text);
    return;
  }
  writeAtomically(out, text);
  io.stdout.write(`Wrote ${what} to ${out}.\n`);
}
