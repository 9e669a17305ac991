// The URL a `talentflow view` child process prints once it serves, for tests that run the CLI.
import type { ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';

/** Resolves with the first http://127.0.0.1:PORT/ the child prints; rejects when it exits first or after `timeoutMs`. */
export function servedUrl(child: ChildProcessByStdio<null, Readable, Readable>, timeoutMs: number): Promise<string> {
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed; stderr: ${stderr}`)), timeoutMs);
    child.stdout.on('data', (d) => {
      stdout += d;
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(stdout);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited early with ${code}: ${stderr}`));
    });
  });
}
