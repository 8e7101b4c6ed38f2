import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ViewData } from './view-data.js';

// Running built code (dist/src/viewer) or sources (src/viewer), the bundled app lives in dist/viewer.
const PACKAGE_ROOT = fileURLToPath(new URL(import.meta.url.includes('/dist/') ? '../../../' : '../../', import.meta.url));
const ASSET_DIR = join(PACKAGE_ROOT, 'dist', 'viewer');

/** The viewer's static files, by the name they are served and exported under. */
export const ASSET_TYPES = {
  'index.html': 'text/html; charset=utf-8',
  'app.js': 'text/javascript; charset=utf-8',
  'app.css': 'text/css; charset=utf-8',
} as const;

/** One of the viewer's own static files. */
export type AssetName = keyof typeof ASSET_TYPES;

/** Read a bundled asset; a missing build is reported plainly. */
export function readAsset(name: AssetName): string {
  const path = join(ASSET_DIR, name);
  if (!existsSync(path)) throw new Error(`the viewer is not built (${path} is missing); run \`npm run build\``);
  return readFileSync(path, 'utf8');
}

/**
 * The viewer data as a classic script (`window.CEASEFIRE_VIEW = …`), so that a
 * page opened from `file://` can load it too. JSON is data, never code to run:
 * `<` is escaped so no text can close a script element.
 */
export function dataScript(data: ViewData): string {
  return `window.CEASEFIRE_VIEW = ${JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')};\n`;
}
