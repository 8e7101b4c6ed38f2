import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ENGINE = join(ROOT, 'src', 'engine');
const MODELS = join(ROOT, 'src', 'models');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|mts|js|mjs)$/.test(entry.name) ? [path] : [];
  });
}

/** Every module specifier a source file names: `import … from`, `export … from`, bare `import '…'` and `import('…')`. */
function specifiers(text: string): string[] {
  const found: string[] = [];
  const patterns = [/\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const pattern of patterns) for (const match of text.matchAll(pattern)) found.push(match[1]!);
  return found;
}

function reachesModels(file: string, specifier: string): boolean {
  if (specifier.startsWith('.')) {
    const target = resolve(dirname(file), specifier);
    return target === MODELS || target.startsWith(MODELS + sep);
  }
  // The package's own name would reach the models through its public entry.
  return specifier === 'ceasefire-lab' || specifier.startsWith('ceasefire-lab/');
}

describe('the engine', () => {
  const files = sourceFiles(ENGINE);

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('imports nothing from any model: every engine function takes the model it runs', () => {
    const offending = files.flatMap((file) =>
      specifiers(readFileSync(file, 'utf8'))
        .filter((specifier) => reachesModels(file, specifier))
        .map((specifier) => `${relative(ROOT, file)} imports '${specifier}'`),
    );
    expect(offending).toEqual([]);
  });

  it('would notice an import of a model, however it is written', () => {
    const file = join(ENGINE, 'formats', 'example.ts');
    const text = [
      "import { EVENTS } from '../../models/ceasefire-2025/events.js';",
      "export { ceasefire2025 } from '../../models/index.js';",
      "const lazy = await import('../../models/ceasefire-2025/index.js');",
      "import type { Model } from '../model.js';",
    ].join('\n');
    expect(specifiers(text).filter((s) => reachesModels(file, s))).toEqual([
      '../../models/ceasefire-2025/events.js',
      '../../models/index.js',
      '../../models/ceasefire-2025/index.js',
    ]);
  });
});
