import { EXIT, type CliIO } from './io.js';
import { loadScenario, shippedScenarioIds } from './load.js';
import { resolveModel } from './models.js';
import { DEFAULT_MODEL } from '../models/default.js';

/**
 * `ceasefire list`: every shipped scenario with its branches, their expected
 * outcomes, the step each forks after and its first own step; with
 * `--model`, only the scenarios of that model.
 */
export async function listScenarios(options: { format: string; model?: string }, io: CliIO): Promise<number> {
  const model = options.model === undefined ? undefined : resolveModel(options.model);
  const shipped = await Promise.all(shippedScenarioIds().map((id) => loadScenario(id)));
  const scenarios = model ? shipped.filter((s) => s.model.id === model.id) : shipped;
  const rows = scenarios.map((s) => ({
    id: s.id,
    title: s.title,
    model: s.model.id,
    steps: s.steps.length,
    branches: s.branches.map((b) => ({ name: b.name, title: b.title, from: b.from, expectedOutcome: b.expectedOutcome })),
  }));
  if (options.format === 'json') {
    io.stdout.write(`${JSON.stringify({ scenarios: rows }, null, 2)}\n`);
    return EXIT.ok;
  }
  const width = Math.max(0, ...rows.flatMap((r) => r.branches.map((b) => b.name.length)));
  for (const scenario of scenarios) {
    const model = scenario.model.id === DEFAULT_MODEL.id ? '' : `, model ${scenario.model.id}`;
    io.stdout.write(`${scenario.id}  ${scenario.title} (${scenario.steps.length} steps${model})\n`);
    if (scenario.branches.length === 0) io.stdout.write('  branches: none\n');
    for (const b of scenario.branches) {
      // The fork and the branch's first step tell apart two branches that end in the same outcome.
      const road = b.steps[0] ? `after ${b.from}, then ${b.steps[0].id}` : `after ${b.from}`;
      io.stdout.write(`  --branch ${b.name.padEnd(width)} ${b.title} → ${b.expectedOutcome} (${road})\n`);
    }
  }
  return EXIT.ok;
}
