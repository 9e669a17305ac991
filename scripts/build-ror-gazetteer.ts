// Builds the compact ROR registry from an official ROR data dump (the published .zip, or its
// JSON): `npx tsx scripts/build-ror-gazetteer.ts v2.9-2026-07-09-ror-data.zip data/ror/ror_gazetteer.csv.gz`.
// Then pass the output to `talentflow import --ror`, or replace the bundled file with it.
import { writeFileSync } from 'node:fs';
import { loadRorRecords } from '../src/sources/node/load-ror.ts';
import { rorGazetteerCsvGz } from '../src/sources/node/ror-gazetteer.ts';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  process.stderr.write('usage: npx tsx scripts/build-ror-gazetteer.ts <ROR dump .zip or .json[.gz]> <out.csv.gz>\n');
  process.exit(2);
}
const records = await loadRorRecords(input);
const bytes = rorGazetteerCsvGz(records);
writeFileSync(output, bytes);
const named = records.filter((r) => (r.names ?? []).length > 0).length;
process.stderr.write(`${records.length} organisations (${named} with other names) → ${output} (${bytes.length} bytes)\n`);
