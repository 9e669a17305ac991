/**
 * Splitting source files into records (Node only), streaming wherever the format allows:
 * - JSON lines (OpenAlex snapshot `part_*.gz`, one Work or Author per line): line by line;
 * - a whole JSON document (an API result page `{ meta, results: [...] }`, an array, one
 *   object): read whole, which is fine for pages (≤ 200 results) but not for multi-gigabyte
 *   pretty-printed JSON (convert those to JSON lines). A JSON line that is itself a result page
 *   is expanded into its results;
 * - XML (one ORCID record per file), and tar archives of XML or JSON members (ORCID's public
 *   data file), member by member;
 * - CSV records, quoted line breaks included.
 * Which one is decided by content (first non-blank line), and `.tar`, `.tar.gz`, `.tgz` by name;
 * gzip by its magic bytes.
 */
import { parseCsvRows } from '../../places/csv.ts';
import type { RecordLocator } from '../types.ts';
import { openDecompressed, readFailure, readLines, type OnBytes } from './read-lines.ts';
import { readTarEntries } from './read-tar.ts';

/** One record of a file, parsed as far as the format goes, or why it could not be. */
export type SourceDocument =
  | { kind: 'json'; value: unknown; at: RecordLocator }
  | { kind: 'xml'; text: string; at: RecordLocator }
  | { kind: 'bad'; at: RecordLocator; value: string; message: string };

/** True for `.tar`, `.tar.gz` and `.tgz` names. */
export function isTarName(file: string): boolean {
  return /\.(tar|tar\.gz|tgz)$/i.test(file);
}

function expand(value: unknown, at: RecordLocator, ordinals: boolean): SourceDocument[] {
  const page = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as { results?: unknown }).results : undefined;
  const list = Array.isArray(page) ? page : Array.isArray(value) ? value : null;
  if (!list) return [{ kind: 'json', value, at }];
  // A page on one line (the API's minified responses): every record shares the line, so each
  // carries its index in the page too.
  const key = Array.isArray(page) ? 'results' : '';
  return list.map((v, i) => ({ kind: 'json', value: v, at: { file: at.file, line: ordinals ? i + 1 : at.line, path: `${key}[${i}]` } }));
}

function badJson(at: RecordLocator, text: string, error: unknown): SourceDocument {
  return {
    kind: 'bad',
    at,
    value: text.length > 120 ? `${text.slice(0, 119)}…` : text,
    message: `not valid JSON: ${(error as Error).message}`,
  };
}

/** Records of a JSON text that is one document: page results by ordinal, else the document itself. */
export function jsonDocumentsOfText(text: string, file: string): SourceDocument[] {
  try {
    return expand(JSON.parse(text), { file, line: 1 }, true);
  } catch (error) {
    return [badJson({ file, line: 1 }, text.trim(), error)];
  }
}

/**
 * The records of a JSON file, JSON lines or a whole document.
 *
 * @example for await (const doc of jsonDocuments('part_000.gz')) if (doc.kind === 'json') convert(doc.value, doc.at)
 */
export async function* jsonDocuments(file: string, onBytes?: OnBytes): AsyncGenerator<SourceDocument> {
  let mode: 'lines' | 'whole' | null = null;
  const whole: string[] = [];
  // A first line that is not JSON is held until the next non-blank line decides: when that one
  // is a JSON value the file is JSON lines with a broken first line (reported, the rest read),
  // otherwise the first line starts a pretty-printed document.
  let held: { text: string; trimmed: string; line: number; error: unknown } | null = null;
  for await (const { text, line } of readLines(file, onBytes)) {
    if (mode === 'whole') {
      whole.push(text);
      continue;
    }
    const trimmed = text.trim();
    if (trimmed === '') {
      if (held) whole.push(text);
      continue;
    }
    let value: unknown;
    let error: unknown = null;
    try {
      value = JSON.parse(trimmed);
    } catch (e) {
      error = e;
    }
    if (mode === null) {
      if (held === null && error !== null) {
        held = { text, trimmed, line, error };
        whole.push(text);
        continue;
      }
      if (held !== null && error !== null) {
        mode = 'whole';
        whole.push(text);
        continue;
      }
      mode = 'lines';
      if (held) yield badJson({ file, line: held.line }, held.trimmed, held.error);
    }
    if (error !== null) yield badJson({ file, line }, trimmed, error);
    else yield* expand(value, { file, line }, false);
  }
  // A file of one line that is not JSON: that line is the bad record.
  if (mode === null && held) yield badJson({ file, line: held.line }, held.trimmed, held.error);
  if (mode === 'whole') yield* jsonDocumentsOfText(whole.join('\n'), file);
}

/**
 * The records of an ORCID input: a tar archive of XML/JSON members (one record each), an XML
 * file (one record), or JSON (lines or one document).
 */
export async function* orcidDocuments(file: string, onBytes?: OnBytes): AsyncGenerator<SourceDocument> {
  if (isTarName(file)) {
    const stream = await openDecompressed(file, onBytes);
    try {
      for await (const entry of readTarEntries(stream)) {
        if (!/\.(xml|json)$/i.test(entry.name)) continue;
        const member = `${file}!/${entry.name}`;
        const text = entry.data.toString('utf8');
        if (text.trimStart().startsWith('<')) yield { kind: 'xml', text, at: { file: member, line: 1 } };
        else yield* jsonDocumentsOfText(text, member);
      }
    } catch (error) {
      throw readFailure(file, error);
    } finally {
      stream.destroy();
    }
    return;
  }
  if ((await firstCharacter(file)) === '<') {
    const lines: string[] = [];
    for await (const { text } of readLines(file, onBytes)) lines.push(text);
    yield { kind: 'xml', text: lines.join('\n'), at: { file, line: 1 } };
  } else yield* jsonDocuments(file, onBytes);
}

/** The first non-whitespace character of the (decompressed) file, '' for an empty one. */
export async function firstCharacter(file: string): Promise<string> {
  const stream = await openDecompressed(file);
  try {
    for await (const chunk of stream) {
      const text = (chunk as Buffer)
        .toString('utf8')
        .replace(/^\uFEFF/, '')
        .trimStart();
      if (text !== '') return text[0]!;
    }
    return '';
  } catch (error) {
    throw readFailure(file, error);
  } finally {
    stream.destroy();
  }
}

/**
 * CSV records with the line each starts on; a record whose quotes span lines is joined.
 * Blank lines are skipped. The first record is the header.
 */
export async function* csvRecords(file: string, onBytes?: OnBytes): AsyncGenerator<{ fields: string[]; line: number; error?: string }> {
  let pending: string[] = [];
  let startLine = 0;
  let quotes = 0;
  for await (const { text, line } of readLines(file, onBytes)) {
    if (pending.length === 0) {
      if (text.trim() === '') continue;
      startLine = line;
    }
    pending.push(text);
    for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) quotes++;
    if (quotes % 2 === 1) continue;
    const row = parseCsvRows(pending.join('\n'))[0];
    pending = [];
    quotes = 0;
    if (row) yield row.error ? { fields: row.fields, line: startLine, error: row.error } : { fields: row.fields, line: startLine };
  }
  if (pending.length > 0) {
    const row = parseCsvRows(pending.join('\n'))[0];
    yield { fields: row?.fields ?? [], line: startLine, error: 'unclosed-quote' };
  }
}
