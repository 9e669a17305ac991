/**
 * ORCID records, XML or JSON, reduced to what a timeline needs: the ORCID iD and each
 * affiliation's kind, start and end years, organisation (name, address, disambiguated id) and
 * last-modified date.
 *
 * Shapes read (ORCID message schema 2.x and 3.0, as in the public data file and the public API):
 * - XML summaries (`record:record` → `activities:activities-summary` → `activities:employments`
 *   → `activities:affiliation-group` → `employment:employment-summary`, likewise educations),
 *   and single activity files (`employment:employment`) of the activities data file;
 * - JSON from the API (`orcid-identifier.path`, `activities-summary.employments
 *   ["affiliation-group"][].summaries[]["employment-summary"]`, or 2.x lists of
 *   `employment-summary`), dates as `{ year: { value: "2015" } }`.
 * In both, an affiliation has `start-date`/`end-date` (year, month, day), and `organization`
 * with `name`, `address` (`city`, `region`, `country` as ISO2) and
 * `disambiguated-organization` (`disambiguated-organization-identifier`,
 * `disambiguation-source`: ROR, RINGGOLD, GRID, FUNDREF, LEI).
 */
import { findAll, pathOf, textAt, type XmlElement } from './xml.ts';

/** ORCID affiliation sections. */
export const ORCID_AFFILIATION_KINDS = [
  'employment',
  'education',
  'qualification',
  'invited-position',
  'distinction',
  'membership',
  'service',
] as const;
/** One of {@link ORCID_AFFILIATION_KINDS}: the section an affiliation sits in. */
export type OrcidAffiliationKind = (typeof ORCID_AFFILIATION_KINDS)[number];

/** An affiliation's organisation as ORCID stores it: name, address, disambiguated id. */
export interface OrcidOrganization {
  name: string | null;
  city: string | null;
  region: string | null;
  /** ISO2 as ORCID stores it. */
  country: string | null;
  disambiguatedId: string | null;
  /** Upper case: ROR, RINGGOLD, GRID, FUNDREF, LEI. */
  disambiguationSource: string | null;
}

/** One affiliation (employment, education ...) of an ORCID record. */
export interface OrcidAffiliation {
  kind: OrcidAffiliationKind;
  /** Year text as written (validated by the converter), null when absent. */
  startYear: string | null;
  /** null: no end date (an ongoing affiliation). */
  endYear: string | null;
  organization: OrcidOrganization;
  /** ISO date-time of the affiliation's last modification, or null. */
  lastModified: string | null;
  /** Line of the affiliation element (XML) or of the record (JSON). */
  line: number;
}

/**
 * What ORCID says of a record besides its content: `locked` (an error document with response
 * code 409, as the public data file and the API give for a locked record), `deactivated` (a
 * `history/deactivation-date`, or an error document with code 410), `error` (any other ORCID
 * error document), else `ok`.
 */
export type OrcidRecordStatus = 'ok' | 'locked' | 'deactivated' | 'error';

/** An ORCID record reduced to its iD, last modification and affiliations; `line` is where the record starts. */
export interface OrcidRecord {
  orcid: string | null;
  status: OrcidRecordStatus;
  /** For a status other than `ok`: ORCID's own words (developer message, or the deactivation date). */
  statusDetail: string | null;
  /** True for a lone activity (an `employment`, not a record): such a file may lack the iD. */
  bare?: boolean;
  /** ISO date-time of the record's (or activities') last modification, or null. */
  lastModified: string | null;
  affiliations: OrcidAffiliation[];
  line: number;
}

const ORCID_ID_RE = /\d{4}-\d{4}-\d{4}-\d{3}[\dX]/;

/** The ORCID iD inside a text (`https://orcid.org/0000-0002-1825-0097`, `/0000-0002-1825-0097/employment/1`), or null. */
export function orcidIdIn(text: string | null | undefined): string | null {
  return text ? (ORCID_ID_RE.exec(text)?.[0] ?? null) : null;
}

const SUMMARY_LOCALS = new Set(ORCID_AFFILIATION_KINDS.flatMap((k) => [`${k}-summary`, k]));

function kindOfLocal(local: string): OrcidAffiliationKind {
  return local.replace(/-summary$/, '') as OrcidAffiliationKind;
}

/**
 * Reads an ORCID XML document (a record summary, an activities section or one activity file).
 *
 * @example orcidRecordFromXml(parseXml(xmlText)).affiliations[0].organization.city // 'Pok Fu Lam'
 */
export function orcidRecordFromXml(root: XmlElement): OrcidRecord {
  const orcid =
    orcidIdIn(textAt(root, 'orcid-identifier', 'path')) ??
    orcidIdIn(root.attributes.path) ??
    orcidIdIn(textAt(root, 'orcid-identifier', 'uri'));
  const lastModified =
    textAt(root, 'history', 'last-modified-date') ??
    textAt(root, 'activities-summary', 'last-modified-date') ??
    textAt(root, 'last-modified-date');
  const elements = SUMMARY_LOCALS.has(root.local) ? [root] : findAll(root, SUMMARY_LOCALS);
  const affiliations = elements
    .filter((el) => el.children.length > 0)
    .map((el) => {
      const org = pathOf(el, 'organization');
      return {
        kind: kindOfLocal(el.local),
        startYear: textAt(el, 'start-date', 'year'),
        endYear: textAt(el, 'end-date', 'year'),
        organization: {
          name: textAt(org, 'name'),
          city: textAt(org, 'address', 'city'),
          region: textAt(org, 'address', 'region'),
          country: textAt(org, 'address', 'country'),
          disambiguatedId: textAt(org, 'disambiguated-organization', 'disambiguated-organization-identifier'),
          disambiguationSource: textAt(org, 'disambiguated-organization', 'disambiguation-source')?.toUpperCase() ?? null,
        },
        lastModified: textAt(el, 'last-modified-date'),
        line: el.line,
      };
    });
  let status: OrcidRecordStatus = 'ok';
  let statusDetail: string | null = null;
  if (root.local === 'error') {
    const code = textAt(root, 'response-code');
    statusDetail = `${code ?? '?'}: ${textAt(root, 'developer-message') ?? textAt(root, 'user-message') ?? 'ORCID error'}`;
    status = errorStatus(code);
  } else {
    const deactivated = textAt(root, 'history', 'deactivation-date');
    if (deactivated) [status, statusDetail] = ['deactivated', `deactivated ${deactivated}`];
  }
  const errorOrcid = root.local === 'error' ? orcidIdIn(statusDetail) : null;
  const bare = SUMMARY_LOCALS.has(root.local);
  return {
    orcid: orcid ?? orcidIdIn(el0Path(elements)) ?? errorOrcid,
    status,
    statusDetail,
    bare,
    lastModified,
    affiliations,
    line: root.line,
  };
}

function errorStatus(code: string | number | null | undefined): OrcidRecordStatus {
  const n = Number(code);
  return n === 409 ? 'locked' : n === 410 ? 'deactivated' : 'error';
}

function el0Path(elements: XmlElement[]): string | null {
  for (const el of elements) if (el.attributes.path) return el.attributes.path;
  return null;
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | null => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : null);

/** JSON values come as `"text"`, `{ "value": "text" }` or numbers (epoch milliseconds for dates). */
function jsonText(v: unknown): string | null {
  const inner = obj(v) ? (v as Json).value : v;
  if (typeof inner === 'number' && Number.isFinite(inner)) return String(inner);
  if (typeof inner !== 'string') return null;
  const t = inner.trim();
  return t === '' ? null : t;
}

function jsonDate(v: unknown): string | null {
  const inner = obj(v) ? (v as Json).value : v;
  if (typeof inner === 'number' && Number.isFinite(inner)) return new Date(inner).toISOString();
  return jsonText(inner);
}

/**
 * Reads an ORCID JSON document (a `/record` or `/activities` response, an `/employments`
 * response, or one summary). Affiliations are found wherever a key `<kind>-summary` holds an
 * object, which covers the 2.x and 3.0 layouts.
 *
 * @example orcidRecordFromJson(JSON.parse(text), 1).affiliations.length // 2
 */
export function orcidRecordFromJson(doc: unknown, line: number, name = ''): OrcidRecord {
  const root = obj(doc) ?? {};
  const affiliations: OrcidAffiliation[] = [];
  let pathSeen: string | null = null;
  const walk = (node: unknown) => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    const o = obj(node);
    if (!o) return;
    for (const [key, value] of Object.entries(o)) {
      const kind = /^(.+)-summary$/.exec(key)?.[1];
      if (kind && (ORCID_AFFILIATION_KINDS as readonly string[]).includes(kind)) {
        // 3.0 has one summary per key; 2.x a list of them.
        for (const item of Array.isArray(value) ? value : [value]) {
          const summary = obj(item);
          if (summary) affiliations.push(affiliationOfJson(kind as OrcidAffiliationKind, summary));
        }
      } else if (typeof value === 'object') walk(value);
    }
  };
  const affiliationOfJson = (kind: OrcidAffiliationKind, summary: Json): OrcidAffiliation => {
    const org = obj(summary.organization);
    const address = obj(org?.address);
    const dis = obj(org?.['disambiguated-organization']);
    pathSeen ??= jsonText(summary.path);
    return {
      kind,
      startYear: jsonText(obj(summary['start-date'])?.year),
      endYear: jsonText(obj(summary['end-date'])?.year),
      organization: {
        name: jsonText(org?.name),
        city: jsonText(address?.city),
        region: jsonText(address?.region),
        country: jsonText(address?.country),
        disambiguatedId: jsonText(dis?.['disambiguated-organization-identifier']),
        disambiguationSource: jsonText(dis?.['disambiguation-source'])?.toUpperCase() ?? null,
      },
      lastModified: jsonDate(summary['last-modified-date']),
      line,
    };
  };
  walk(root);
  let bare = false;
  // A bare activity (ORCID's `/employment/{put-code}` response, or an activity written alone):
  // the object itself is the affiliation; its kind comes from its path or the file's name.
  if (affiliations.length === 0 && obj(root.organization)) {
    const kind = ORCID_AFFILIATION_KINDS.find((k) =>
      new RegExp(`(^|[^a-z])${k}s?([^a-z]|$)`).test(`${jsonText(root.path) ?? ''} ${name.toLowerCase()}`),
    );
    if (kind) affiliations.push(affiliationOfJson(kind, root));
    bare = true;
  }
  const history = obj(root.history);
  const activities = obj(root['activities-summary']);
  const orcid = orcidIdIn(jsonText(obj(root['orcid-identifier'])?.path)) ?? orcidIdIn(jsonText(root.path)) ?? orcidIdIn(pathSeen);
  const lastModified =
    jsonDate(history?.['last-modified-date']) ?? jsonDate(activities?.['last-modified-date']) ?? jsonDate(root['last-modified-date']);
  let status: OrcidRecordStatus = 'ok';
  let statusDetail: string | null = null;
  const code = root['response-code'];
  if (code !== undefined) {
    statusDetail = `${String(code)}: ${jsonText(root['developer-message']) ?? jsonText(root['user-message']) ?? 'ORCID error'}`;
    status = errorStatus(typeof code === 'number' || typeof code === 'string' ? code : null);
  } else {
    const deactivated = jsonDate(history?.['deactivation-date']);
    if (deactivated) [status, statusDetail] = ['deactivated', `deactivated ${deactivated}`];
  }
  return {
    orcid: orcid ?? (code !== undefined ? orcidIdIn(statusDetail) : null),
    status,
    statusDetail,
    bare,
    lastModified,
    affiliations,
    line,
  };
}
