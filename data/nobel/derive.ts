/**
 * Derives `nobel_moves.csv` (a moves table the CLI reads without a column map) from the
 * untouched source `nobel_birthcity_to_affiliationcity.csv`.
 *
 *   npx tsx data/nobel/derive.ts            # writes data/nobel/nobel_moves.csv
 *   npx tsx data/nobel/derive.ts --check    # exits 1 if the committed file differs
 *
 * Every change is structural and named in the row's `changes` cell; the original values are
 * kept beside the derived ones (born_city, born_country, aff_city, aff_country):
 *   trim              leading/trailing spaces removed
 *   now-name          "Breslau (now Wroclaw)" → "Wroclaw" (the source's own modern name)
 *   parenthetical     "Bucksburn (Scotland)" → "Bucksburn"
 *   state-suffix      "Cambridge, MA" → "Cambridge" when the country is US (state or D.C.)
 *                     or CA (province or territory)
 *   region-suffix     "Lidingö, Stockholm" → "Lidingö": text after the first comma dropped
 *   country-code      aff_country name → ISO 3166-1 alpha-2 (table below; modern country for
 *                     "USSR (now Russia)")
 * Nothing else is changed: no exonym is translated (Calcutta stays Calcutta), no row is
 * dropped, empty birth cities stay empty. The toolkit reports what still does not resolve.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromCSV } from 'arquero';
import { toCsv } from '../../src/exports/csv.ts';
import { writeFileAtomicSync } from '../../src/exports/write-atomic.ts';

const here = dirname(fileURLToPath(import.meta.url));
const SOURCE = join(here, 'nobel_birthcity_to_affiliationcity.csv');
const TARGET = join(here, 'nobel_moves.csv');

/** Every aff_country value of the source → ISO2 of the country the city is in today. */
const AFF_COUNTRY_CODES: Record<string, string> = {
  Argentina: 'AR', Australia: 'AU', Austria: 'AT', Belgium: 'BE', Canada: 'CA', China: 'CN',
  'Czechoslovakia (now Czech Republic)': 'CZ', Denmark: 'DK', Finland: 'FI', France: 'FR',
  Germany: 'DE', 'Germany (now France)': 'FR', Hungary: 'HU', India: 'IN', Ireland: 'IE',
  Israel: 'IL', Italy: 'IT', Japan: 'JP', Norway: 'NO', Portugal: 'PT', Russia: 'RU', Spain: 'ES',
  Sweden: 'SE', Switzerland: 'CH', 'the Netherlands': 'NL', Tunisia: 'TN', 'United Kingdom': 'GB',
  USA: 'US', 'USSR (now Russia)': 'RU',
};

const US_STATES = new Set(
  ('AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY ' +
    'NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC D.C.').split(' '),
);
const CA_PROVINCES = new Set([
  'AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT', 'Alberta', 'British Columbia',
  'Manitoba', 'New Brunswick', 'Newfoundland and Labrador', 'Nova Scotia', 'Ontario', 'Prince Edward Island',
  'Quebec', 'Saskatchewan',
]);

/** Applies the structural rules to one city cell; returns the derived name and the rules that fired. */
export function deriveCity(raw: string, country: string): { city: string; rules: string[] } {
  const rules: string[] = [];
  let city = raw;
  if (city.trim() !== city) {
    city = city.trim();
    rules.push('trim');
  }
  const now = /^(.*?)\s*\(now ([^)]+)\)$/.exec(city);
  if (now) {
    city = now[2]!.trim();
    rules.push('now-name');
  }
  const paren = /^(.+?)\s*\([^)]*\)$/.exec(city);
  if (paren) {
    city = paren[1]!.trim();
    rules.push('parenthetical');
  }
  const suffix = /^(.+),\s*([^,]+)$/.exec(city);
  if (suffix) {
    const region = suffix[2]!.trim();
    if ((country === 'US' && US_STATES.has(region)) || (country === 'CA' && CA_PROVINCES.has(region))) {
      city = suffix[1]!.trim();
      rules.push('state-suffix');
    }
  }
  if (city.includes(',')) {
    city = city.slice(0, city.indexOf(',')).trim();
    rules.push('region-suffix');
  }
  return { city, rules };
}

/** The derived table's text from the source's text. Throws on an aff_country missing from the table. */
export function deriveNobelMoves(sourceText: string): { csv: string; rows: number; ruleCounts: Record<string, number> } {
  const table = fromCSV(sourceText, { autoType: false });
  // arquero reads an empty cell as null; the derived table keeps it as an empty cell.
  const source = (table.objects() as Record<string, string | null>[]).map((r) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v ?? ''])),
  );
  const ruleCounts: Record<string, number> = {};
  const count = (rule: string) => (ruleCounts[rule] = (ruleCounts[rule] ?? 0) + 1);
  const rows = source.map((r) => {
    const toCountry = AFF_COUNTRY_CODES[r['aff_country']!];
    if (toCountry === undefined) throw new Error(`aff_country ${JSON.stringify(r['aff_country'])} (laureate ${r['laureate_id']}) is not in AFF_COUNTRY_CODES`);
    const fromCountry = r['born_country_code']!;
    const from = deriveCity(r['born_city']!, fromCountry);
    const to = deriveCity(r['aff_city']!, toCountry);
    const changes = [...from.rules.map((x) => `from:${x}`), ...to.rules.map((x) => `to:${x}`)];
    if (toCountry !== r['aff_country']) changes.push('to_country:country-code');
    changes.forEach(count);
    return {
      researcher_id: r['laureate_id'],
      from: from.city,
      from_country: fromCountry,
      to: to.city,
      to_country: toCountry,
      year: r['prize_year'],
      discipline: r['category'],
      name: r['name'],
      aff_name: r['aff_name'],
      born_city: r['born_city'],
      born_country: r['born_country'],
      aff_city: r['aff_city'],
      aff_country: r['aff_country'],
      changes: changes.join(';'),
    };
  });
  const columns = ['researcher_id', 'from', 'from_country', 'to', 'to_country', 'year', 'discipline', 'name', 'aff_name', 'born_city', 'born_country', 'aff_city', 'aff_country', 'changes'];
  return { csv: toCsv(columns, rows), rows: rows.length, ruleCounts };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { csv, rows, ruleCounts } = deriveNobelMoves(readFileSync(SOURCE, 'utf8'));
  if (process.argv.includes('--check')) {
    const same = readFileSync(TARGET, 'utf8') === csv;
    process.stderr.write(same ? 'nobel_moves.csv is up to date\n' : 'nobel_moves.csv differs from what derive.ts makes\n');
    process.exit(same ? 0 : 1);
  }
  writeFileAtomicSync(TARGET, csv);
  const summary = Object.entries(ruleCounts).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k} ${v}`).join(', ');
  process.stderr.write(`wrote ${TARGET}: ${rows} rows; rows changed per rule: ${summary}\n`);
}
