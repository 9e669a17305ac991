/**
 * The flags of `talentflow import`, described once: its parseArgs spec, the options of its help
 * and its option list in README.md are generated from {@link IMPORT_FLAGS}.
 */
import { ORCID_AFFILIATION_KINDS } from '../sources/orcid-record.ts';
import { ORCID_DEFAULTS } from '../sources/orcid.ts';
import type { Flag } from './flags.ts';

export const IMPORT_FLAGS: readonly Flag[] = [
  { name: 'out', value: 'file', type: 'file', default: 'required', help: 'timelines CSV to write (`.gz` compresses it).' },
  { name: 'problems', value: 'file', type: 'file', default: '`<out name>.problems.csv` beside `--out`', help: 'problems CSV.' },
  {
    name: 'ror',
    value: 'file',
    type: 'file',
    default: 'the bundled `data/ror/` extract, 51,370 organisations, primary names only',
    help:
      'the ROR registry: an official ROR data dump as ROR publishes it (the `.zip`, or its schema v2 or v1 JSON, gzip too), or a ' +
      "compact CSV written by `npx tsx scripts/build-ror-gazetteer.ts <dump> <out.csv.gz>`. A dump brings every organisation's " +
      'aliases (former names: "OurResearch" and "Impactstory" for OpenAlex), acronyms and labels into name lookups, and its GRID ' +
      'and FundRef ids, which place ORCID affiliations disambiguated by them.',
  },
  {
    name: 'until',
    value: 'year',
    type: 'year',
    default: "the dump's year, else the record's last edit",
    help:
      'ORCID: last year of affiliations without an end date. Without it they end at the year of the data dump named in the file or ' +
      'folder (`ORCID_2022_10_summaries.tar.gz` → 2022), else at the year the record was last modified; the summary says how many ' +
      'ended by which rule.',
  },
  {
    name: 'affiliations',
    value: 'k,...',
    type: ORCID_AFFILIATION_KINDS.join(' | ') + ', comma-separated',
    default: `\`${ORCID_DEFAULTS.affiliations.join(',')}\``,
    help: 'ORCID affiliation kinds to read.',
  },
  { name: 'no-fold', help: 'one row per record and city instead of summing publications.' },
  { name: 'strict', help: 'any problem is fatal (only the problems CSV is written, exit 1).' },
  { name: 'quiet', help: 'no summary on stdout.' },
  { name: 'help', short: 'h', help: 'this help.' },
];
