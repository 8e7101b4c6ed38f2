/**
 * `npm run bench`: speed figures measured in one run on this machine, as ratios.
 * `npm run bench -- --json` prints them as one JSON object.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = fileURLToPath(new URL('../node_modules/.bin/ceasefire', import.meta.url));

function medianMs(command: string, args: string[], runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(command, args, { cwd: root, stdio: 'ignore' });
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}`);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const runs = 11;
const nodeMs = medianMs(process.execPath, ['-e', '0'], runs);
const runMs = medianMs(bin, ['run', 'march-2025'], runs);
const figures = {
  startup: { nodeMs: Math.round(nodeMs), runMs: Math.round(runMs), ratio: Number((runMs / nodeMs).toFixed(2)), target: 5 },
};

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(figures));
} else {
  console.log(`startup: \`ceasefire run march-2025\` ${figures.startup.runMs} ms vs \`node -e 0\` ${figures.startup.nodeMs} ms: ${figures.startup.ratio}× (target ≤ ${figures.startup.target}×, median of ${runs})`);
}
