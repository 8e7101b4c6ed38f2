import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { stringify } from 'yaml';
import march from '../../scenarios/march-2025.js';
import { OUTCOME_NAMES } from '../../src/models/ceasefire-2025/outcome.js';
import { runCli } from './_io.js';
import { WHAT_IF } from './_what-if.js';

/*
 * The whole command line, fuzzed: a command (sometimes misspelt or made up),
 * its arguments, and a mix of its own options and other commands' options,
 * with values that are right, nearly right, or junk, and files of every kind
 * prepared in a temporary folder. Whatever the input, the CLI ends with 0, 1 or
 * 2, and a refusal is one line on stderr.
 *
 * Bounds that keep each run short, and the network out:
 * - `view` always ends with `--export` into the temporary folder or with a
 *   `--port`/`--host` it refuses, so it never starts serving;
 * - `--inspect` is never given;
 * - `--runs` is at most 2,000 and `--max-states` at most 20,000, and
 *   `explore`, `paths` and `simulate` always get a `--max-states`;
 * - every output (`--save`, `--out`, `--export`) is a path in the temporary folder.
 */

// ---------------------------------------------------------------- the temporary folder

const dir = mkdtempSync(join(tmpdir(), 'ceasefire-fuzz-'));
const at = (name: string) => join(dir, name);

/** Files with fixed content, rewritten before every run (an output may have replaced one). */
const TEXT_FILES: Record<string, string> = {
  'valid.yaml': stringify(WHAT_IF),
  // Runs, but its expected outcome is not the one it reaches: exit 1.
  'failing.yaml': stringify({ ...WHAT_IF, expectedOutcome: 'lapsed' }),
  'malformed.yaml': 'id: [unclosed\ntitle: "no end\n  - steps: {\n',
  'scenario.json': `${JSON.stringify(WHAT_IF, null, 2)}\n`,
  'steps.yaml': ['steps:', '  - { id: accept, date: 2025-03-20, actor: putin, event: russia.accept }', '  - { id: start, date: 2025-03-21, actor: russia, event: ceasefire.start }', ''].join('\n'),
  'weights.yaml': 'weights:\n  russia.reject: 0\n  proposal.lapse: 2\n  default: 1\n',
  'empty.yaml': '',
  'out-target.json': '{}\n',
  // Names a message has to echo on one line, with nothing for the terminal to act on.
  'line\nbreak.yaml': 'id: [unclosed\n',
  '\u001b[31mred.yaml': stringify({ ...WHAT_IF, expectedOutcome: 'lapsed' }),
  // Filled in beforeAll from real saved runs: of march-2025, of valid.yaml (found again by its path), tampered.
  'saved.json': '',
  'saved-file.json': '',
  'tampered.json': '',
};
/**
 * Symbolic links: to /dev/zero named like a scenario, to another temporary file
 * (for outputs), to an input, to a file not there yet, and to itself.
 */
const LINKS: Record<string, string> = {
  'x.yaml': '/dev/zero',
  'out-link.json': at('out-target.json'),
  'alias.yaml': at('valid.yaml'),
  'dangling.json': at('made-through-link.json'),
  'loop.yaml': at('loop.yaml'),
};
/** Folders: one empty (also an articles folder with no articles), one named like a scenario file. */
const FOLDERS = ['folder', 'd.yaml'];
const FIFO = 'f.yaml';
const FIXTURES = new Set([...Object.keys(TEXT_FILES), ...Object.keys(LINKS), ...FOLDERS, FIFO]);

/** Put the temporary folder back as it was: outputs may have replaced, created or filled anything in it. */
function resetFixtures(): void {
  for (const name of readdirSync(dir)) if (!FIXTURES.has(name)) rmSync(at(name), { recursive: true, force: true });
  for (const [name, text] of Object.entries(TEXT_FILES)) {
    const path = at(name);
    if (!existsSync(path) || !lstatSync(path).isFile() || readFileSync(path, 'utf8') !== text) {
      rmSync(path, { recursive: true, force: true });
      writeFileSync(path, text);
    }
  }
  for (const [name, target] of Object.entries(LINKS)) {
    const path = at(name);
    if (!lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink()) {
      rmSync(path, { recursive: true, force: true });
      symlinkSync(target, path);
    }
  }
  for (const name of FOLDERS) {
    const path = at(name);
    if (!lstatSync(path, { throwIfNoEntry: false })?.isDirectory()) rmSync(path, { force: true });
    if (existsSync(path)) for (const inner of readdirSync(path)) rmSync(join(path, inner), { recursive: true, force: true });
    else mkdirSync(path);
  }
}

// ---------------------------------------------------------------- values

/** The shipped scenarios and their branches, as `ceasefire list --format json` gives them. */
const listed = JSON.parse((await runCli('list', '--format', 'json')).stdout) as { scenarios: Array<{ id: string; branches: Array<{ name: string }> }> };
const SCENARIO_IDS = listed.scenarios.map((s) => s.id);
const BRANCHES = listed.scenarios.flatMap((s) => s.branches.map((b) => b.name));
const RECORD_IDS = march.steps.map((s) => s.id);
const WHAT_IF_STEPS = WHAT_IF.steps.map((s) => s.id);

/** Random text: binary code units, any code point, and a mix heavy in control, bidi and separator characters. */
const junk: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.string({ unit: fc.constantFrom('\n', '\r', '\t', '\u0000', '\u001b', '\u007f', '\u0085', '\u202e', '\u2028', '\uFEFF', '\u{1F54A}', 'a', '-', '@', '.', '/', ' ', '=', '%'), maxLength: 10 }),
);

const numberish: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('0', '1', '2', '3', '7', '10', '100', '500', '2000') },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 20_000 }).map(String) },
  {
    weight: 3,
    arbitrary: fc.constantFrom('0x10', '1e3', ' 5', '5 ', '-1', '+1', '1.5', '5.0', '00', '０', '٣', '4294967295', '4294967296', '9007199254740991', '9007199254740993', '99999999999999999999', '1_000', 'NaN', 'Infinity', ''),
  },
  { weight: 1, arbitrary: junk },
);

const dateish: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('2025-03-20', '2025-03-14', '2025-03-15', '2025-04-25', '2025-04-30', '2025-06-30', '2025-12-31') },
  { weight: 1, arbitrary: fc.constantFrom('2024-01-01', '2025-03-01', '2030-01-01', '9999-12-31', '0000-01-01') },
  { weight: 3, arbitrary: fc.constantFrom('2025-02-30', '2025-02-29', '2025-13-01', '2025-00-10', '2025-04-31', '2025-3-20', '20250320', '2025/03/20', '2025-03-20T00:00:00Z', ' 2025-03-20', '2025-03-20\n', 'today', '') },
  { weight: 1, arbitrary: junk },
);

/** A scenario reference: shipped ids, every prepared file, names that are nearly right. */
const scenarioRef: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...SCENARIO_IDS) },
  { weight: 4, arbitrary: fc.constantFrom('valid.yaml', 'failing.yaml', 'failing.yaml', '\u001b[31mred.yaml', 'scenario.json', 'alias.yaml').map(at) },
  {
    weight: 3,
    arbitrary: fc.constantFrom('malformed.yaml', 'line\nbreak.yaml', 'empty.yaml', 'x.yaml', 'f.yaml', 'd.yaml', 'folder', 'missing.yaml', 'loop.yaml', 'dangling.json', 'saved.json', 'weights.yaml', 'steps.yaml', 'no-folder/a.yaml').map(at),
  },
  { weight: 1, arbitrary: fc.constantFrom('april-2025', 'March-2025', 'march-2025 ', 'march-2025.ts', 'march-2025.yaml', '../scenarios/march-2025', '_articles', '__proto__', 'constructor', '.', '', '-') },
  { weight: 1, arbitrary: junk },
);

const branchName: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...BRANCHES) },
  { weight: 1, arbitrary: fc.constantFrom(...BRANCHES).map((b) => b.replace(/.$/, '')) },
  { weight: 1, arbitrary: fc.constantFrom('record', 'what-if', '__proto__', 'toString', 'TRUCE-COLLAPSES', '') },
  { weight: 1, arbitrary: junk },
);

const stepId: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...RECORD_IDS, ...WHAT_IF_STEPS) },
  { weight: 1, arbitrary: fc.constantFrom('putin-yes-buts', 'timer-2025-04-20', '__proto__', '') },
  { weight: 1, arbitrary: junk },
);

/** `--from <scenario>[@<step>]`; starts earlier than the record's end are bounded by the `--max-states` every such command gets. */
const fromValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('march-2025', 'march-2025@putin-yes-but', 'march-2025@plea-to-spare', 'march-2025@troops-surrounded', `${at('valid.yaml')}@putin-rejects`, at('scenario.json')) },
  { weight: 1, arbitrary: fc.constantFrom('march-2025@kursk-incursion', 'march-2025@aid-suspended', 'march-2025@saudi-arabia-talks') },
  { weight: 2, arbitrary: fc.tuple(scenarioRef, stepId).map(([s, step]) => `${s}@${step}`) },
  { weight: 1, arbitrary: fc.constantFrom('march-2025@', '@putin-yes-but', '@', 'march-2025@@', 'march-2025@putin-yes-but@x', '') },
  { weight: 1, arbitrary: junk },
);

const target: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...OUTCOME_NAMES) },
  { weight: 3, arbitrary: fc.constantFrom('leverage.sanctionsImposed', 'proposal.inForce', 'proposal.inForce.running', 'proposal', 'aid', 'aid.suspended') },
  { weight: 2, arbitrary: fc.constantFrom('leverage.', '.leverage', 'leverage..sanctionsImposed', 'proposal.nope', 'ceasefire', '#ceasefire', '__proto__', 'constructor.prototype', '*', '') },
  { weight: 1, arbitrary: junk },
);

/** Files a command reads besides the scenario: steps, weights, saved runs, and everything else there is. */
const inputFile: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('steps.yaml', 'weights.yaml', 'saved.json', 'saved-file.json', 'tampered.json').map(at) },
  {
    weight: 3,
    arbitrary: fc.constantFrom('valid.yaml', 'scenario.json', 'malformed.yaml', 'line\nbreak.yaml', 'empty.yaml', 'x.yaml', 'f.yaml', 'd.yaml', 'folder', 'missing.yaml', 'loop.yaml', 'dangling.json', 'out-link.json').map(at),
  },
  { weight: 1, arbitrary: fc.constantFrom('', '/', '/dev/null', dir) },
  { weight: 1, arbitrary: junk },
);

/** Outputs: new names, names of the inputs (refused when they are this command's), links, folders; all inside the temporary folder. */
const outputFile: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('out.json', 'out.csv', 'out.yaml', 'out-link.json', '.hidden', 'new-folder/out.json', 'valid.yaml/out.json').map(at) },
  {
    weight: 3,
    arbitrary: fc.constantFrom('valid.yaml', 'alias.yaml', 'scenario.json', 'saved.json', 'saved-file.json', 'tampered.json', 'steps.yaml', 'weights.yaml', 'empty.yaml', 'x.yaml', 'folder', 'd.yaml', 'missing.yaml', 'dangling.json', 'loop.yaml').map(at),
  },
  { weight: 1, arbitrary: fc.constantFrom(dir, `${dir}/`, '') },
  { weight: 1, arbitrary: junk.map((name) => at(`o-${name.replace(/[/\0]/g, '_')}`)) },
);

const exportFolder: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('viewer', 'folder', 'd.yaml', 'valid.yaml', 'valid.yaml/sub', 'x.yaml', 'deep/er/viewer').map(at),
  fc.constantFrom(dir, ''),
);

type Kind = 'flag' | 'format' | 'diagramFormat' | 'scenario' | 'branch' | 'step' | 'date' | 'number' | 'from' | 'target' | 'input' | 'output' | 'export' | 'host' | 'port' | 'folder' | 'kind';

const VALUES: Record<Exclude<Kind, 'flag'>, fc.Arbitrary<string>> = {
  format: fc.oneof({ weight: 12, arbitrary: fc.constantFrom('text', 'json') }, { weight: 1, arbitrary: fc.constantFrom('JSON', 'xml', 'mermaid', 'dot', '', 'text ') }, { weight: 1, arbitrary: junk }),
  diagramFormat: fc.oneof({ weight: 12, arbitrary: fc.constantFrom('mermaid', 'dot', 'json') }, { weight: 1, arbitrary: fc.constantFrom('text', 'Mermaid', 'svg', '', '__proto__') }, { weight: 1, arbitrary: junk }),
  scenario: scenarioRef,
  branch: branchName,
  step: stepId,
  date: dateish,
  number: numberish,
  from: fromValue,
  target,
  input: inputFile,
  output: outputFile,
  export: exportFolder,
  host: fc.oneof(fc.constantFrom('127.0.0.1', '::1', 'localhost'), fc.constantFrom('0.0.0.0', 'example.com', '127.0.0.2', '', 'localhost ', '[::1]'), junk),
  port: fc.oneof(fc.constantFrom('0', '4848', '65535'), numberish),
  folder: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('folder', 'd.yaml').map(at) },
    { weight: 2, arbitrary: fc.constantFrom('valid.yaml', 'missing', 'x.yaml', 'f.yaml').map(at) },
    { weight: 1, arbitrary: fc.constantFrom(dir, '', '/dev/null') },
    { weight: 1, arbitrary: junk },
  ),
  kind: fc.oneof({ weight: 6, arbitrary: fc.constantFrom('plover', 'csv') }, { weight: 1, arbitrary: fc.constantFrom('PLOVER', 'json', 'cameo', '') }, { weight: 1, arbitrary: junk }),
};

// ---------------------------------------------------------------- commands and options

/** Every option of every command, with what its value is (`--inspect` left out: it reaches for the network). */
const OPTIONS: Record<string, Kind> = {
  '--format': 'format',
  '--branch': 'branch',
  '--all-branches': 'flag',
  '--until': 'date',
  '--lenient': 'flag',
  '--save': 'output',
  '--stop-after': 'step',
  '--port': 'port',
  '--host': 'host',
  '--open': 'flag',
  '--export': 'export',
  '--steps': 'input',
  '--from': 'from',
  '--max-depth': 'number',
  '--max-states': 'number',
  '--max-memory': 'number',
  '--full': 'flag',
  '--to': 'target',
  '--max': 'number',
  '--runs': 'number',
  '--seed': 'number',
  '--weights': 'input',
  '--horizon': 'date',
  '--workers': 'number',
  '--out': 'output',
  '--highlight': 'scenario',
  '--step': 'number',
  '--articles': 'folder',
};

interface CommandSpec {
  readonly args: readonly Kind[];
  readonly options: readonly string[];
  /** Options commander requires; given most of the time. */
  readonly required?: readonly string[];
  /** The kind of `--format` here, when it differs. */
  readonly format?: Kind;
}

const COMMANDS: Record<string, CommandSpec> = {
  list: { args: [], options: ['--format'] },
  models: { args: [], options: ['--format'] },
  events: { args: [], options: ['--format'] },
  run: { args: ['scenario'], options: ['--branch', '--all-branches', '--until', '--lenient', '--format', '--save', '--stop-after'] },
  view: { args: ['scenario'], options: ['--branch', '--port', '--host', '--open', '--export'] },
  compare: { args: ['scenario', 'branch', 'branch'], options: ['--format'] },
  resume: { args: ['input'], options: ['--steps', '--until', '--lenient', '--save', '--format'] },
  schema: { args: [], options: [] },
  explore: { args: [], options: ['--from', '--branch', '--max-depth', '--max-states', '--max-memory', '--full', '--format'] },
  paths: { args: [], options: ['--to', '--from', '--branch', '--max', '--max-depth', '--max-states', '--max-memory', '--full', '--format'], required: ['--to'] },
  simulate: { args: [], options: ['--runs', '--seed', '--weights', '--horizon', '--from', '--branch', '--workers', '--max-states', '--format'], required: ['--runs'] },
  export: { args: ['kind', 'scenario'], options: ['--branch', '--out'] },
  diagram: { args: [], options: ['--format', '--highlight', '--branch', '--step', '--out'], format: 'diagramFormat' },
  'verify-quotes': { args: ['scenario'], options: ['--articles'], required: ['--articles'] },
};
const COMMAND_NAMES = Object.keys(COMMANDS);
/** How often each command comes up: the ones with more to get wrong more often, `view` (slow to export) seldom. */
const COMMAND_WEIGHTS: Record<string, number> = { list: 2, models: 1, events: 1, run: 5, view: 1, compare: 2, resume: 4, schema: 1, explore: 2, paths: 3, simulate: 3, export: 2, diagram: 2, 'verify-quotes': 2 };
/** No command at all: the options alone, or nothing. */
const NO_COMMAND = '(none)';
const ALL_OPTIONS = Object.keys(OPTIONS);

/** A positional value of a command: what belongs there, mostly. */
function positional(kind: Kind, command: string): fc.Arbitrary<string> {
  // compare takes `record` or a branch; resume takes a saved run.
  if (command === 'compare' && kind === 'branch') return fc.oneof({ weight: 1, arbitrary: fc.constant('record') }, { weight: 4, arbitrary: branchName });
  if (command === 'resume') return fc.oneof({ weight: 4, arbitrary: fc.constantFrom('saved.json', 'saved-file.json', 'tampered.json').map(at) }, { weight: 3, arbitrary: inputFile });
  return kind === 'flag' ? fc.constant('') : VALUES[kind];
}

/** One option as the tokens a user types: `--name value`, sometimes `--name=value`, or a bare flag. */
function optionTokens(name: string, command: string): fc.Arbitrary<string[]> {
  const kind = name === '--format' && COMMANDS[command]?.format ? COMMANDS[command]!.format! : OPTIONS[name]!;
  if (kind === 'flag') return fc.constant([name]);
  return fc.tuple(VALUES[kind], fc.nat({ max: 9 })).map(([value, n]) => (n === 0 ? [`${name}=${value}`] : [name, value]));
}

const misspelt = (name: string) =>
  fc.oneof(
    fc.nat().map((i) => name.slice(0, i % name.length) + name.slice((i % name.length) + 1)),
    fc.constantFrom(name.toUpperCase(), `${name}s`, ` ${name}`, `-${name}`, `--${name}`),
  );

/** An argv: a command, its positionals (about the right number), options of its own and of others, shuffled. */
const commandLine: fc.Arbitrary<string[]> = fc
  .oneof(
    ...COMMAND_NAMES.map((name) => ({ weight: 2 * COMMAND_WEIGHTS[name]!, arbitrary: fc.constant(name) })),
    { weight: 2, arbitrary: fc.constantFrom(...COMMAND_NAMES).chain(misspelt) },
    { weight: 1, arbitrary: fc.constantFrom('help', '--', '-V', '--help', NO_COMMAND) },
    { weight: 1, arbitrary: fc.oneof(junk, fc.constantFrom('lists', 'serve', 'inspect', '', '-')) },
  )
  .chain((command) => {
    const spec = COMMANDS[command] ?? { args: ['scenario'], options: [] };
    const own = spec.options.length ? fc.constantFrom(...spec.options) : fc.constantFrom(...ALL_OPTIONS);
    const anyOption = fc.oneof({ weight: 12, arbitrary: own }, { weight: 1, arbitrary: fc.constantFrom(...ALL_OPTIONS) }).chain((name) => optionTokens(name, command));
    const count = fc.oneof({ weight: 8, arbitrary: fc.constant(spec.args.length) }, { weight: 1, arbitrary: fc.nat({ max: 4 }) });
    return fc.record({
      command: fc.constant(command),
      positionals: count.chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => positional(spec.args[i] ?? 'scenario', command)))),
      required: fc.tuple(...(spec.required ?? []).map((name) => fc.tuple(fc.nat({ max: 7 }), optionTokens(name, command)).map(([n, tokens]) => (n === 0 ? [] : tokens)))),
      options: fc.array(anyOption, { maxLength: 5 }),
      extra: fc.oneof({ weight: 30, arbitrary: fc.constant<string[]>([]) }, { weight: 1, arbitrary: fc.constantFrom<string[]>(['--help'], ['-h'], ['-V'], ['--'], ['-x'], ['--format']) }),
      order: fc.array(fc.nat(), { maxLength: 8 }),
      view: fc.oneof(
        { weight: 1, arbitrary: exportFolder.map((folder) => ['--export', folder]) },
        { weight: 2, arbitrary: fc.constantFrom('--port', '--host').chain((name) => fc.constantFrom('65536', '-1', '0x10', 'http', '', ' 80', '99999999999999999999').map((bad) => (name === '--port' ? [name, bad] : ['--host', bad === '' ? '0.0.0.0' : `${bad}.example`]))) },
      ),
      maxStates: fc.oneof({ weight: 10, arbitrary: fc.constantFrom('1', '5', '50', '300', '1000', '3000') }, { weight: 1, arbitrary: fc.constant('20000') }),
    });
  })
  .map(({ command, positionals, required, options, extra, order, view, maxStates }) => {
    // Positionals and options as units, in a shuffled order, so that no option loses its value.
    const units: string[][] = [...positionals.map((p) => [p]), ...required.filter((r) => r.length), ...options, ...(extra.length ? [extra] : [])];
    order.forEach((n, i) => {
      if (units.length < 2) return;
      const a = i % units.length;
      const b = n % units.length;
      [units[a], units[b]] = [units[b]!, units[a]!];
    });
    return bounded([...(command === NO_COMMAND ? [] : [command]), ...units.flat()], { view, maxStates });
  });

const WHOLE = /^[0-9]+$/;
const CAPS: Record<string, number> = { '--runs': 2000, '--max-states': 20_000 };

/** The bounds of the file's header comment, applied to an argv. */
function bounded(argv: string[], extra: { view: string[]; maxStates: string }): string[] {
  const out = argv.map((token, i) => {
    // `--runs 9999999` and `--runs=9999999` alike: a valid count above the cap becomes the cap.
    const [name, inline] = token.startsWith('--') && token.includes('=') ? [token.slice(0, token.indexOf('=')), token.slice(token.indexOf('=') + 1)] : [argv[i - 1] ?? '', null];
    const cap = CAPS[name];
    const value = inline ?? token;
    if (cap !== undefined && WHOLE.test(value) && Number(value) > cap) return inline === null ? String(cap) : `${name}=${cap}`;
    return token;
  });
  const command = out[0];
  if (command === 'view') out.push(...extra.view);
  if ((command === 'explore' || command === 'paths' || command === 'simulate') && !out.some((t) => t === '--max-states' || t.startsWith('--max-states='))) out.push('--max-states', extra.maxStates);
  // Never inspect (a random token is as good as never one, but never is better).
  return out.map((t) => (t.startsWith('--insp') ? t.replace('--insp', '--nsp') : t));
}

// ---------------------------------------------------------------- checks

const NUM_RUNS = 400;
/** A command that runs longer than this is taken for a hang. */
const RUN_LIMIT_MS = 30_000;

beforeAll(async () => {
  for (const name of FOLDERS) mkdirSync(at(name));
  for (const [name, target] of Object.entries(LINKS)) symlinkSync(target, at(name));
  if (spawnSync('mkfifo', [at(FIFO)]).status !== 0) writeFileSync(at(FIFO), 'not a FIFO here: mkfifo is missing\n');
  writeFileSync(at('valid.yaml'), TEXT_FILES['valid.yaml']!);
  for (const [file, args] of [['saved.json', ['march-2025', '--stop-after', 'putin-yes-but']], ['saved-file.json', [at('valid.yaml'), '--stop-after', 'putin-rejects']]] as const) {
    const made = await runCli('run', ...args, '--save', at(file));
    expect(made.code, made.stderr).toBe(0);
    TEXT_FILES[file] = readFileSync(at(file), 'utf8');
  }
  const saved = TEXT_FILES['saved.json']!;
  // Tampered: a state the model does not have.
  TEXT_FILES['tampered.json'] = saved.replace('"agreedInPrinciple"', '"agreedInPrincipal"');
  expect(TEXT_FILES['tampered.json']).not.toBe(saved);
  resetFixtures();
}, 60_000);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('the ceasefire command line, fuzzed', () => {
  it('always exits 0, 1 or 2, and a refusal is one line per problem on stderr with no stack trace', async () => {
    // A library warning would reach the real process's stderr as extra lines.
    const warnings = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
    const codes = new Map<number, number>();
    const began = performance.now();

    await fc.assert(
      fc.asyncProperty(commandLine, async (argv) => {
        resetFixtures();
        warnings.mockClear();
        let timer: NodeJS.Timeout | undefined;
        const hang = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`still running after ${RUN_LIMIT_MS} ms`)), RUN_LIMIT_MS);
        });
        const { code, stdout, stderr } = await Promise.race([runCli(...argv), hang]).finally(() => clearTimeout(timer));
        codes.set(code, (codes.get(code) ?? 0) + 1);
        const shown = `exit ${code}\nstderr: ${JSON.stringify(stderr)}`;

        expect([0, 1, 2], shown).toContain(code);
        expect(stderr, shown).not.toContain('    at ');
        expect(stderr, shown).not.toContain('internal error');
        expect(warnings.mock.calls.map(([w]) => String(w instanceof Error ? w.message : w)), shown).toEqual([]);
        if (stderr !== '') expect(stderr.endsWith('\n'), shown).toBe(true);
        const lines = stderr === '' ? [] : stderr.slice(0, -1).split('\n');
        if (code === 2) {
          // One line per problem (a file with several mistakes reports them all), at most 50 and a count of the rest.
          expect(lines.length, shown).toBeGreaterThanOrEqual(1);
          expect(lines.length, shown).toBeLessThanOrEqual(51);
          expect(new Set(lines).size, shown).toBe(lines.length);
          for (const line of lines) {
            expect(line, shown).toMatch(/^ceasefire: (?!warning: )/);
            expect(line, shown).not.toContain('\r');
          }
          expect(stdout, shown).toBe('');
        } else {
          // Warnings and a failed check's summary, each one line; help and version go to stdout.
          for (const line of lines) expect(line, shown).toMatch(/^ceasefire: /);
        }
      }),
      { numRuns: NUM_RUNS },
    );

    // Not vacuous: the generator reaches real runs, failed checks and refusals alike.
    const seconds = ((performance.now() - began) / 1000).toFixed(1);
    console.info(`cli fuzz: ${NUM_RUNS} runs in ${seconds} s; exit codes ${JSON.stringify(Object.fromEntries([...codes].sort(([a], [b]) => a - b)))}`);
    expect(codes.get(0) ?? 0).toBeGreaterThan(0);
    expect(codes.get(1) ?? 0).toBeGreaterThan(0);
    expect(codes.get(2) ?? 0).toBeGreaterThan(0);
  }, 180_000);
});

/* Inputs that once ran for minutes or crashed the process, kept as plain cases. */
describe('ceasefire paths with a large --max or a --to it does not know', () => {
  it('lists the roads to an outcome few states reach in seconds, not minutes', async () => {
    const { code, stdout, stderr } = await runCli('paths', '--to', 'rejected', '--from', 'march-2025@kursk-incursion', '--full', '--max-states', '5000', '--max', '1000');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^The \d+ shortest road\(s\) from march-2025 after 'kursk-incursion' \(2024-08-01\) to outcome rejected:\n/);
    expect(stderr).toBe("ceasefire: warning: stopped at 5,000 states (--max-states); the results cover part of the space: use --max-depth or a later --from\n");
  });

  it('refuses a --max above 1,000 with exit 2 before exploring', async () => {
    for (const max of ['1001', '9007199254740991']) {
      const { code, stdout, stderr } = await runCli('paths', '--to', 'rejected', '--max', max);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toBe(`ceasefire: --max: '${max}' is not a whole number from 1 to 1000\n`);
    }
  });

  it('refuses an unknown --to with exit 2 before exploring half a million states', async () => {
    const { code, stderr } = await runCli('paths', '--to', 'proposal.nope', '--from', 'march-2025@kursk-incursion');
    expect(code).toBe(2);
    expect(stderr).toMatch(/^ceasefire: --to: 'proposal\.nope' is neither an outcome \(.*\) nor a state path such as proposal\.inForce\n$/);
  });

  it('refuses a --to with an empty segment rather than reading it as its parent state', async () => {
    for (const to of ['', '.', 'leverage.', 'leverage..sanctionsImposed']) {
      const { code, stdout, stderr } = await runCli('paths', '--to', to, '--max', '1');
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^ceasefire: --to: '.*' is neither an outcome \(.*\) nor a state path such as proposal\.inForce\n$/);
    }
  });
});
