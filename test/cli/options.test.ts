import { describe, expect, it } from 'vitest';
import { runCli } from './_io.js';

describe('numeric options', () => {
  it.each([
    ['simulate', '--runs', '0x10'],
    ['simulate', '--runs', '1e3'],
    ['simulate', '--runs', ' 5'],
    ['simulate', '--runs', '5.0'],
    ['simulate', '--runs', '-1'],
    ['explore', '--max-depth', '+3'],
    ['paths', '--max', '0b11'],
    ['view', '--port', '80 '],
  ])('refuses `%s %s %j` in one line', async (command, option, value) => {
    const extra = command === 'paths' ? ['--to', 'rejected'] : command === 'simulate' && option !== '--runs' ? ['--runs', '1'] : [];
    const { code, stdout, stderr } = await runCli(command, ...extra, option, value);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toMatch(new RegExp(`^ceasefire: ${option}: '.*' is not a whole number .*\\n$`));
  });

  it('takes a seed from 0 to 4294967295 and refuses 2^32, which would repeat seed 0', async () => {
    const zero = await runCli('simulate', '--runs', '2000', '--seed', '0', '--format', 'json');
    const top = await runCli('simulate', '--runs', '2000', '--seed', '4294967295', '--format', 'json');
    expect([zero.code, top.code]).toEqual([0, 0]);
    const outcomes = (stdout: string) => JSON.stringify(JSON.parse(stdout).outcomes);
    expect(outcomes(top.stdout)).not.toBe(outcomes(zero.stdout));
    const over = await runCli('simulate', '--runs', '2000', '--seed', '4294967296');
    expect(over.code).toBe(2);
    expect(over.stderr).toBe("ceasefire: --seed: '4294967296' is not a whole number from 0 to 4294967295\n");
  });
});
