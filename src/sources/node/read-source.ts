/**
 * Reading real sources into canonical affiliation timelines (Node only): OpenAlex works or
 * authors, ORCID records, or a list of institutions, any number of files or folders, plain or
 * gzipped, streamed record by record. This is what `talentflow import` writes out and what
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
import { checkOrcidOptions, convertOrcidRecord, orcidDumpYear, type OrcidOptions } from '../orcid.ts';
import { orcidIdIn, orcidRecordFromJson, orcidRecordFromXml, type OrcidRecord } from '../orcid-record.ts';
import { shortOpenAlexId, sourceProblem } from '../problems.ts';
import { SOURCE_KINDS, type Conversion, type InstitutionIndex, type OpenEndRule, type SourceKind } from '../types.ts';
import { hasPlaceHint } from '../../places/by-geonames.ts';
import { createPlaceResolver } from '../../places/resolve.ts';
import type { PlaceResolution, PlaceResolver } from '../../places/types.ts';
import { parseXml, XmlSyntaxError } from '../xml.ts';
import { csvRecords, jsonDocuments, orcidDocuments, type SourceDocument } from './documents.ts';
import { loadRorIndex } from './load-ror.ts';
import { sourceFilesIn } from './source-files.ts';

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
  /**
   * Resolve every row's place as `analyze` does (city level, by its place columns when it has
   * them) and report each row analysis would drop (`unknown-place`, `ambiguous-place`, ...); the
   * rows are kept. Default false (analysis reports them itself); `talentflow import` sets it.
   */
  checkPlaces?: boolean;
  /** The resolver of `checkPlaces` and of ORCID's address check; default: city level, built-in tables. */
  places?: PlaceResolver;
}

/**
 * How many OpenAlex ids are remembered to find records read twice (API pages fetched twice,
 * overlapping queries): about 150 MB. A snapshot holds each work once; past this many records the
 * rest go unchecked, which the summary says.
 */
export const DUPLICATE_WINDOW = 1_000_000;

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
  /** ORCID: ongoing affiliations by the rule that ended them, and the dump years seen in file names. */
  openEnds: Partial<Record<OpenEndRule, number>>;
  dumpYears: number[];
  /**
   * Records seen before (OpenAlex works and authors by id, among the first {@link DUPLICATE_WINDOW}
   * read; `unchecked` when more were read and later ones went unchecked) and rows dropped because
   * another file of the same researcher gave them (ORCID affiliation-years).
   */
  duplicates: { records: number; rows: number; unchecked?: boolean };
  /** With `checkPlaces`: rows analysis will not place (each reported as a problem), and their researchers. */
  unplaced: { rows: number; researchers: number } | null;
}

/**
 * Reads `files` of one source kind into timeline rows.
 *
 * Each record goes through its converter (`convertOpenAlexWork`, `convertOpenAlexAuthor`,
 * `convertOrcidRecord`, `convertInstitutionRow`): rows are folded (publications summed), problems
 * collected. A record that cannot be parsed (bad JSON, bad XML) is one `malformed-record`
 * problem; reading goes on. A folder is read file by file (`sourceFilesIn`). Records seen before
 * are counted once (`duplicates`); ORCID's ongoing spans are counted by the rule that ended them
 * (`openEnds`); with `checkPlaces` every row is resolved as analysis will and the rows it would
 * drop are reported (`unplaced`).
 *
 * @throws OptionError for an unknown source or bad ORCID options; InputError for a missing,
 *   unreadable or corrupt (truncated gzip, bad tar) file or an unreadable ROR gazetteer.
 * @example
 * const { records, problems, recordsRead } = await readSourceTimelines('openalex-works', ['part_000.gz'], {
 *   onProgress: (done, total) => bar.update(done, total),
 * });
 */
export async function readSourceTimelines(
  source: SourceKind,
  files: readonly string[],
  options: ReadSourceOptions = {},
): Promise<SourceReadResult> {
  if (!(SOURCE_KINDS as readonly string[]).includes(source)) throw new OptionError('source', source, `one of ${SOURCE_KINDS.join(', ')}`);
  if (files.length === 0) throw new OptionError('files', files, 'at least one input file');
  const orcidOptions = checkOrcidOptions(options.orcid ?? {});
  const fold = options.fold ?? READ_SOURCE_DEFAULTS.fold;

  const sizes: number[] = [];
  const expanded: string[] = [];
  for (const path of files) {
    const info = await stat(path).catch((error: Error) => {
      throw new InputError(path, `cannot be read: ${error.message}`, { cause: error });
    });
    // A folder (ORCID's activities or summaries dump unpacked, an OpenAlex snapshot) is read file by file.
    const inside = info.isDirectory() ? await sourceFilesIn(path, source) : null;
    if (inside && inside.length === 0) throw new InputError(path, `is a folder with no ${source} files`);
    if (!inside && !info.isFile()) throw new InputError(path, 'is not a file');
    for (const file of inside ?? [path]) {
      expanded.push(file);
      sizes.push(inside ? (await stat(file)).size : info.size);
    }
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

  const openEnds: Partial<Record<OpenEndRule, number>> = {};
  const dumpYears = new Set<number>();
  const duplicates: SourceReadResult['duplicates'] = { records: 0, rows: 0 };
  // ORCID affiliation-years already given (an activities dump has one file per position, and
  // overlapping positions in one city would otherwise count twice). A dump keeps each
  // researcher's files together, so only the current researcher's years are held: memory stays
  // bounded on the whole dump.
  const orcidYears = source === 'orcid' ? new Set<string>() : null;
  let orcidCurrent: string | null = null;
  const places = options.places ?? (options.checkPlaces || source === 'orcid' ? createPlaceResolver({ level: 'city' }) : null);
  const unplacedResearchers = new Set<string>();
  const seenIds = new Map<string, { file: string; line: number; path?: string }>();
  const unplaced = new Map<
    string,
    { file: string; row: TimelineRecord; failure: Extract<PlaceResolution, { ok: false }>; rows: number; first: number; last: number }
  >();
  let unplacedRows = 0;
  const placeOf = (r: TimelineRecord) =>
    places!.resolveAt && hasPlaceHint(r) ? places!.resolveAt(r.place, r.country, r) : places!.resolve(r.place, r.country);
  const knowsCity = places
    ? (city: string, country: string | null, region: string | null) => placeOf({ place: city, country, region } as TimelineRecord).ok
    : undefined;

  const take = (c: Conversion, file?: string) => {
    recordsRead++;
    fileRecords++;
    let rows = c.rows;
    if (orcidYears) {
      const researcher = rows[0]?.researcherId ?? null;
      if (researcher !== null && researcher !== orcidCurrent) {
        orcidYears.clear();
        orcidCurrent = researcher;
      }
      rows = rows.filter((r) => {
        const key = `${r.researcherId}\u0000${r.year}\u0000${r.place}\u0000${r.country ?? ''}`;
        if (orcidYears.has(key)) return false;
        orcidYears.add(key);
        return true;
      });
      duplicates.rows += c.rows.length - rows.length;
    }
    if (rows.length > 0) recordsWithRows++;
    rowsConverted += rows.length;
    fileRows += rows.length;
    for (const row of rows) fold ? folded.add(row) : plain.push(row);
    for (const p of c.problems) problems.push(p);
    for (const [rule, n] of Object.entries(c.openEnds ?? {}) as [OpenEndRule, number][]) openEnds[rule] = (openEnds[rule] ?? 0) + n;
    if (options.checkPlaces && file !== undefined) {
      for (const r of rows) {
        const res = placeOf(r);
        if (res.ok) continue;
        unplacedRows++;
        unplacedResearchers.add(r.researcherId);
        // One problem per record and place (an ORCID span gives one row a year).
        const key = `${file}\u0000${r.line}\u0000${r.researcherId}\u0000${r.place}\u0000${r.country ?? ''}`;
        const seen = unplaced.get(key);
        if (seen) {
          seen.rows++;
          seen.first = Math.min(seen.first, r.year);
          seen.last = Math.max(seen.last, r.year);
        } else unplaced.set(key, { file, row: r, failure: res, rows: 1, first: r.year, last: r.year });
      }
    }
  };
  const bad = (doc: Extract<SourceDocument, { kind: 'bad' }>) =>
    take({ rows: [], problems: [sourceProblem(doc.at, 'record', doc.value, 'malformed-record', doc.message)] });

  for (const [i, file] of expanded.entries()) {
    fileRecords = 0;
    fileRows = 0;
    if (source === 'openalex-works' || source === 'openalex-authors') {
      const convert = source === 'openalex-works' ? convertOpenAlexWork : convertOpenAlexAuthor;
      for await (const doc of jsonDocuments(file, onBytes)) {
        const id = doc.kind === 'json' ? openAlexIdOf(doc.value) : null;
        const first = id === null ? undefined : seenIds.get(id);
        if (id !== null && first === undefined && seenIds.size === DUPLICATE_WINDOW) duplicates.unchecked = true;
        if (first !== undefined) {
          // The same work in two pages or files (overlapping queries, a re-downloaded page) counts once.
          duplicates.records++;
          const message = `${id} was read before (${first.file}:${first.line}${first.path ? ` ${first.path}` : ''}); counted once`;
          take({ rows: [], problems: [sourceProblem(doc.at, 'id', id, 'duplicate-record', message, 'warning')] });
        } else if (doc.kind === 'json') {
          if (id !== null && seenIds.size < DUPLICATE_WINDOW) seenIds.set(id, doc.at);
          take(convert(doc.value, doc.at, index), doc.at.file);
        } else if (doc.kind === 'bad') bad(doc);
        else bad({ kind: 'bad', at: doc.at, value: '', message: 'XML where OpenAlex JSON was expected' });
      }
    } else if (source === 'orcid') {
      for await (const doc of orcidDocuments(file, onBytes)) {
        if (doc.kind === 'bad') {
          bad(doc);
          continue;
        }
        let record: ReturnType<typeof orcidRecordFromXml>;
        if (doc.kind === 'xml') {
          try {
            record = orcidRecordFromXml(parseXml(doc.text));
          } catch (error) {
            if (!(error instanceof XmlSyntaxError)) throw error;
            bad({ kind: 'bad', at: { file: doc.at.file, line: error.line }, value: '', message: `not well-formed XML: ${error.message}` });
            continue;
          }
        } else record = orcidRecordFromJson(doc.value, doc.at.line, basename(doc.at.file));
        // Files of ORCID's data dumps are named after the record's iD.
        record.orcid ??= orcidIdIn(doc.at.file.slice(doc.at.file.lastIndexOf('!/') + 1));
        const named = nameAfterFile(record, doc.at);
        const dumpYear = orcidDumpYear(doc.at.file);
        if (dumpYear !== null) dumpYears.add(dumpYear);
        const c = convertOrcidRecord(record, doc.at.file, index, orcidOptions, { dumpYear, knowsCity });
        if (named) c.problems.unshift(named);
        take(c, doc.at.file);
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
        else take(convertInstitutionRow(row.fields, columns, at, index), file);
      }
    }
    perFile.push({ file, bytes: sizes[i]!, recordsRead: fileRecords, rowsConverted: fileRows });
  }

  for (const u of unplaced.values()) {
    const years = u.first === u.last ? `${u.first}` : `${u.first}–${u.last}`;
    const message = `${u.failure.message}: analysis will drop ${u.rows === 1 ? 'this row' : `these ${u.rows} rows`} (researcher ${u.row.researcherId}, ${years})`;
    const p: Problem = {
      file: u.file,
      line: u.row.line,
      field: 'place',
      value: u.row.place,
      reason: u.failure.reason,
      severity: 'error',
      message,
    };
    if (u.failure.suggestions.length > 0) p.suggestions = u.failure.suggestions;
    problems.push(p);
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
    openEnds,
    dumpYears: [...dumpYears].sort((a, b) => a - b),
    duplicates,
    unplaced: options.checkPlaces ? { rows: unplacedRows, researchers: unplacedResearchers.size } : null,
  };
}

/** An OpenAlex record's short id (`W2741809807`), or null. */
function openAlexIdOf(value: unknown): string | null {
  const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : null;
  return typeof id === 'string' && id.trim() !== '' ? shortOpenAlexId(id.trim()) : null;
}

/**
 * A lone activity file without an iD (ORCID's own samples, an activity saved by hand): its
 * researcher is named after the file, with a warning. Records of ORCID's dumps always have one.
 */
function nameAfterFile(record: OrcidRecord, at: { file: string; line: number }): Problem | null {
  if (record.orcid || !record.bare || record.status !== 'ok' || record.affiliations.length === 0) return null;
  const stem = basename(at.file.slice(at.file.lastIndexOf('!/') + 1)).replace(/(\.(xml|json|gz))+$/i, '');
  record.orcid = stem;
  return sourceProblem(
    at,
    'orcid-identifier',
    stem,
    'empty-id',
    `record has no ORCID iD; its researcher is named after the file: ${JSON.stringify(stem)}`,
    'warning',
  );
}
