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

/** A value in an input file that cannot be used, located by file, line (1-based, header = line 1), field and value. */
export class RecordError extends TalentFlowError {
  override name = 'RecordError';
  readonly file: string;
  readonly line: number;
  readonly field: string;
  readonly value: string;
  readonly reason: string;
  constructor(
    fields: { file: string; line: number; field: string; value: string; reason: string; message?: string },
    options?: { cause?: unknown },
  ) {
    super(
      fields.message ??
        `${fields.file}:${fields.line}: field "${fields.field}" has value ${JSON.stringify(fields.value)}: ${fields.reason}`,
      options,
    );
    this.file = fields.file;
    this.line = fields.line;
    this.field = fields.field;
    this.value = fields.value;
    this.reason = fields.reason;
  }
}

/** A place name that resolves to no place (or to several), with the nearest known names as suggestions. */
export class UnknownPlaceError extends TalentFlowError {
  override name = 'UnknownPlaceError';
  readonly place: string;
  readonly country: string | null;
  readonly suggestions: string[];
  constructor(place: string, country: string | null, suggestions: string[], options?: { cause?: unknown }) {
    const where = country ? ` (country ${country})` : '';
    const hint = suggestions.length ? `; did you mean ${suggestions.map((s) => JSON.stringify(s)).join(', ')}?` : '';
    super(`unknown place ${JSON.stringify(place)}${where}${hint}`, options);
    this.place = place;
    this.country = country;
    this.suggestions = suggestions;
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
