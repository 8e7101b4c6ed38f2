import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './_io.js';

describe('ceasefire verify-quotes', () => {
  it('names each quote missing from the articles and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'articles-'));
    writeFileSync(join(dir, '000_x.txt'), 'Nothing the record quotes.');
    const { code, stdout, stderr } = await runCli('verify-quotes', 'march-2025', '--articles', dir);
    expect(code).toBe(1);
    expect(stdout).toContain('✗ kursk-incursion: not verbatim in article 000');
    expect(stdout).toContain('✗ kursk-incursion: article 001 not found in');
    expect(stderr).toMatch(/^ceasefire: \d+ quote\(s\) of march-2025 are not verbatim in their articles\n$/);
  });

  it('refuses a missing articles folder with exit 2', async () => {
    const { code, stderr } = await runCli('verify-quotes', 'march-2025', '--articles', '/no/such/dir');
    expect(code).toBe(2);
    expect(stderr).toBe("ceasefire: --articles: folder '/no/such/dir' does not exist\n");
  });
});

describe('ceasefire verify-quotes: names', () => {
  const ARTICLE = 'U.S. officials presented the plan to Ukrainian officials during talks in Saudi Arabia on Tuesday.';
  const scenario = (note: string) => `id: talks
title: The talks in Saudi Arabia
description: One step, to check names.
articles:
  - { id: '900', file: 900.txt, date: 2025-03-11, outlet: null }
steps:
  - id: plan-presented
    date: 2025-03-11
    actor: united-states
    event: proposal.present
    sources: [{ article: '900', quote: presented the plan to Ukrainian officials }]
    note: ${note}
`;
  const check = async (note: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'names-'));
    writeFileSync(join(dir, '900.txt'), ARTICLE);
    writeFileSync(join(dir, 'talks.yaml'), scenario(note));
    return runCli('verify-quotes', join(dir, 'talks.yaml'), '--articles', dir);
  };

  it('names a place the scenario adds to its articles, such as a city they never give, and exits 1', async () => {
    const { code, stdout, stderr } = await check('The talks were held in Jeddah, on the Red Sea.');
    expect(code).toBe(1);
    expect(stdout.split('\n').filter((line) => line.startsWith('✗ plan-presented'))).toEqual([
      "✗ plan-presented note: 'Jeddah' is a name no article uses",
      "✗ plan-presented note: 'Red' is a name no article uses",
      "✗ plan-presented note: 'Sea' is a name no article uses",
    ]);
    // The model's own names (Kursk, Moscow, …) are not in this one-line article either.
    expect(stdout).toContain("✗ event ukraine.launchIncursion: 'Kursk' is a name no article uses\n");
    expect(stderr).toMatch(/^ceasefire: \d+ name\(s\) in talks or its model are in no article\n$/);
  });

  it('passes names the articles use, in any case, and words that only begin a sentence', async () => {
    const { stdout } = await check("Dated by the article's Tuesday. U.S. officials met in Saudi Arabia; \"Plan\" is theirs.");
    expect(stdout).toContain("✗ event ukraine.launchIncursion: 'Kursk'");
    expect(stdout).not.toContain('plan-presented');
  });
});
