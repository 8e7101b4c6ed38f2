import { existsSync, lstatSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ASSET_TYPES, dataScript, readAsset, type AssetName } from './assets.js';
import { ViewerError } from './server.js';
import type { ViewData } from './view-data.js';

const EXPORTED = [...(Object.keys(ASSET_TYPES) as AssetName[]), 'data.js'];

/**
 * Refuse an export folder that is not a folder, holds files other than an
 * earlier export's, or holds one of those names as anything but a regular file
 * (a link would be replaced, not written through): checked before any work.
 */
export function checkExportFolder(dir: string): void {
  if (dir === '') throw new ViewerError('--export: the folder name is empty');
  if (!existsSync(dir)) {
    // The folder is made, with its parents, where those exist as folders or not at all.
    for (let parent = dirname(resolve(dir)); ; parent = dirname(parent)) {
      if (existsSync(parent)) {
        if (!statSync(parent).isDirectory()) throw new ViewerError(`${dir}: refusing to export: ${parent} is not a folder`);
        break;
      }
      if (dirname(parent) === parent) break;
    }
    return;
  }
  if (!statSync(dir).isDirectory()) throw new ViewerError(`${dir}: refusing to export: it is not a folder`);
  const names = readdirSync(dir);
  const foreign = names.filter((name) => !EXPORTED.includes(name));
  if (foreign.length) throw new ViewerError(`${dir}: refusing to export into a folder with other files (${foreign.slice(0, 3).join(', ')})`);
  const odd = names.filter((name) => !lstatSync(join(dir, name)).isFile());
  if (odd.length) throw new ViewerError(`${dir}: refusing to export: ${odd.slice(0, 3).join(', ')} is not a regular file`);
}

/**
 * Write the viewer as a static folder (HTML, JS, CSS, the scenario data) that
 * works from `file://` or any static host, with no server and no network.
 * Refuses a folder holding other files, so nothing of the user's is overwritten.
 */
export function exportViewer(dir: string, data: ViewData): string[] {
  checkExportFolder(dir);
  try {
    if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new ViewerError(`${dir}: cannot export (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const files: Array<[string, string]> = [
    ...(Object.keys(ASSET_TYPES) as AssetName[]).map((name): [string, string] => [name, readAsset(name)]),
    ['data.js', dataScript(data)],
  ];
  try {
    for (const [name, content] of files) {
      // Each file lands whole: a temporary file, then a rename.
      const temp = join(dir, `.${name}.${process.pid}.tmp`);
      writeFileSync(temp, content);
      renameSync(temp, join(dir, name));
    }
  } catch (error) {
    throw new ViewerError(`${dir}: cannot export (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return files.map(([name]) => join(dir, name));
}
