// Build step: make the CLI executable and bundle the viewer's browser app into dist/viewer/.
import { chmodSync, copyFileSync, mkdirSync } from 'node:fs';
import { build } from 'esbuild';

chmodSync('dist/src/cli/bin.js', 0o755);
mkdirSync('dist/viewer', { recursive: true });
// A classic script (IIFE), not a module: browsers refuse module scripts opened from file://.
await build({
  entryPoints: ['src/viewer/app/main.ts'],
  bundle: true,
  format: 'iife',
  target: 'es2020',
  outfile: 'dist/viewer/app.js',
  logLevel: 'warning',
});
for (const file of ['index.html', 'app.css']) copyFileSync(`src/viewer/app/${file}`, `dist/viewer/${file}`);
