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
