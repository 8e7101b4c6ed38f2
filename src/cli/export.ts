import { ScenarioError } from '../engine/errors.js';
import { stepsCsv } from '../engine/formats/csv.js';
import { ploverRecords, toJsonLines } from '../engine/formats/plover.js';
import { replay } from '../engine/replay.js';
import { EXIT, type CliIO } from './io.js';
import { isScenarioPath, loadScenario } from './load.js';
import { prepareOutput, writeOutput } from './output.js';

const KINDS = ['plover', 'csv'];

/**
 * `ceasefire export plover|csv <scenario> [--branch] [--out]`: replay the
 * record (or a branch) and write it as PLOVER-style JSON Lines or as a CSV
 * table, to stdout or atomically to `--out`.
 */
export async function exportCommand(kind: string, ref: string, options: { branch?: string; out?: string; model?: string }, io: CliIO): Promise<number> {
  if (!KINDS.includes(kind)) throw new ScenarioError(`unknown export '${kind}' (known: ${KINDS.join(', ')})`);
  const out = options.out === undefined ? undefined : prepareOutput(options.out, '--out', [isScenarioPath(ref) ? ref : undefined]);
  const scenario = await loadScenario(ref, options.model);
  const result = replay(scenario, { branch: options.branch ?? null });
  if (kind === 'plover') {
    const records = ploverRecords(scenario, result);
    writeOutput(toJsonLines(records), out, io, `${records.length} PLOVER records`);
  } else {
    writeOutput(stepsCsv(scenario.model, result), out, io, `${result.steps.length} steps as CSV`);
  }
  return EXIT.ok;
}
