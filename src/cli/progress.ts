/**
 * A progress bar on stderr for work that takes more than a second. Silent when stderr is not a
 * terminal (CI logs, pipes) so logs stay clean; the final summary is printed by the caller.
 */
export interface Progress {
  update(done: number, total?: number): void;
  done(): void;
}

export interface ProgressOptions {
  /** Where to draw; defaults to process.stderr. */
  stream?: NodeJS.WriteStream;
  /** Milliseconds before the bar first appears (short jobs never show one). */
  delayMs?: number;
  /** Force drawing even when the stream is not a TTY (tests). */
  force?: boolean;
  now?: () => number;
}

const WIDTH = 28;

export function createProgress(label: string, total: number | undefined, options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const enabled = options.force === true || stream.isTTY === true;
  const now = options.now ?? Date.now;
  const delay = options.delayMs ?? 1000;
  const start = now();
  let lastDraw = 0;
  let shown = false;
  let max = total;

  const draw = (done: number) => {
    const t = now();
    if (t - start < delay || t - lastDraw < 100) return;
    lastDraw = t;
    shown = true;
    const frac = max && max > 0 ? Math.min(1, done / max) : 0;
    const filled = Math.round(frac * WIDTH);
    const bar = max ? `[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${(frac * 100).toFixed(0).padStart(3)}%` : `${done}`;
    const secs = ((t - start) / 1000).toFixed(1);
    stream.write(`\r${label} ${bar} ${secs}s`);
  };

  return {
    update(done, newTotal) {
      if (!enabled) return;
      if (newTotal !== undefined) max = newTotal;
      draw(done);
    },
    done() {
      if (enabled && shown) stream.write(`\r${' '.repeat(label.length + WIDTH + 20)}\r`);
    },
  };
}
