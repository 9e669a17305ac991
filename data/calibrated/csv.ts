/**
 * The sample's file format: RFC 4180 CSV with the header
 * `researcher_id,year,place,country,discipline,publications` (fields with a comma or a quote
 * are quoted: "Washington, D.C.", "Biochemistry, Genetics and Molecular Biology").
 */

/** One row of the affiliation timelines: `publications` papers in `year` with an affiliation in `place`. */
export interface TimelineRow {
  researcherId: string;
  year: number;
  /** Raw city name as an affiliation reads. */
  place: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  discipline: string;
  publications: number;
}

export const HEADER = ['researcher_id', 'year', 'place', 'country', 'discipline', 'publications'] as const;

function field(value: string | number): string {
  const s = String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The rows as CSV text with header, `\n` line ends and a final newline. */
export function formatTimelinesCsv(rows: readonly TimelineRow[]): string {
  const lines = [HEADER.join(',')];
  for (const r of rows) {
    lines.push([r.researcherId, r.year, r.place, r.country, r.discipline, r.publications].map(field).join(','));
  }
  return lines.join('\n') + '\n';
}

/** Splits one CSV line into fields (quoted fields may hold commas and doubled quotes, not newlines). */
export function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) throw new Error(`unterminated quote in ${JSON.stringify(line)}`);
        value += line.slice(i, q);
        if (line[q + 1] === '"') {
          value += '"';
          i = q + 2;
        } else {
          i = q + 2; // past the closing quote and the comma
          break;
        }
      }
      out.push(value);
    } else {
      const c = line.indexOf(',', i);
      const end = c < 0 ? line.length : c;
      out.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return out;
}

/**
 * Parses the sample's CSV back into rows; throws on a wrong header or a malformed row (the
 * sample is generated, so any defect is a bug, not data to tolerate).
 */
export function parseTimelinesCsv(text: string): TimelineRow[] {
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  if (lines[0] !== HEADER.join(',')) throw new Error(`unexpected header ${JSON.stringify(lines[0])}`);
  const rows: TimelineRow[] = [];
  for (let n = 1; n < lines.length; n++) {
    const f = splitCsvLine(lines[n]!);
    if (f.length !== 6) throw new Error(`line ${n + 1}: ${f.length} fields`);
    const year = Number(f[1]);
    const publications = Number(f[5]);
    if (!Number.isInteger(year) || !Number.isInteger(publications) || publications < 1) throw new Error(`line ${n + 1}: bad year or publications`);
    rows.push({ researcherId: f[0]!, year, place: f[2]!, country: f[3]!, discipline: f[4]!, publications });
  }
  return rows;
}
