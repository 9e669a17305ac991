// Runs a CLI command in this process (no child process: quick), with stdout and stderr captured,
// mapping errors to exit codes exactly as main() does.
import { vi } from 'vitest';
import { reportError } from '../../src/cli/report-error.ts';
import type { CliResult } from './run-cli.ts';

export async function runInProcess(command: (argv: string[]) => Promise<number>, argv: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    let status: number;
    try {
      status = await command(argv);
    } catch (error) {
      status = reportError(error);
    }
    return { status, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}
