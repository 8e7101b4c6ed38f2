import { accessSync, chmodSync, closeSync, constants, lstatSync, openSync, readlinkSync, realpathSync, renameSync, rmSync, statSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { ScenarioError } from '../engine/errors.js';

/** How many symbolic links an output path may pass through, as the kernel allows (ELOOP). */
const MAX_LINKS = 40;

/**
 * Where an output goes, decided before any work is done. A symbolic link is
 * written through to its target; a regular file (or a new one) is replaced
 * atomically; anything else (a FIFO, a device such as `/dev/null`) is written
 * plainly, never replaced.
 */
export interface OutputTarget {
  /** The path as the user gave it, for messages. */
  readonly shown: string;
  /** The file actually written: the path with its symbolic links followed. */
  readonly path: string;
  /** False for a FIFO, a device or a socket: written in place, without a temporary file. */
  readonly regular: boolean;
}

const REASONS: Record<string, string> = { ENOSPC: 'no space left on the device', EACCES: 'permission denied', EPERM: 'permission denied', EROFS: 'read-only file system', EISDIR: 'is a folder' };

function code(error: unknown): string {
  const name = (error as NodeJS.ErrnoException).code ?? 'error';
  return REASONS[name] ?? name;
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/** Follow `path`'s links (a dangling one to the file it would create). */
function followLinks(path: string, shown: string, option: string): string {
  let current = resolve(path);
  for (let hops = 0; hops <= MAX_LINKS; hops += 1) {
    let link: Stats;
    try {
      link = lstatSync(current);
    } catch (error) {
      if (code(error) === 'ENOENT') return join(realFolder(dirname(current), shown, option), basename(current));
      throw new ScenarioError(`${option} ${shown}: cannot write (${code(error)})`);
    }
    if (!link.isSymbolicLink()) return join(realFolder(dirname(current), shown, option), basename(current));
    const target = readlinkSync(current);
    current = isAbsolute(target) ? target : resolve(dirname(current), target);
  }
  throw new ScenarioError(`${option} ${shown}: cannot write (too many symbolic links)`);
}

/** The real path of the folder an output goes in, which must exist and be writable. */
function realFolder(folder: string, shown: string, option: string): string {
  let real: string;
  try {
    real = realpathSync(folder);
  } catch {
    throw new ScenarioError(`${option} ${shown}: cannot write (no such folder ${folder})`);
  }
  if (!statSync(real).isDirectory()) throw new ScenarioError(`${option} ${shown}: cannot write (${folder} is not a folder)`);
  try {
    accessSync(real, constants.W_OK);
  } catch {
    throw new ScenarioError(`${option} ${shown}: cannot write (no permission to write in ${folder})`);
  }
  return real;
}

/** True when `inner` is `outer` or inside it. */
function within(inner: string, outer: string): boolean {
  const rel = relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Check an output path before the work: its folder exists and is writable, it
 * is not a folder, and it is none of the command's `inputs` (the scenario, a
 * saved run, a steps or weights file; a folder of inputs may not hold it).
 * Returns where to write; anything wrong is a one-line {@link ScenarioError}.
 */
export function prepareOutput(path: string, option: string, inputs: ReadonlyArray<string | undefined>): OutputTarget {
  if (path === '') throw new ScenarioError(`${option}: the file name is empty`);
  const real = followLinks(path, path, option);
  const existing = statOrNull(real);
  if (existing?.isDirectory()) throw new ScenarioError(`${option} ${path}: is a folder; give a file name`);
  for (const input of inputs) {
    if (input === undefined) continue;
    const stats = statOrNull(input);
    if (!stats) continue;
    const same = existing !== null && stats.dev === existing.dev && stats.ino === existing.ino;
    const inside = stats.isDirectory() && within(real, realpathSync(input));
    if (same || inside) {
      throw new ScenarioError(`${option} ${path}: refusing to overwrite ${input}, an input of this command; choose another file`);
    }
  }
  return { shown: path, path: real, regular: existing === null || existing.isFile() };
}

function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset, bytes.length - offset);
}

/**
 * Write `text` to a prepared output: a regular file through a temporary file
 * beside it and a rename (an earlier file stays whole if anything fails, and
 * keeps its permissions), anything else in place.
 */
export function writeOutputFile(target: OutputTarget, text: string): void {
  if (!target.regular) {
    let fd: number | undefined;
    try {
      fd = openSync(target.path, 'w');
      writeAll(fd, text);
    } catch (error) {
      throw new ScenarioError(`${target.shown}: cannot write (${code(error)})`);
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
    return;
  }
  const mode = statOrNull(target.path)?.mode;
  const temp = join(dirname(target.path), `.${basename(target.path)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
  let fd: number | undefined;
  let created = false;
  try {
    // 'wx' never opens a file that is already there, nor follows a link planted at that name.
    fd = openSync(temp, 'wx', 0o666);
    created = true;
    writeAll(fd, text);
    if (mode !== undefined) chmodSync(temp, mode & 0o7777);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, target.path);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    if (created) rmSync(temp, { force: true });
    throw new ScenarioError(`${target.shown}: cannot write (${code(error)})`);
  }
}

/** Print `text` to stdout, or write it to a prepared `--out` file and say where, in one line. */
export function writeOutput(text: string, out: OutputTarget | undefined, io: { stdout: { write(text: string): unknown } }, what: string): void {
  if (out === undefined) {
    io.stdout.write(text);
    return;
  }
  writeOutputFile(out, text);
  io.stdout.write(`Wrote ${what} to ${out.shown}.\n`);
}
