import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { ScenarioError } from '../engine/errors.js';

/** The largest file a command reads: far above any scenario or saved run, far below what exhausts memory. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

function kind(stats: Stats): string {
  if (stats.isDirectory()) return 'is a folder';
  if (stats.isFIFO()) return 'is a FIFO, not a regular file';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'is a device, not a regular file';
  if (stats.isSocket()) return 'is a socket, not a regular file';
  return 'is not a regular file';
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return code ?? 'error';
}

/**
 * Read a text file for a command: a regular file (links followed) of at most
 * {@link MAX_INPUT_BYTES}, checked on the open file before it is read, so a
 * device, a FIFO or a huge file is refused, not read whole. Anything wrong is a
 * one-line {@link ScenarioError} naming the file.
 */
export function readInput(path: string, limit = MAX_INPUT_BYTES): string {
  let fd: number;
  try {
    // Non-blocking, so that opening a FIFO with no writer cannot hang the command.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw new ScenarioError(`${path}: cannot read (${reason(error)})`);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new ScenarioError(`${path}: cannot read (${kind(stats)})`);
    if (stats.size > limit) throw new ScenarioError(`${path}: cannot read (${stats.size.toLocaleString('en-US')} bytes; the limit is ${limit.toLocaleString('en-US')})`);
    // Read at most one byte past the limit: a file that grows while read is still bounded.
    const buffer = Buffer.alloc(Math.min(stats.size, limit) + 1);
    let length = 0;
    for (let n = 1; n > 0 && length < buffer.length; length += n) n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > limit) throw new ScenarioError(`${path}: cannot read (grew past the limit of ${limit.toLocaleString('en-US')} bytes while read)`);
    return buffer.subarray(0, length).toString('utf8');
  } catch (error) {
    if (error instanceof ScenarioError) throw error;
    throw new ScenarioError(`${path}: cannot read (${reason(error)})`);
  } finally {
    closeSync(fd);
  }
}
