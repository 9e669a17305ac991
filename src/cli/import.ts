/** `talentflow import`: OpenAlex works or authors, ORCID records or a list of institutions → canonical timelines CSV. */
import { mkdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { tableToCsv } from '../exports/csv.ts';
import { problemsTable } from '../exports/problems-table.ts';
import { writeFileAtomic } from '../exports/write-atomic.ts';
import { OptionError } from '../errors.ts';
import { formatProblemSummary, summariseProblems } from '../records/problems.ts';
import { PARENT_DEFAULTS } from '../places/parent-city.ts';
import { ORCID_AFFILIATION_KINDS, type OrcidAffiliationKind } from '../sources/orcid-record.ts';
import { DUPLICATE_WINDOW, readSourceTimelines, type SourceReadResult } from '../sources/node/read-source.ts';
import { writeTimelinesCsv, TIMELINES_CSV_COLUMNS } from '../sources/node/write-timelines.ts';
import { SOURCE_KINDS, type SourceKind } from '../sources/types.ts';
import { parseCommandLine, parseIntOption } from './args.ts';
import { EXIT, EXIT_CODES_HELP } from './exit-codes.ts';
import { reportError } from './report-error.ts';
import { createProgress } from './progress.ts';
import { flagSpec, flagsHelp } from './flags.ts';
import { IMPORT_FLAGS } from './import-flags.ts';

export const IMPORT_HELP = `Usage: talentflow import <source> <file>... --out <timelines.csv> [options]

Reads real records and writes canonical affiliation timelines, one row per researcher, year and
city with the publications summed, for "talentflow analyze --kind timelines" or any other tool:
  ${TIMELINES_CSV_COLUMNS.join(',')}

Sources:
  openalex-works    OpenAlex Work objects: snapshot JSON lines (part_*.gz) or API result pages;
                    one row per author and city of each work, discipline = primary topic's field
  openalex-authors  OpenAlex Author objects: one row per year of each affiliation
  orcid             ORCID records: summary XML files, the public data file (.tar.gz of XML),
                    API JSON, bare activities, folders of these; one row per year of each
                    employment/education span
  institutions      CSV researcher_id,year,institution (name or ROR id) or ror,
                    and optionally country, discipline, publications

Each row carries its place: ror_id, geonames_id, lat, lon, region (empty when unknown), which
"analyze" places it by. Import resolves every row as "analyze" will and reports the rows it would
drop. Institutions are placed through the ROR gazetteer; ROR "cities" that are districts are mapped
to the city they belong to (a city in its own right by GeoNames feature code and population stays
itself; a ward or neighbourhood goes to the seat of the division it shares, within ${PARENT_DEFAULTS.maxSeatKm} km). Files may be gzipped.

Options:
${flagsHelp(IMPORT_FLAGS)}

${EXIT_CODES_HELP}
`;

/** `timelines.csv.gz` → `timelines.problems.csv` in the same folder. */
export function defaultProblemsPath(out: string): string {
  const name = basename(out).replace(/(\.(csv|tsv|txt|gz))+$/i, '') || 'timelines';
  return join(dirname(out), `${name}.problems.csv`);
}

/** The run's summary: records read, rows written, researchers and years, problems by reason. */
export function formatImportSummary(read: SourceReadResult, out: string | null, problemsPath: string): string {
  const researchers = new Set(read.records.map((r) => r.researcherId)).size;
  let minYear = Infinity;
  let maxYear = -Infinity;
  for (const r of read.records) {
    if (r.year < minYear) minYear = r.year;
    if (r.year > maxYear) maxYear = r.year;
  }
  const years = read.records.length ? `, ${minYear}–${maxYear}` : '';
  const files = read.files.length === 1 ? '1 file' : `${read.files.length} files`;
  const lines = [
    `Read ${read.recordsRead} records from ${files}: ${read.recordsWithRows} gave timeline rows, ${read.recordsRead - read.recordsWithRows} none.`,
  ];
  if (out) lines.push(`Wrote ${read.records.length} timeline rows (${researchers} researchers${years}) to ${out}.`);
  const ends = read.openEnds;
  const open = (ends.until ?? 0) + (ends.dump ?? 0) + (ends.record ?? 0) + (ends.start ?? 0);
  if (open > 0) {
    const parts: string[] = [];
    if (ends.until) parts.push(`${ends.until} at --until`);
    if (ends.dump) parts.push(`${ends.dump} at the dump's year (${read.dumpYears.join(', ')}, from the file name)`);
    if (ends.record) parts.push(`${ends.record} at the record's last-modified year`);
    if (ends.start) parts.push(`${ends.start} in their start year (no date to end them)`);
    lines.push(`Ongoing affiliations (no end date): ${open}, ended ${parts.join(', ')}.`);
  }
  if (read.duplicates.unchecked)
    lines.push(`Duplicates: only the first ${DUPLICATE_WINDOW.toLocaleString('en')} records were checked for ids read twice.`);
  if (read.duplicates.rows > 0 || read.duplicates.records > 0) {
    const what = [
      read.duplicates.records ? `${read.duplicates.records} records seen before (counted once)` : '',
      read.duplicates.rows ? `${read.duplicates.rows} affiliation-years given by another file of the same researcher (counted once)` : '',
    ];
    lines.push(`Duplicates dropped: ${what.filter(Boolean).join('; ')}.`);
  }
  if (read.unplaced) {
    lines.push(
      read.unplaced.rows === 0
        ? 'Every row resolves to a place: analysis will drop none.'
        : `Analysis will drop ${read.unplaced.rows} row(s) of ${read.unplaced.researchers} researcher(s) whose place does not resolve (reported below).`,
    );
  }
  const summary = summariseProblems(read.problems);
  if (summary.total === 0) lines.push(`No problems (${problemsPath} has its header only).`);
  else {
    const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    lines.push(
      `Problems: ${summary.total} (${count(summary.errors, 'error')}, ${count(summary.warnings, 'warning')}), listed in ${problemsPath}:`,
    );
    lines.push(
      ...formatProblemSummary(summary)
        .split('\n')
        .map((l) => `  ${l}`),
    );
  }
  return lines.join('\n') + '\n';
}

/**
 * Runs `talentflow import` and returns its exit code: 0 done, 1 `--strict` with problems,
 * 2 bad command line, 3 unreadable input.
 *
 * @example await runImport(['openalex-works', 'part_000.gz', '--out', 'out/timelines.csv.gz']) // 0
 */
export async function runImport(argv: string[]): Promise<number> {
  try {
    return await importCommand(argv);
  } catch (error) {
    return reportError(error);
  }
}

async function importCommand(argv: string[]): Promise<number> {
  const parsed = parseCommandLine(argv, flagSpec(IMPORT_FLAGS), 'import');
  const positionals = parsed.positionals;
  const values = parsed.values as {
    out?: string;
    problems?: string;
    ror?: string;
    until?: string;
    affiliations?: string;
    'no-fold'?: boolean;
    strict?: boolean;
    quiet?: boolean;
    help?: boolean;
  };
  if (values.help) {
    process.stdout.write(IMPORT_HELP);
    return EXIT.ok;
  }
  const [source, ...files] = positionals;
  if (source === undefined || files.length === 0 || values.out === undefined) {
    const missing = source === undefined ? 'a source' : files.length === 0 ? 'at least one input file' : '--out <file>';
    process.stderr.write(`talentflow import: expected ${missing}.\n\n${IMPORT_HELP}`);
    return EXIT.usage;
  }
  if (!(SOURCE_KINDS as readonly string[]).includes(source)) {
    throw new OptionError('source', source, `one of ${SOURCE_KINDS.join(', ')}`);
  }
  const affiliations = values.affiliations
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean) as OrcidAffiliationKind[] | undefined;
  for (const k of affiliations ?? []) {
    if (!(ORCID_AFFILIATION_KINDS as readonly string[]).includes(k))
      throw new OptionError('--affiliations', k, `kinds among ${ORCID_AFFILIATION_KINDS.join(', ')}`);
  }
  const until = values.until === undefined ? null : parseIntOption('--until', values.until, 0, 1900, 2100);
  const out = values.out;
  const problemsPath = values.problems ?? defaultProblemsPath(out);

  const progress = createProgress(`reading ${files.length === 1 ? basename(files[0]!) : `${files.length} files`}`, undefined);
  const read = await readSourceTimelines(source as SourceKind, files, {
    onProgress: (done, total) => progress.update(done, total),
    ror: values.ror,
    orcid: { affiliations, openEndYear: until },
    fold: values['no-fold'] !== true,
    checkPlaces: true,
  });
  progress.done();

  await mkdir(dirname(out), { recursive: true });
  await mkdir(dirname(problemsPath), { recursive: true });
  await writeFileAtomic(problemsPath, tableToCsv(problemsTable(read.problems)));
  if (values.strict && read.problems.length > 0) {
    process.stderr.write(formatImportSummary(read, null, problemsPath));
    process.stderr.write(`talentflow import: --strict: ${read.problems.length} problem(s); only ${problemsPath} was written.\n`);
    return EXIT.problems;
  }
  await writeTimelinesCsv(out, read.records);
  if (!values.quiet) process.stdout.write(formatImportSummary(read, out, problemsPath));
  return EXIT.ok;
}
