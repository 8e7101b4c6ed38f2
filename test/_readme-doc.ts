/**
 * The README's console sessions as tests: parsing its fenced blocks, running a
 * shown command in bash as a user would, and comparing what it prints with
 * what the README shows (a line that is exactly `…` stands for any lines).
 */
import { spawn, type ChildProcess } from 'node:child_process';

/** A fenced code block of the README. */
export interface Fence {
  /** The first word of the info string (`console`, `yaml`, `ts`…), or ''. */
  readonly lang: string;
  /** 1-based line of the opening fence in the README. */
  readonly line: number;
  /** The block's content, each line ending in a newline. */
  readonly text: string;
}

/** One `$ ` line of a console block and the output the README shows under it. */
export interface ShownCommand {
  /** The command as typed, after `$ ` (a trailing `# comment` included). */
  readonly command: string;
  /** 1-based line of the command in the README. */
  readonly line: number;
  /** The lines shown until the next `$ ` or the end of the block. */
  readonly expected: readonly string[];
}

/** The marker that stands for any number (zero or more) of lines of real output. */
export const ELISION = '…';

/** Every fenced code block (``` or longer fences), in order. */
export function fencedBlocks(markdown: string): Fence[] {
  const lines = markdown.split('\n');
  const fences: Fence[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^ {0,3}(`{3,})([^`]*)$/.exec(lines[i] ?? '');
    if (!open) continue;
    const fence = open[1] ?? '```';
    const lang = (open[2] ?? '').trim().split(/\s+/)[0] ?? '';
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !new RegExp(`^ {0,3}${fence}\`*\\s*$`).test(lines[j] ?? '')) body.push(lines[j++] ?? '');
    fences.push({ lang, line: i + 1, text: body.map((l) => `${l}\n`).join('') });
    i = j;
  }
  return fences;
}

/**
 * The commands of a console block: lines starting with `$ ` are commands, the
 * lines after one (until the next) are its expected output. A block with no
 * `$ ` line is output shown on its own and has no commands; a block with
 * output before its first command is refused.
 */
export function shownCommands(fence: Fence): ShownCommand[] {
  const lines = fence.text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const commands: Array<{ command: string; line: number; expected: string[] }> = [];
  lines.forEach((text, i) => {
    if (text.startsWith('$ ')) commands.push({ command: text.slice(2), line: fence.line + 1 + i, expected: [] });
    else if (commands.length) commands.at(-1)?.expected.push(text);
    else if (lines.some((l) => l.startsWith('$ '))) {
      throw new Error(`README line ${fence.line + 1 + i}: output before the first \`$ \` command of the console block at line ${fence.line}`);
    }
  });
  return commands;
}

/** A command without its trailing shell comment, white space collapsed: how the allow-list names it. */
export function commandKey(command: string): string {
  return command.replace(/\s+#\s.*$/, '').trim().replace(/\s+/g, ' ');
}

/** Output as lines, without the newline that ends the last one; a CRLF line end (`tail` of a CSV file) is a line end, as on a terminal. */
export function outputLines(output: string): string[] {
  const lines = output.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** True when `actual` is what `expected` shows, `…` standing for any lines. */
export function matchesShown(actual: readonly string[], expected: readonly string[]): boolean {
  return showAs(actual, expected).join('\n') === expected.join('\n');
}

/**
 * The real output as the README would show it: where the README elides (`…`)
 * and the lines around an elision can be found in order, the lines between
 * are replaced by `…`. When the output is what the README shows, the result
 * equals `expected`; when not, it keeps the real lines where the README's
 * lines stand, so a diff points at the lines that differ.
 */
export function showAs(actual: readonly string[], expected: readonly string[]): string[] {
  if (!expected.includes(ELISION)) return [...actual];
  // Literal runs of lines between elisions.
  const segments: string[][] = [[]];
  for (const line of expected) {
    if (line === ELISION) segments.push([]);
    else segments.at(-1)?.push(line);
  }
  const score = (segment: readonly string[], at: number) => segment.reduce((n, line, k) => n + (actual[at + k] === line ? 1 : 0), 0);
  const shown: string[] = [];
  let pos = 0;
  segments.forEach((segment, i) => {
    const first = i === 0;
    const last = i === segments.length - 1;
    if (!first) shown.push(ELISION);
    if (segment.length === 0) return;
    let at: number;
    if (first) at = 0;
    else if (last) at = Math.max(pos, actual.length - segment.length);
    else {
      // The earliest place the run matches best (an exact match, if there is one).
      at = pos;
      let best = -1;
      for (let s = pos; s + segment.length <= actual.length; s++) {
        const n = score(segment, s);
        if (n > best) [best, at] = [n, s];
        if (n === segment.length) break;
      }
    }
    shown.push(...actual.slice(at, at + segment.length));
    pos = Math.min(actual.length, at + segment.length);
  });
  return shown;
}

/**
 * Shell functions run before each command: `npx ceasefire …` runs the built
 * CLI and `npx tsx …` the project's tsx, as they do after `npm install`,
 * without the network.
 */
export const PRELUDE = String.raw`
npx() {
  case "$1" in
    ceasefire) shift; node "$README_ROOT/dist/src/cli/bin.js" "$@" ;;
    tsx) shift; "$README_ROOT/node_modules/.bin/tsx" "$@" ;;
    *) echo "the README test provides only 'npx ceasefire' and 'npx tsx', not 'npx $1'" >&2; return 127 ;;
  esac
}
`;

/** The environment commands run in: no test runner's variables, a UTF-8 locale, no TTY. */
export function shellEnv(root: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { README_ROOT: root, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' };
  for (const name of ['PATH', 'HOME', 'TMPDIR', 'SystemRoot']) if (process.env[name] !== undefined) env[name] = process.env[name];
  return env;
}

/** A command running in bash, its stdout and stderr together as a terminal shows them. */
export interface Shell {
  readonly child: ChildProcess;
  /** Everything printed so far. */
  output(): string;
  /** Resolves with the exit code once the command ends (null when killed by a signal). */
  readonly exited: Promise<number | null>;
}

/** Start `command` in bash in `cwd`, with `$?` set to `lastCode` as the previous command left it. */
export function startShell(cwd: string, command: string, options: { root: string; lastCode?: number }): Shell {
  // The command on its own line, so that a trailing `# comment` ends there; `2>&1` outside it, so the command's own redirections still apply.
  const script = `${PRELUDE}\n(exit ${options.lastCode ?? 0})\n{\n${command}\n} 2>&1\n`;
  // Its own process group, so that an interrupt reaches the command as Ctrl+C does.
  const child = spawn('bash', ['--noprofile', '--norc', '-c', script], { cwd, env: shellEnv(options.root), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  // Only bash's own complaints (a syntax error) arrive here.
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve(code));
  });
  return { child, output: () => output, exited };
}

/** Send Ctrl+C to a shell's process group. */
export function interrupt(shell: Shell): void {
  if (shell.child.pid !== undefined && shell.child.exitCode === null && shell.child.signalCode === null) {
    try {
      process.kill(-shell.child.pid, 'SIGINT');
    } catch {
      // Already gone.
    }
  }
}

/** Kill a shell's process group (cleanup after a failed test). */
export function kill(shell: Shell): void {
  if (shell.child.pid !== undefined && shell.child.exitCode === null && shell.child.signalCode === null) {
    try {
      process.kill(-shell.child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

/** Run `command` to its end (killed after `timeoutMs`); its output and exit code. */
export async function runShell(cwd: string, command: string, options: { root: string; lastCode?: number; timeoutMs?: number }): Promise<{ output: string; code: number }> {
  const shell = startShell(cwd, command, options);
  const timer = setTimeout(() => kill(shell), options.timeoutMs ?? 180_000);
  try {
    const code = await shell.exited;
    if (code === null) throw new Error(`\`${command}\` did not finish within ${(options.timeoutMs ?? 180_000) / 1000} s; it printed:\n${shell.output()}`);
    return { output: shell.output(), code };
  } finally {
    clearTimeout(timer);
  }
}

/** Wait until `check` holds on the shell's output, the shell ends, or `timeoutMs` pass. */
export async function waitForOutput(shell: Shell, check: (output: string) => boolean, timeoutMs: number): Promise<void> {
  const start = Date.now();
  let ended = false;
  void shell.exited.then(() => (ended = true), () => (ended = true));
  while (!check(shell.output()) && !ended && Date.now() - start < timeoutMs) await new Promise((resolve) => setTimeout(resolve, 25));
}

/** Run at most `n` tasks at once. */
export function limiter(n: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const queue: Array<() => void> = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    // A finished task hands its place straight to the next one waiting.
    if (running >= n) await new Promise<void>((resolve) => queue.push(resolve));
    else running++;
    try {
      return await task();
    } finally {
      const next = queue.shift();
      if (next) next();
      else running--;
    }
  };
}
