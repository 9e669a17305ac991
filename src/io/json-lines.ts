/**
 * JSON lines (one JSON object per line) into an arquero table of strings. Columns are the union
 * of the objects' keys in order of first appearance; a key absent from a row is an empty cell.
 * Values become text as a CSV would hold them (numbers and booleans via `String`, nested values
 * as JSON) so that the same validation applies. Blank lines are skipped; a line that is not a
 * JSON object becomes an empty row recorded in `malformedRows`.
 */
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { table as columnTable, type ColumnTable } from 'arquero';

/** A JSON-lines input as a table, with the line of each row and the lines that were not objects. */
export interface JsonLinesTable {
  table: ColumnTable;
  rows: number;
  /** 1-based physical line of each row. */
  rowLines: Int32Array;
  malformedRows: Map<number, string>;
}

const EVIDENCE_LENGTH = 60;

/**
 * Reads JSON lines from a byte stream (UTF-8).
 * @example const { table, malformedRows } = await readJsonLines(createReadStream('moves.jsonl'));
 */
export async function readJsonLines(bytes: Readable, encoding: 'utf8' | 'latin1' = 'utf8'): Promise<JsonLinesTable> {
  bytes.setEncoding(encoding);
  const names: string[] = [];
  const columns = new Map<string, Array<string | null>>();
  const lines: number[] = [];
  const malformedRows = new Map<number, string>();
  let rows = 0;
  let line = 0;
  for await (const raw of createInterface({ input: bytes, crlfDelay: Infinity })) {
    line++;
    const text = line === 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      value = undefined;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      malformedRows.set(rows, text.length > EVIDENCE_LENGTH ? `${text.slice(0, EVIDENCE_LENGTH)}…` : text);
    } else {
      for (const [key, v] of Object.entries(value)) {
        let col = columns.get(key);
        if (!col) {
          col = new Array<string | null>(rows).fill(null);
          columns.set(key, col);
          names.push(key);
        }
        col.push(cellString(v));
      }
    }
    rows++;
    lines.push(line);
    for (const col of columns.values()) if (col.length < rows) col.push(null);
  }
  const data: Record<string, Array<string | null>> = {};
  for (const name of names) data[name] = columns.get(name)!;
  return { table: columnTable(data, names), rows, rowLines: Int32Array.from(lines), malformedRows };
}

function cellString(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}
