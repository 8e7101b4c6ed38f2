import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './_io.js';
import { serveView } from './_serve.js';


describe('ceasefire view', () => {
  it('serves on 127.0.0.1, prints its URL, and stops on Ctrl+C', async () => {
    const { url, stop } = await serveView('march-2025', '--branch', 'truce-collapses');
    expect(url).toMatch(/#scenario=march-2025&branch=truce-collapses&step=1$/);
    const page = await fetch(url.replace(/#.*/, ''));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await page.text()).toContain('<button id="next"');
    expect(await stop()).toBe(0);
  }, 30_000);

  it('refuses to bind anything but loopback', async () => {
    const { code, stderr } = await runCli('view', '--host', '0.0.0.0', '--port', '0');
    expect(code).toBe(2);
    expect(stderr).toBe('ceasefire: refusing to serve on 0.0.0.0: the viewer binds loopback only (127.0.0.1, ::1 or localhost)\n');
  }, 30_000);

  it('exports a static folder, and refuses a folder holding other files', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'export-')), 'class');
    const done = await runCli('view', 'march-2025', '--export', dir);
    expect(done.code).toBe(0);
    for (const file of ['index.html', 'app.js', 'app.css', 'data.js']) expect(existsSync(join(dir, file))).toBe(true);
    expect(readFileSync(join(dir, 'data.js'), 'utf8')).toMatch(/^window\.CEASEFIRE_VIEW = \{/);
    // Exporting again over our own files is fine; a stranger's file is not touched.
    expect((await runCli('view', '--export', dir)).code).toBe(0);
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    const refused = await runCli('view', '--export', dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`ceasefire: ${dir}: refusing to export into a folder with other files (notes.txt)\n`);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
  }, 30_000);

  it('refuses an export folder it cannot make, and a link in place of an exported file, before any work', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'export-'));
    const file = join(parent, 'notes.txt');
    writeFileSync(file, 'mine');
    const empty = await runCli('view', '--export', '');
    const underFile = await runCli('view', '--export', join(file, 'class'));
    expect([empty.code, underFile.code]).toEqual([2, 2]);
    expect(empty.stderr).toBe('ceasefire: --export: the folder name is empty\n');
    expect(underFile.stderr).toBe(`ceasefire: ${join(file, 'class')}: refusing to export: ${file} is not a folder\n`);
    const linked = join(parent, 'linked');
    mkdirSync(linked);
    symlinkSync(file, join(linked, 'index.html'));
    const refused = await runCli('view', '--export', linked);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`ceasefire: ${linked}: refusing to export: index.html is not a regular file\n`);
    expect(readFileSync(file, 'utf8')).toBe('mine');
  });

  it('refuses --branch without a scenario, and an empty branch name', async () => {
    const alone = await runCli('view', '--branch', 'truce-collapses', '--export', join(mkdtempSync(join(tmpdir(), 'export-')), 'x'));
    const empty = await runCli('view', 'march-2025', '--branch', '', '--export', join(mkdtempSync(join(tmpdir(), 'export-')), 'x'));
    expect([alone.code, empty.code]).toEqual([2, 2]);
    expect(alone.stderr).toMatch(/^ceasefire: --branch needs the scenario/);
    expect(empty.stderr).toMatch(/^ceasefire: scenario 'march-2025' has no branch ''/);
  });

  it('refuses a bad port with exit 2', async () => {
    const { code, stderr } = await runCli('view', '--port', 'eighty');
    expect(code).toBe(2);
    expect(stderr).toBe("ceasefire: --port: 'eighty' is not a whole number from 0 to 65535\n");
  });
});

describe('ceasefire schema', () => {
  it('prints a JSON Schema that describes steps, events and branches', async () => {
    const { code, stdout } = await runCli('schema');
    expect(code).toBe(0);
    const schema = JSON.parse(stdout);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'title', 'steps']));
    const step = schema.properties.steps.items;
    expect(step.required).toEqual(expect.arrayContaining(['id', 'date', 'actor', 'event']));
    expect(JSON.stringify(step.properties.event)).toContain('russia.agreeInPrinciple');
    expect(schema.properties.branches.items.required).toEqual(expect.arrayContaining(['name', 'from', 'motivation', 'expectedOutcome', 'steps']));
  });
});
