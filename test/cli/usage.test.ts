import { describe, expect, it } from 'vitest';
import { runCli } from './_io.js';

describe('usage mistakes', () => {
  it.each([
    [[], 'ceasefire: no command given (see `ceasefire --help`)'],
    [['help', 'nope'], "ceasefire: unknown command 'nope' (see `ceasefire --help`)"],
    [['nope'], "ceasefire: unknown command 'nope'"],
    [['run', '--frobnicate', 'march-2025'], "ceasefire: unknown option '--frobnicate'"],
    [['run'], "ceasefire: missing required argument 'scenario'"],
    [['run', 'a', 'b'], "ceasefire: too many arguments for 'run'. Expected 1 argument but got 2."],
    [['paths'], "ceasefire: required option '--to <state|outcome>' not specified"],
    [['list', '--format', 'xml'], "ceasefire: option '--format <format>' argument 'xml' is invalid. Allowed choices are text, json."],
    [['\n', 'x'], "ceasefire: unknown command '\\n'"],
    [['list', '--format', '\u001b[2J'], "ceasefire: option '--format <format>' argument '\\u001b[2J' is invalid. Allowed choices are text, json."],
  ])('`ceasefire %j` exits 2 with one line saying what is wrong', async (argv, message) => {
    const { code, stdout, stderr } = await runCli(...argv);
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: `${message}\n` });
  });

  it('prints help on stdout and exits 0 when asked', async () => {
    const { code, stdout, stderr } = await runCli('--help');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(/^Usage: ceasefire \[options\] \[command\]\n/);
  });
});
