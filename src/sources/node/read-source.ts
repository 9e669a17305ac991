/**
 * Reading real sources into canonical affiliation timelines (Node only): OpenAlex works or
 * authors, ORCID records, or a list of institutions, any number of files, plain or gzipped,
 * streamed record by record. This is what `talentflow import` writes out and what
 * `talentflow analyze` calls for these sources.
 */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { InputError, OptionError } from '../../errors.ts';
import type { Problem, ReadResult, TimelineRecord } from '../../records/types.ts';
import { createTimelineFold } from '../aggregate.ts';
import { convertInstitutionRow, institutionColumns, type InstitutionField } from '../institutions.ts';
import { convertOpenAlexAuthor } from '../openalex-authors.ts';
import { convertOpenAlexWork } from '../openalex-works.ts';
import { checkOrcidOptions, convertOrcidRecord, type OrcidOptions } from '../orcid.ts';
import { orcidIdIn, orcidRecordFromJson, orcidRecordFromXml } from '../orcid-record.ts';
import { sourceProblem } from '../problems.ts';
import { SOURCE_KINDS, type Conversion, type InstitutionIndex, type SourceKind } from '../types.ts';
import { parseXml, XmlSyntaxError } from '../xml.ts';
import { csvRecords, jsonDocuments, orcidDocuments, type SourceDocument } from './documents.ts';
import { loadRorIndex } from './load-ror.ts';

/** Options of {@link readSourceTimelines}; defaults in {@link READ_SOURCE_DEFAULTS}. */
export interface ReadSourceOptions {
  /** Called as input is read: raw (compressed) bytes read so far and the total size of all files. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** The institution index, or the path of a ROR gazetteer CSV; default: the bundled `data/ror/` one. */
  ror?: InstitutionIndex | string;
  /** ORCID conventions (affiliation kinds, end year of ongoing affiliations). */
  orcid?: OrcidOptions;
  /** Fold rows into one per researcher, year, place, country and discipline (default true). */
  fold?: boolean;
}

/** Defaults of {@link readSourceTimelines}. */
export const READ_SOURCE_DEFAULTS = { fold: true } as const;

/** Timelines read from a source, with the accounting of every record. */
/**
 * `rowsRead` is `records.length` plus the records that gave no row, so that the readers' rule
 * "records + skipped rows = rowsRead" holds for the analysis report: every timeline row counts
 * as a row read, and every record that gave none as one skipped row.
 */
export interface SourceReadResult extends ReadResult<TimelineRecord> {
  /** Records seen: works, authors, ORCID records (one per XML file or JSON document), CSV data rows. */
  recordsRead: number;
  /** Records that gave at least one timeline row; every other record has at least one problem. */
  recordsWithRows: number;
  /** Timeline rows before folding (publications summed over these equals the sum over `records`). */
  rowsConverted: number;
  /** Per input file: its records and the rows it gave (before folding). */
  files: { file: string; bytes: number; recordsRead: number; rowsConverted: number }[];
}

/**
 * Reads `files` of one source kind into timeline rows.
 *
 * Each record goes through its converter (`convertOpenAlexWork`, `convertOpenAlexAuthor`,
 * `convertOrcidRecord`, `convertInstitutionRow`): rows are folded (publications summed), problems
 * collected. A record that cannot be parsed (bad JSON, bad XML) is one `malformed-record`
 * problem; reading goes on.
 *
 * @throws OptionError for an unknown source or bad ORCID options; InputError for a missing,
 *   unreadable or corrupt (truncated gzip, bad tar) file or an unreadable ROR gazetteer.
 * @example
 * const { records, problems, recordsRead } = await readSourceTimelines('openalex-works', ['part_000.gz'], {
 *   onProgress: (done, total) => bar.update(done, total),
 * });
 */
export async function readSourceTimelines(source: SourceKind, files: readonly string[], options: ReadSourceOptions = {}): Promise<SourceReadResult> {
  if (!(SOURCE_KINDS as readonly string[]).includes(source)) throw new OptionError('source', source, `one of ${SOURCE_KINDS.join(', ')}`);
  if (files.length === 0) throw new OptionError('files', files, 'at least one input file');
  const orcidOptions = checkOrcidOptions(options.orcid ?? {});
  const fold = options.fold ?? READ_SOURCE_DEFAULTS.fold;

  const sizes: number[] = [];
  for (const file of files) {
    const info = await stat(file).catch((error: Error) => {
      throw new InputError(file, `cannot be read: ${error.message}`, { cause: error });
    });
    if (!info.isFile()) throw new InputError(file, 'is not a file');
    sizes.push(info.size);
  }
  const totalBytes = sizes.reduce((a, b) => a + b, 0);
  const index = typeof options.ror === 'object' ? options.ror : await loadRorIndex(options.ror);

  let bytesRead = 0;
  const onBytes = options.onProgress
    ? (n: number) => {
        bytesRead += n;
        options.onProgress!(bytesRead, totalBytes);
      }
    : undefined;

  const folded = createTimelineFold();
  const plain: TimelineRecord[] = [];
  const problems: Problem[] = [];
  let recordsRead = 0;
  let recordsWithRows = 0;
  let rowsConverted = 0;
  const perFile: SourceReadResult['files'] = [];
  let fileRecords = 0;
  let fileRows = 0;

  const take = (c: Conversion) => {
    recordsRead++;
    fileRecords++;
    if (c.rows.length > 0) recordsWithRows++;
    rowsConverted += c.rows.length;
    fileRows += c.rows.length;
    for (const row of c.rows) (fold ? folded.add(row) : plain.push(row));
    for (const p of c.problems) problems.push(p);
  };
  const bad = (doc: Extract<SourceDocument, { kind: 'bad' }>) =>
    take({ rows: [], problems: [sourceProblem(doc.at, 'record', doc.value, 'malformed-record', doc.message)] });

  for (const [i, file] of files.entries()) {
    fileRecords = 0;
    fileRows = 0;
    if (source === 'openalex-works' || source === 'openalex-authors') {
      const convert = source === 'openalex-works' ? convertOpenAlexWork : convertOpenAlexAuthor;
      for await (const doc of jsonDocuments(file, onBytes)) {
        if (doc.kind === 'json') take(convert(doc.value, doc.at, index));
        else if (doc.kind === 'bad') bad(doc);
        else bad({ kind: 'bad', at: doc.at, value: '', message: 'XML where OpenAlex JSON was expected' });
      }
    } else if (source === 'orcid') {
      for await (const doc of orcidDocuments(file, onBytes)) {
        if (doc.kind === 'bad') {
          bad(doc);
          continue;
        }
        let record;
        if (doc.kind === 'xml') {
          try {
            record = orcidRecordFromXml(parseXml(doc.text));
          } catch (error) {
            if (!(error instanceof XmlSyntaxError)) throw error;
            bad({ kind: 'bad', at: { file: doc.at.file, line: error.line }, value: '', message: `not well-formed XML: ${error.message}` });
            continue;
          }
        } else record = orcidRecordFromJson(doc.value, doc.at.line);
        // Files of ORCID's data dumps are named after the record's iD.
        record.orcid ??= orcidIdIn(basename(doc.at.file));
        take(convertOrcidRecord(record, doc.at.file, index, orcidOptions));
      }
    } else {
      let columns: Map<InstitutionField, number> | null = null;
      for await (const row of csvRecords(file, onBytes)) {
        const at = { file, line: row.line };
        if (!columns) {
          const header = institutionColumns(row.fields, at);
          if (header.problems.length > 0) {
            problems.push(...header.problems);
            break;
          }
          columns = header.columns;
          continue;
        }
        if (row.error) bad({ kind: 'bad', at, value: row.fields.join(','), message: `CSV row cannot be split: ${row.error}` });
        else take(convertInstitutionRow(row.fields, columns, at, index));
      }
    }
    perFile.push({ file, bytes: sizes[i]!, recordsRead: fileRecords, rowsConverted: fileRows });
  }

  const records = fold ? folded.result() : plain;
  return {
    records,
    problems,
    rowsRead: records.length + (recordsRead - recordsWithRows),
    recordsRead,
    recordsWithRows,
    rowsConverted,
    files: perFile,
  };
}
