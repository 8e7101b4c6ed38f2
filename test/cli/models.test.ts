import { describe, expect, it } from 'vitest';
import { runCli } from './_io.js';

describe('ceasefire models', () => {
  it('lists the shipped models by id with their titles, the default marked', async () => {
    const { code, stdout, stderr } = await runCli('models');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe('ceasefire-2025  March 2025 ceasefire (default)\n');
  });

  it('lists them as JSON', async () => {
    const { code, stdout } = await runCli('models', '--format', 'json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ models: [{ id: 'ceasefire-2025', title: 'March 2025 ceasefire', default: true }] });
  });
});

describe('--model', () => {
  it('runs a command on the named model, as the default does', async () => {
    for (const argv of [
      ['run', 'march-2025'],
      ['run', 'march-2025', '--all-branches'],
      ['compare', 'march-2025', 'record', 'truce-collapses'],
      ['export', 'csv', 'march-2025'],
      ['diagram', '--format', 'dot'],
      ['schema'],
      ['list'],
    ]) {
      const plain = await runCli(...argv);
      const named = await runCli(...argv, '--model', 'ceasefire-2025');
      expect(named, argv.join(' ')).toEqual(plain);
      expect(named.code, argv.join(' ')).toBe(0);
    }
  });

  it('refuses an unknown model in one line, naming the known ones', async () => {
    for (const argv of [
      ['run', 'march-2025'],
      ['schema'],
      ['paths', '--to', 'ceasefire-in-force'],
      ['simulate', '--runs', '10'],
      ['diagram'],
    ]) {
      const { code, stdout, stderr } = await runCli(...argv, '--model', 'ceasefire-2031');
      expect(code, argv.join(' ')).toBe(2);
      expect(stdout, argv.join(' ')).toBe('');
      expect(stderr, argv.join(' ')).toBe("ceasefire: --model: unknown model 'ceasefire-2031' (known: ceasefire-2025)\n");
    }
  });
});
