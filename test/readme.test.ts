import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { loadScenario } from '../src/cli/load.js';
import { citedQuotes } from '../src/engine/quotes.js';
import { scenarioProse } from '../src/engine/names.js';
import { modelProse } from '../src/cli/verify-quotes.js';
import {
  ELISION,
  commandKey,
  fencedBlocks,
  interrupt,
  kill,
  limiter,
  outputLines,
  runShell,
  showAs,
  shownCommands,
  startShell,
  waitForOutput,
  type Fence,
  type Shell,
  type ShownCommand,
} from './_readme-doc.js';
import { runCli } from './cli/_io.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(join(root, 'README.md'), 'utf8');
// Inside the project, so `import … from 'ceasefire-lab'` resolves as it does for a user.
const work = mkdtempSync(join(root, '.readme-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The first fenced block of `lang` after `heading` in the README. */
function block(heading: string, lang: string): string {
  const at = readme.indexOf(heading);
  if (at < 0) throw new Error(`no '${heading}' in the README`);
  const match = new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(readme.slice(at));
  if (!match?.[1]) throw new Error(`no ${lang} block after ${heading}`);
  return match[1];
}

describe('the README', () => {
  it('has a YAML scenario a new user can copy and run', async () => {
    const file = join(work, 'my-what-if.yaml');
    writeFileSync(file, block('### In YAML', 'yaml'));
    const { code, stdout, stderr } = await runCli('run', file, '--format', 'json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).final.outcome).toBe('rejected');
  });

  it('has a TypeScript scenario that runs as a script', () => {
    const file = join(work, 'call-then-truce.ts');
    writeFileSync(file, block('### In TypeScript', 'ts'));
    const tsx = join(root, 'node_modules', '.bin', 'tsx');
    const result = spawnSync(tsx, [file], { cwd: root, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Outcome: ceasefire-in-force');
    expect(result.stdout).toContain('all 5 hold');
  });

  it('embeds the Mermaid diagram the diagram command draws today', async () => {
    const { code, stdout } = await runCli('diagram', '--highlight', 'march-2025');
    expect(code).toBe(0);
    expect(block('Where the record stands on 14 March 2025', 'mermaid')).toBe(stdout);
  });

  it('shows the same branch list the CLI prints', async () => {
    const { stdout } = await runCli('list');
    expect(readme).toContain(stdout.trimEnd());
  });
});

// ---------------------------------------------------------------------------
// The console sessions, run.
//
// Every ```console block with `$ ` lines is a session: each `$ ` line is a
// command, the lines under it (until the next `$ `) what it prints, stdout and
// stderr together as a terminal shows them; a line that is exactly `…` stands
// for any number of lines. A command shown with no lines under it must print
// nothing (`… > truce.mmd`), unless the allow-list below says otherwise. The
// commands of a block run in order in bash, in a fresh folder of their own
// under the project (so later commands see the files earlier ones wrote, and
// `$?` is what the previous command left), with `npx ceasefire` running the
// built CLI (`npm run build` first) and `npx tsx` the project's tsx. Output is
// piped, not a terminal: no progress lines or timings, tables 120 columns wide.
// ---------------------------------------------------------------------------

/** What a command printed next to what the README shows for it (adjusted where the allow-list says how). */
interface Checked {
  readonly actual: readonly string[];
  readonly expected: readonly string[];
  /** The exit code, for a following `$ echo $?`. */
  readonly code?: number;
}

/** What an allow-listed command's check may use. */
interface SessionContext {
  /** The block's folder, where its commands run. */
  readonly dir: string;
  /** The exit code the previous command left. */
  readonly lastCode: number;
  /** The inspection address of a viewer serving for this block (started on first use, stopped when the block ends). */
  viewer(): Promise<string>;
  /** Stop this process when the block ends, whatever happens. */
  track(shell: Shell): void;
}

/** A command the README shows that the test does not run exactly as shown. */
interface NotAsShown {
  readonly reason: string;
  /** What is checked instead; none for a command that is not run at all. */
  readonly check?: (shown: ShownCommand, context: SessionContext) => Promise<Checked>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The output of a run without `--inspect`, by command: the same for every `--inspect` line. */
const plainRuns = new Map<string, Promise<{ output: string; code: number }>>();

/**
 * `run --inspect` against a viewer the test starts on a free port: the run's
 * usual output after the one-line notice, exit 0, and the viewer relaying the
 * standard inspection events and sending the machine's chart.
 */
async function checkInspect(shown: ShownCommand, context: SessionContext): Promise<Checked> {
  const url = await context.viewer();
  const command = commandKey(shown.command).replace(/--inspect(=\S+)?/, `--inspect=${url}`);
  // Listen as the viewer's page does; what the relay replays of earlier runs on connecting is dropped.
  const listener = new WebSocket(url);
  await new Promise<void>((resolve, reject) => listener.once('open', () => resolve()).once('error', reject));
  await sleep(200);
  const types = new Set<string>();
  listener.on('message', (raw) => {
    try {
      types.add(String((JSON.parse(raw.toString()) as { type?: unknown }).type));
    } catch {
      types.add('(not JSON)');
    }
  });
  let run: { output: string; code: number };
  try {
    run = await runShell(context.dir, command, { root, lastCode: context.lastCode });
    // The viewer lays the machine's chart out from the actor's definition, which takes a moment.
    for (let waited = 0; !types.has('@ceasefire.diagram') && waited < 10_000; waited += 100) await sleep(100);
  } finally {
    listener.close();
  }
  const plainCommand = commandKey(shown.command).replace(/\s*--inspect(=\S+)?/, '');
  const plain = await (plainRuns.get(plainCommand) ?? plainRuns.set(plainCommand, runShell(context.dir, plainCommand, { root })).get(plainCommand)!);
  const relayed = (list: Iterable<string>) => `(exit 0; the viewer relayed ${[...list].sort().join(', ') || 'nothing'})`;
  return {
    actual: [...outputLines(run.output), run.code === 0 ? relayed(types) : `(exit ${run.code})`],
    expected: [`ceasefire: streamed the run to ${url}`, ...outputLines(plain.output), relayed(['@ceasefire.diagram', '@xstate.actor', '@xstate.event', '@xstate.snapshot'])],
    code: run.code,
  };
}

/**
 * The allow-list: commands the README shows that are not run exactly as
 * shown, by their text without the trailing comment. Keep it small: every
 * other command is run and its output compared.
 */
const NOT_AS_SHOWN: ReadonlyMap<string, NotAsShown> = new Map<string, NotAsShown>([
  [
    'npx ceasefire view march-2025',
    {
      reason: 'serves until interrupted, on port 4848, which may be taken: run with --port 0, compare the lines it prints (with the port it chose), then Ctrl+C must stop it with exit 0',
      async check(shown, context) {
        const shell = startShell(context.dir, `${commandKey(shown.command)} --port 0`, { root });
        context.track(shell);
        await waitForOutput(shell, (out) => out.endsWith('\n') && outputLines(out).length >= shown.expected.length, 60_000);
        const port = /^Ceasefire Lab viewer: http:\/\/127\.0\.0\.1:(\d+)\//.exec(shell.output())?.[1];
        interrupt(shell);
        const code = await Promise.race([shell.exited, sleep(10_000).then(() => 'still running')]);
        const actual = outputLines(shell.output());
        if (code !== 0) actual.push(`(after Ctrl+C: ${typeof code === 'number' ? `exit ${code}` : code})`);
        return { actual, expected: shown.expected.map((line) => (port ? line.replaceAll('127.0.0.1:4848', `127.0.0.1:${port}`) : line)) };
      },
    },
  ],
  [
    'npx ceasefire run march-2025 --inspect',
    {
      reason: 'needs a viewer on port 4848, which may be taken: sent to a viewer the test starts on a free port; the README shows no output, so the run must print its usual timeline after one notice line and the viewer must relay the inspection events',
      check: checkInspect,
    },
  ],
  [
    'npx ceasefire run march-2025 --inspect=ws://127.0.0.1:5000/inspect',
    {
      reason: 'needs a viewer on port 5000, which may be taken: sent to a viewer the test starts on a free port, checked as `--inspect`',
      check: checkInspect,
    },
  ],
  [
    'npx ceasefire run march-2025 --inspect=stately',
    { reason: 'streams the run to the hosted Stately inspector over the internet; tests make no outside connections' },
  ],
  [
    'npx tsx call-then-truce.ts --until 2025-05-01 --format json',
    {
      reason: 'the README shows no output (a long JSON document) but says the truce has expired by then: checked on the JSON, and exit 1 since the scenario declares ceasefire-in-force',
      async check(shown, context) {
        const { output, code } = await runShell(context.dir, shown.command, { root, lastCode: context.lastCode });
        let outcome: unknown;
        try {
          outcome = (JSON.parse(output) as { final?: { outcome?: unknown } }).final?.outcome;
        } catch {
          return { actual: outputLines(output), expected: ['(a JSON run, nothing else)'], code };
        }
        return { actual: [`final outcome: ${String(outcome)}`, `exit code: ${code}`], expected: ['final outcome: truce-expired', 'exit code: 1'], code };
      },
    },
  ],
]);

/** A console block with its commands, or why it could not be read. */
interface Session {
  readonly fence: Fence;
  readonly commands: readonly ShownCommand[];
  readonly error?: unknown;
}

const sessions: Session[] = fencedBlocks(readme)
  .filter((fence) => fence.lang === 'console')
  .map((fence): Session => {
    try {
      return { fence, commands: shownCommands(fence) };
    } catch (error) {
      return { fence, commands: [], error };
    }
  })
  .filter((session) => session.error !== undefined || session.commands.length > 0);

/** A file the README asks its reader to create, written into a block's folder when the block names it. */
interface Fixture {
  readonly file: string;
  write(dir: string, session: Session): void | Promise<void>;
}

/**
 * `my-what-if.yaml` for a block that shows the error of a misspelled event:
 * the README's YAML with the event of the step the message names misspelled as
 * it says. The line and column in the README's message must be what the CLI
 * reports for that file.
 */
function misspelledWhatIf(session: Session): string | undefined {
  const shown = session.commands.flatMap((c) => c.expected).join('\n');
  const error = /my-what-if\.yaml:\d+:\d+: step \d+ '([^']+)': field 'event': unknown event type '([^']+)'/.exec(shown);
  if (!error) return undefined;
  const [, step, misspelled] = error;
  const lines = block('### In YAML', 'yaml').split('\n');
  const start = lines.findIndex((line) => line.trim() === `- id: ${step}`);
  const at = lines.findIndex((line, i) => i > start && /^\s*event:\s*\S/.test(line));
  if (start < 0 || at < 0) throw new Error(`README line ${session.fence.line}: no step '${step}' with an event in the README's my-what-if.yaml`);
  lines[at] = (lines[at] ?? '').replace(/(event:\s*)\S+/, `$1${misspelled}`);
  return lines.join('\n');
}

const FIXTURES: readonly Fixture[] = [
  {
    file: 'weights.yaml',
    write(dir) {
      const weights = block('### Every road at once', 'yaml');
      if (!weights.startsWith('# weights.yaml')) throw new Error('the first yaml block after "### Every road at once" is not weights.yaml');
      writeFileSync(join(dir, 'weights.yaml'), weights);
    },
  },
  {
    file: 'assumptions.yaml',
    write(dir) {
      const assumptions = block('### Exact odds over time', 'yaml');
      if (!assumptions.startsWith('# assumptions.yaml')) throw new Error('the first yaml block after "### Exact odds over time" is not assumptions.yaml');
      writeFileSync(join(dir, 'assumptions.yaml'), assumptions);
    },
  },
  {
    file: 'my-what-if.yaml',
    write(dir, session) {
      writeFileSync(join(dir, 'my-what-if.yaml'), misspelledWhatIf(session) ?? block('### In YAML', 'yaml'));
    },
  },
  {
    file: 'my-truce.ts',
    write(dir) {
      writeFileSync(join(dir, 'my-truce.ts'), block('### A model of your own', 'ts'));
    },
  },
  {
    file: 'both-accept.yaml',
    write(dir) {
      writeFileSync(join(dir, 'both-accept.yaml'), block('### A model of your own', 'yaml'));
    },
  },
  {
    file: 'call-then-truce.ts',
    write(dir) {
      writeFileSync(join(dir, 'call-then-truce.ts'), block('### In TypeScript', 'ts'));
    },
  },
  {
    file: './articles',
    // The articles themselves are not part of the project (and it must not read them from elsewhere): each
    // article's file is made of the very quotes the record cites from it, so every quote is verbatim in it,
    // and the first also of the record's and the model's own words, so every name is in one (CI checks the real ones).
    async write(dir) {
      const scenario = await loadScenario('march-2025');
      const folder = join(dir, 'articles');
      mkdirSync(folder);
      const prose = [...scenarioProse(scenario), ...modelProse(scenario.model)].map((p) => p.text);
      for (const [i, article] of scenario.articles.entries()) {
        const quotes = citedQuotes(scenario).filter(({ source }) => source.article === article.id).map(({ source }) => source.quote);
        writeFileSync(join(folder, article.file), `${[...new Set(quotes), ...(i === 0 ? prose : [])].join('\n\n')}\n`);
      }
    },
  },
];

type Settled = { ok: true; value: Checked } | { ok: false; error: unknown };

/** Each block's commands' results, filled in the background as the blocks run. */
const results = new Map<Session, Array<Promise<Settled>>>();
const running = new Set<Shell>();

/** Run a block's commands in order in a folder of its own; the results resolve one by one. */
function runSession(session: Session, slot: <T>(task: () => Promise<T>) => Promise<T>): Array<Promise<Settled>> {
  const settle: Array<(result: Settled) => void> = [];
  const promises = session.commands.map(() => new Promise<Settled>((resolve) => settle.push(resolve)));
  void slot(async () => {
    const dir = join(work, `line-${session.fence.line}`);
    const shells: Shell[] = [];
    let viewer: Promise<string> | undefined;
    let lastCode = 0;
    let i = 0;
    try {
      mkdirSync(dir);
      for (const fixture of FIXTURES) if (session.fence.text.includes(fixture.file)) await fixture.write(dir, session);
      const context = (): SessionContext => ({
        dir,
        lastCode,
        track: (shell) => (shells.push(shell), running.add(shell)),
        viewer: () =>
          (viewer ??= (async () => {
            const shell = startShell(dir, 'npx ceasefire view --port 0', { root });
            context().track(shell);
            const address = /--inspect=(ws:\/\/\S+)/;
            await waitForOutput(shell, (out) => address.test(out), 60_000);
            const url = address.exec(shell.output())?.[1];
            if (!url) throw new Error(`the viewer did not start: ${shell.output()}`);
            return url;
          })()),
      });
      for (; i < session.commands.length; i++) {
        const shown = session.commands[i]!;
        const special = NOT_AS_SHOWN.get(commandKey(shown.command));
        let checked: Checked;
        if (special) {
          if (!special.check) {
            settle[i]?.({ ok: true, value: { actual: [], expected: [] } });
            continue;
          }
          checked = await special.check(shown, context());
        } else {
          const { output, code } = await runShell(dir, shown.command, { root, lastCode });
          checked = { actual: outputLines(output), expected: shown.expected, code };
        }
        lastCode = checked.code ?? 0;
        settle[i]?.({ ok: true, value: checked });
      }
    } catch (error) {
      for (; i < session.commands.length; i++) settle[i]?.({ ok: false, error });
    } finally {
      for (const shell of shells) {
        kill(shell);
        running.delete(shell);
      }
    }
  });
  return promises;
}

const blockName = (session: Session) => `the console block at README line ${session.fence.line}`;

/** The README's text for a command's output next to the real one, `…` kept where the README elides. */
function expectAsShown({ actual, expected }: Checked): void {
  const elided = expected.includes(ELISION);
  expect(showAs(actual, expected).join('\n'), elided ? `the whole output was:\n${actual.join('\n')}\n` : undefined).toBe(expected.join('\n'));
}

describe('the README, run: every console block', () => {
  beforeAll(({}, suite) => {
    // Blocks run in the background, a few at once; each test waits for its command. Blocks none of whose tests run (`-t`) are not run.
    const selected = new Set(suite.tasks.filter((task) => task.type === 'suite' && task.tasks.some((t) => t.mode === 'run')).map((task) => task.name));
    const slot = limiter(Math.max(2, Math.min(4, availableParallelism())));
    for (const session of sessions) if (!session.error && selected.has(blockName(session))) results.set(session, runSession(session, slot));
  });
  afterAll(() => {
    for (const shell of running) kill(shell);
  });

  it('runs every `$ npx ceasefire` line of the README, or names it in the allow-list with a reason', () => {
    const fences = fencedBlocks(readme);
    // A session written in another kind of block would never run.
    const elsewhere = fences.filter((f) => f.lang !== 'console' && /^\s*\$ npx ceasefire/m.test(f.text)).map((f) => `line ${f.line} (${f.lang || 'no language'})`);
    expect(elsewhere, 'blocks showing `$ npx ceasefire` must be ```console blocks').toEqual([]);
    const covered = sessions.flatMap((s) => s.commands.map((c) => c.line));
    const shownLines = fences
      .filter((f) => f.lang === 'console')
      .flatMap((f) => f.text.split('\n').flatMap((text, i) => (/^\s*\$ npx ceasefire/.test(text) ? [f.line + 1 + i] : [])));
    expect(shownLines.filter((line) => !covered.includes(line)), 'README lines of `$ npx ceasefire` commands no test runs').toEqual([]);
    expect(sessions.filter((s) => s.error).map((s) => String(s.error))).toEqual([]);
    // No stale entries: each names a command the README shows.
    const keys = new Set(sessions.flatMap((s) => s.commands.map((c) => commandKey(c.command))));
    expect([...NOT_AS_SHOWN.keys()].filter((key) => !keys.has(key)), 'allow-list entries for commands the README no longer shows').toEqual([]);
  });

  for (const session of sessions) {
    if (session.error) continue;
    describe(blockName(session), () => {
      session.commands.forEach((shown, i) => {
        const key = commandKey(shown.command);
        const special = NOT_AS_SHOWN.get(key);
        if (special && !special.check) {
          it.skip(`does not run \`$ ${key}\`: ${special.reason}`, () => {});
          return;
        }
        const name = special ? `prints what the README shows for \`$ ${key}\` (${special.reason})` : `prints what the README shows for \`$ ${key}\``;
        it(name, async () => {
          const result = await results.get(session)?.[i];
          if (!result) throw new Error('the block did not run');
          if (!result.ok) throw result.error;
          expectAsShown(result.value);
        }, 360_000);
      });
    });
  }
});
