import { EXIT, type CliIO } from './io.js';
import { loadScenario, shippedScenarioIds } from './load.js';

/** `ceasefire list`: every shipped scenario with its branches and their expected outcomes. */
export async function listScenarios(options: { format: string }, io: CliIO): Promise<number> {
  const scenarios = await Promise.all(shippedScenarioIds().map(loadScenario));
  const rows = scenarios.map((s) => ({
    id: s.id,
    title: s.title,
    steps: s.steps.length,
    branches: s.branches.map((b) => ({ name: b.name, title: b.title, from: b.from, expectedOutcome: b.expectedOutcome })),
  }));
  if (options.format === 'json') {
    io.stdout.write(`${JSON.stringify({ scenarios: rows }, null, 2)}\n`);
    return EXIT.ok;
  }
  const width = Math.max(0, ...rows.flatMap((r) => r.branches.map((b) => b.name.length)));
  for (const row of rows) {
    io.stdout.write(`${row.id}  ${row.title} (${row.steps} steps)\n`);
    if (row.branches.length === 0) io.stdout.write('  branches: none yet\n');
    for (const b of row.branches) io.stdout.write(`  --branch ${b.name.padEnd(width)} ${b.title} → ${b.expectedOutcome}\n`);
  }
  return EXIT.ok;
}
