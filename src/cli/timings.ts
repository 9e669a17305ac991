/**
 * `--timings`: wall time and memory per stage of `talentflow analyze`, printed to stderr and
 * recorded in manifest.json. Stages: start-up (process start to the command's start), then those from the engines' and the measures' `onTiming` hooks
 * (validate, resolve, aggregate, graph, each measure), from the CLI itself (read, each output
 * file). Memory is sampled at the end of each stage: the peak resident set so far
 * (`process.resourceUsage().maxRSS`) and the V8 heap in use. Files written on the second thread
 * (`background-writes.ts`) are stages of their own, `write NAME (background)`, timed there and
 * left out of the total; the main thread's wait for them is `wait for background writes`.
 */
import type { FileChunk } from '../exports/chunks.ts';
import type { OutputSource, StageTiming } from '../pipeline/outputs.ts';

/** A stage clock for one run. */
export interface Timings {
  /** Every stage so far, in order (the array the manifest reads). */
  readonly stages: StageTiming[];
  /** Records a stage timed elsewhere (an `onTiming` hook) and restarts the clock. */
  record(stage: string, ms: number): void;
  /** Records the time since the last stage as `stage`. */
  lap(stage: string): void;
  /**
   * Records a stage that ran on the second thread beside the main thread's (`write flows.csv
   * (background)`): listed, left out of the total, the clock untouched.
   */
  background(stage: string, ms: number, rssMiB: number, heapMiB: number): void;
  /** The same files, each timed from its first chunk to its last as `write <name>` (production and writing interleave). */
  timeFiles(files: Record<string, OutputSource>): Record<string, OutputSource>;
  /** The stages as an aligned text table. */
  format(): string;
}

const MiB = 2 ** 20;

/** A new stage clock, started now; its first stage is `start-up`, from the process's start to now (loading the modules). */
export function createTimings(): Timings {
  const stages: StageTiming[] = [];
  const beside = new Set<StageTiming>();
  let clock = performance.now();
  const record = (stage: string, ms: number) => {
    stages.push({ stage, ms, rssMiB: (process.resourceUsage().maxRSS * 1024) / MiB, heapMiB: process.memoryUsage().heapUsed / MiB });
    clock = performance.now();
  };
  // performance.now() counts from the process's time origin.
  record('start-up', clock);
  return {
    stages,
    record,
    lap: (stage) => record(stage, performance.now() - clock),
    background(stage, ms, rssMiB, heapMiB) {
      const timing = { stage: `${stage} (background)`, ms, rssMiB, heapMiB };
      stages.push(timing);
      beside.add(timing);
    },
    timeFiles(files) {
      const out: Record<string, OutputSource> = {};
      for (const [name, source] of Object.entries(files)) {
        out[name] = typeof source === 'string' ? source : timed(name, source, record);
      }
      return out;
    },
    format() {
      const width = Math.max(5, ...stages.map((s) => s.stage.length));
      const lines = [`${'stage'.padEnd(width)}  ${'ms'.padStart(8)}  ${'peak RSS MiB'.padStart(12)}  ${'heap MiB'.padStart(8)}`];
      for (const s of stages) {
        lines.push(
          `${s.stage.padEnd(width)}  ${s.ms.toFixed(0).padStart(8)}  ${s.rssMiB.toFixed(0).padStart(12)}  ${s.heapMiB.toFixed(0).padStart(8)}`,
        );
      }
      const total = stages.reduce((n, s) => (beside.has(s) ? n : n + s.ms), 0);
      // Stages timed inside the pipeline leave the work between them out; shown, so that the
      // total is the process's whole time so far (performance.now() counts from its start).
      const elapsed = Math.max(total, performance.now());
      if (elapsed - total >= 0.5) lines.push(`${'between the stages above'.padEnd(width)}  ${(elapsed - total).toFixed(0).padStart(8)}`);
      lines.push(`${'total'.padEnd(width)}  ${elapsed.toFixed(0).padStart(8)}`);
      if (beside.size)
        lines.push("(background: on a second thread, alongside the measures and the writes; the total is the main thread's)");
      return lines.join('\n') + '\n';
    },
  };
}

function* timed(
  name: string,
  source: Iterable<FileChunk>,
  record: (stage: string, ms: number) => void,
): Generator<FileChunk, void, undefined> {
  const start = performance.now();
  yield* source;
  record(`write ${name}`, performance.now() - start);
}
