import { spawn } from 'node:child_process';
import { ScenarioError } from '../engine/errors.js';
import { planSteps } from '../engine/plan.js';
import type { Scenario } from '../engine/scenario.js';
import { EXIT, wholeNumberOption, type CliIO } from './io.js';
import { isScenarioPath, loadScenario, shippedScenarioIds } from './load.js';
import { checkScenarioModel, resolveModel } from './models.js';

/** Options of `ceasefire view`. */
export interface ViewCommandOptions {
  readonly branch?: string;
  readonly port?: string;
  readonly host?: string;
  readonly open?: boolean;
  readonly export?: string;
  /** The model to show (its shipped scenarios, and the one opened must run on it). */
  readonly model?: string;
}

function portOption(port: string | undefined): number {
  return port === undefined ? 4848 : wholeNumberOption(port, '--port', 0, 65535);
}

/**
 * `ceasefire view [scenario]`: serve the classroom viewer on loopback (until
 * interrupted), or with `--export <dir>` write it as a static folder.
 */
export async function viewCommand(ref: string | undefined, options: ViewCommandOptions, io: CliIO, stop?: Promise<void>): Promise<number> {
  const port = portOption(options.port);
  resolveModel(options.model);
  const server = await import('../viewer/server.js');
  try {
    server.checkLoopback(options.host ?? '127.0.0.1');
  } catch (error) {
    throw new ScenarioError((error as Error).message);
  }
  if (options.export !== undefined) {
    const { checkExportFolder } = await import('../viewer/export.js');
    try {
      checkExportFolder(options.export);
    } catch (error) {
      throw new ScenarioError((error as Error).message);
    }
  }
  const all = await Promise.all(shippedScenarioIds().map((id) => loadScenario(id)));
  const chosen: Scenario | undefined =
    ref === undefined ? undefined : isScenarioPath(ref) ? await loadScenario(ref, options.model) : checkScenarioModel(all.find((s) => s.id === ref) ?? (await loadScenario(ref, options.model)), options.model);
  // The chart is the opened scenario's model's (a file may name its own), with that model's shipped scenarios beside it.
  const model = chosen?.model ?? resolveModel(options.model);
  const shipped = all.filter((s) => s.model === model);
  // An unknown branch is refused with the same message `run --branch` gives.
  if (options.branch !== undefined && !chosen) throw new ScenarioError('--branch needs the scenario to open at: `ceasefire view <scenario> --branch <name>`');
  if (chosen && options.branch !== undefined) planSteps(chosen, options.branch);
  const scenarios = chosen && !shipped.some((s) => s.id === chosen.id) ? [chosen, ...shipped] : shipped;
  const [{ prepareViewData }, { startViewer, ViewerError }, { exportViewer }] = await Promise.all([
    import('../viewer/prepare.js'),
    import('../viewer/server.js'),
    import('../viewer/export.js'),
  ]);
  const data = await prepareViewData(scenarios, model);
  const hash = chosen ? `#${new URLSearchParams({ scenario: chosen.id, ...(options.branch ? { branch: options.branch } : {}), step: '1' })}` : '';
  try {
    if (options.export !== undefined) {
      exportViewer(options.export, data);
      io.stdout.write(`Exported the viewer to ${options.export}/ — open ${options.export}/index.html${hash} in a browser, or put the folder on any static host.\n`);
      return EXIT.ok;
    }
    const viewer = await startViewer({ data, port, ...(options.host ? { host: options.host } : {}) });
    const url = `${viewer.url}${hash}`;
    io.stdout.write(`Ceasefire Lab viewer: ${url}\nLive inspection: ceasefire run <scenario> --inspect=${viewer.inspectUrl}\nPress Ctrl+C to stop.\n`);
    if (options.open) {
      const opener = spawn(process.platform === 'darwin' ? 'open' : 'xdg-open', [url], { detached: true, stdio: 'ignore' });
      opener.on('error', () => io.stderr.write(`ceasefire: could not open a browser; open ${url} yourself\n`));
      opener.unref();
    }
    await (stop ?? new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    }));
    await viewer.close();
    return EXIT.ok;
  } catch (error) {
    if (error instanceof ViewerError) throw new ScenarioError(error.message);
    throw error;
  }
}
