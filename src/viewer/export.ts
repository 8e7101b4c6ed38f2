import { existsSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ASSET_TYPES, dataScript, readAsset, type AssetName } from './assets.js';
import { ViewerError } from './server.js';
import type { ViewData } from './view-data.js';

const EXPORTED = [...(Object.keys(ASSET_TYPES) as AssetName[]), 'data.js'];

/**
 * Write the viewer as a static folder (HTML, JS, CSS, the scenario data) that
 * works from `file://` or any static host, with no server and no network.
 * Refuses a folder holding other files, so nothing of the user's is overwritten.
 */
export function exportViewer(dir: string, data: ViewData): string[] {
  if (existsSync(dir)) {
    const foreign = readdirSync(dir).filter((name) => !EXPORTED.includes(name));
    if (foreign.length) throw new ViewerError(`${dir}: refusing to export into a folder with other files (${foreign.slice(0, 3).join(', ')})`);
  } else {
    mkdirSync(dir, { recursive: true });
  }
  const files: Array<[string, string]> = [
    ...(Object.keys(ASSET_TYPES) as AssetName[]).map((name): [string, string] => [name, readAsset(name)]),
    ['data.js', dataScript(data)],
  ];
  for (const [name, content] of files) {
    // Each file lands whole: a temporary file, then a rename.
    const temp = join(dir, `.${name}.${process.pid}.tmp`);
    writeFileSync(temp, content);
    renameSync(temp, join(dir, name));
  }
  return files.map(([name]) => join(dir, name));
}
