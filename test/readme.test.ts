import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './cli/_io.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(join(root, 'README.md'), 'utf8');
// Inside the project, so `import … from 'ceasefire-lab'` resolves as it does for a user.
const work = mkdtempSync(join(root, '.readme-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The first fenced block of `lang` after `heading` in the README. */
function block(heading: string, lang: string): string {
  const section = readme.slice(readme.indexOf(heading));
  const match = new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(section);
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
