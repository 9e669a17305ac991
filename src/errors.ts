/**
 * Error classes. Tests and callers check the class and its fields, never the message text.
 * Every error names what was wrong and, where it can, how to fix it.
 */

/** Base class of every error the toolkit throws on purpose. */
export class TalentFlowError extends Error {
  override name = 'TalentFlowError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** An option with a value outside what it accepts. */
export class OptionError extends TalentFlowError {
  override name = 'OptionError';
  readonly option: string;
  readonly value: unknown;
  readonly expected: string;
  constructor(option: string, value: unknown, expected: string, options?: { cause?: unknown }) {
    super(`option "${option}" got ${formatValue(value)}; expected ${expected}`, options);
    this.option = option;
    this.value = value;
    this.expected = expected;
  }
}

/** An input that cannot be read at all (missing file, unknown format, missing required column). */
export class InputError extends TalentFlowError {
  override name = 'InputError';
  readonly file: string;
  constructor(file: string, message: string, options?: { cause?: unknown }) {
    super(`${file}: ${message}`, options);
    this.file = file;
  }
}

/** An output folder that cannot be written (not a folder, no permission, a file system that refuses it). */
export class OutputError extends TalentFlowError {
  override name = 'OutputError';
  readonly path: string;
  constructor(path: string, message: string, options?: { cause?: unknown }) {
    super(`${path}: ${message}`, options);
    this.path = path;
  }
}

function formatValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** A power iteration (PageRank, HITS, eigenvector) that did not converge within its iterations. */
export class ConvergenceError extends TalentFlowError {
  override name = 'ConvergenceError';
  readonly measure: string;
  constructor(measure: string, options?: { cause?: unknown }) {
    super(`${measure} did not converge within maxIterations; raise maxIterations or tolerance`, options);
    this.measure = measure;
  }
}
