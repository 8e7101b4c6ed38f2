import { main } from '../../src/cli/main.js';

/** Run the CLI in process and capture what it prints. */
export async function runCli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (s: string) => (stdout += s), columns: 120 },
    stderr: { write: (s: string) => (stderr += s) },
  });
  return { code, stdout, stderr };
}
