/**
 * Stage timing for the benchmarks: wall time, CPU time (all threads of the process, DuckDB's
 * workers included) and peak resident memory per stage. The peak is Linux's VmHWM, reset at the
 * start of each stage by writing 5 to /proc/self/clear_refs, so each stage reports its own peak
 * rather than the run's.
 */
import { readFileSync, writeFileSync } from 'node:fs';

export interface StageResult {
  name: string;
  impl: string;
  wall_ms: number;
  cpu_ms: number;
  peak_mb: number;
}

/** Resets the peak-RSS mark (no-op where /proc is not writable). */
export function resetPeak(): void {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // Not Linux, or not permitted: peaks then cover the run so far.
  }
}

/** Peak resident memory since the last reset, in MiB. */
export function peakMb(): number {
  try {
    const m = /VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) / 1024 : process.memoryUsage().rss / 2 ** 20;
  } catch {
    return process.memoryUsage().rss / 2 ** 20;
  }
}

/** Collects stages; `run` times a synchronous or asynchronous step. */
export class Stages {
  readonly results: StageResult[] = [];
  private wall = 0;
  private cpu = process.cpuUsage();
  constructor(private readonly impl: string) {}

  /** Starts a manual stage (closed by {@link end}). */
  begin(): void {
    resetPeak();
    this.wall = performance.now();
    this.cpu = process.cpuUsage();
  }

  end(name: string): void {
    const c = process.cpuUsage(this.cpu);
    this.results.push({
      name,
      impl: this.impl,
      wall_ms: performance.now() - this.wall,
      cpu_ms: (c.user + c.system) / 1000,
      peak_mb: peakMb(),
    });
  }

  async run<T>(name: string, step: () => T | Promise<T>): Promise<T> {
    this.begin();
    const out = await step();
    this.end(name);
    return out;
  }
}
