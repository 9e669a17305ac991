/**
 * rai.csv as columns: parsed in the worker into typed arrays (transferred, not cloned) and read on
 * the page through a view that makes a place's cells when they are first asked for. As nested
 * maps of cell objects, a real 4,468-place analysis (116,000 rows) cost 0.25 s to build and
 * 0.14 s to clone out of the worker, half of it on the page's thread before the first map.
 */
import { numberOrNull, tableFields } from './csv.ts';

export interface RaiCellText {
  /** RAI, null when the cell is empty (does not apply). */
  rai: number | null;
  researchers: number | null;
  /** The `rai` cell as written in rai.csv. */
  text: string;
}

/** A place's cells by discipline (the last row wins when rai.csv repeats a pair). */
export interface RaiCells {
  has(place: string): boolean;
  get(place: string): ReadonlyMap<string, RaiCellText> | undefined;
}

export interface RaiTable {
  /** Disciplines in the order of their world share (largest first). */
  disciplines: string[];
  /** place → discipline → cell. */
  cells: RaiCells;
  basis: string | null;
}

/** rai.csv's rows as columns: what the worker sends. */
export interface RaiColumns {
  disciplines: string[];
  basis: string | null;
  /** Distinct places and disciplines in the order met; rows refer to them by index. */
  placeNames: string[];
  disciplineNames: string[];
  place: Int32Array;
  discipline: Int32Array;
  /** NaN: empty. */
  rai: Float64Array;
  researchers: Float64Array;
  /**
   * The `rai` cells as written, one after another (`textEnds[r]` is where row r's ends): one
   * string crosses from a worker at the cost of a copy, 116,000 strings at the cost of making each.
   */
  text: string;
  textEnds: Int32Array;
}

/**
 * rai.csv's text as columns; null (and a warning) without a place, discipline or rai column.
 *
 * @throws InputError naming rai.csv and the line when the text is not valid CSV.
 * @example readRaiColumns('place,discipline,rai\nA,CS,1.5\n', [])?.rai // Float64Array [1.5]
 */
export function readRaiColumns(text: string, warnings: string[]): RaiColumns | null {
  const fields = tableFields(text, 'rai.csv');
  const header = fields[0] ?? [];
  const at = (c: string) => header.indexOf(c);
  for (const c of ['place', 'discipline', 'rai']) {
    if (at(c) < 0) {
      warnings.push(`rai.csv has no "${c}" column; the heatmap is off`);
      return null;
    }
  }
  const [iPlace, iDiscipline, iRai, iResearchers, iBasis] = [at('place'), at('discipline'), at('rai'), at('researchers'), at('basis')];
  const n = fields.length - 1;
  const out: RaiColumns = {
    disciplines: [],
    basis: null,
    placeNames: [],
    disciplineNames: [],
    place: new Int32Array(n),
    discipline: new Int32Array(n),
    rai: new Float64Array(n),
    researchers: new Float64Array(n),
    text: '',
    textEnds: new Int32Array(n),
  };
  const texts = new Array<string>(n);
  let end = 0;
  const places = new Map<string, number>();
  const disciplines = new Map<string, number>();
  const totals: number[] = [];
  for (let r = 0; r < n; r++) {
    const row = fields[r + 1]!;
    const p = row[iPlace] ?? '';
    const d = row[iDiscipline] ?? '';
    let pi = places.get(p);
    if (pi === undefined) places.set(p, (pi = out.placeNames.push(p) - 1));
    let di = disciplines.get(d);
    if (di === undefined) {
      disciplines.set(d, (di = out.disciplineNames.push(d) - 1));
      totals.push(0);
    }
    out.place[r] = pi;
    out.discipline[r] = di;
    texts[r] = row[iRai] ?? '';
    end += texts[r]!.length;
    out.textEnds[r] = end;
    out.rai[r] = numberOrNull(row[iRai]) ?? NaN;
    const researchers = iResearchers < 0 ? NaN : (numberOrNull(row[iResearchers]) ?? NaN);
    out.researchers[r] = researchers;
    if (!Number.isNaN(researchers)) totals[di]! += researchers;
    if (out.basis === null && iBasis >= 0 && row[iBasis]) out.basis = row[iBasis]!;
  }
  out.text = texts.join('');
  out.disciplines = out.disciplineNames
    .map((d, i) => [d, totals[i]!] as const)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([d]) => d);
  return out;
}

/** The typed arrays of rai.csv's columns, to transfer rather than copy out of a worker. */
export function raiTransferables(columns: RaiColumns | null): ArrayBuffer[] {
  return columns
    ? [columns.place, columns.discipline, columns.rai, columns.researchers, columns.textEnds].map((a) => a.buffer as ArrayBuffer)
    : [];
}

/** The table the viewer reads, over the columns: a place's cells are made when first asked for. */
export function raiTable(columns: RaiColumns): RaiTable {
  const placeIndex = new Map(columns.placeNames.map((p, i) => [p, i]));
  // Rows of each place, in file order (a counting sort of the rows by place).
  const starts = new Int32Array(columns.placeNames.length + 1);
  for (const p of columns.place) starts[p + 1]!++;
  for (let i = 0; i < columns.placeNames.length; i++) starts[i + 1]! += starts[i]!;
  const rows = new Int32Array(columns.place.length);
  const next = starts.slice(0, -1);
  columns.place.forEach((p, r) => (rows[next[p]!++] = r));
  const made = new Map<number, Map<string, RaiCellText>>();
  const nullable = (v: number) => (Number.isNaN(v) ? null : v);
  const cells: RaiCells = {
    has: (place) => placeIndex.has(place),
    get(place) {
      const p = placeIndex.get(place);
      if (p === undefined) return undefined;
      let out = made.get(p);
      if (!out) {
        out = new Map();
        for (let k = starts[p]!; k < starts[p + 1]!; k++) {
          const r = rows[k]!;
          out.set(columns.disciplineNames[columns.discipline[r]!]!, {
            rai: nullable(columns.rai[r]!),
            researchers: nullable(columns.researchers[r]!),
            text: columns.text.slice(r === 0 ? 0 : columns.textEnds[r - 1], columns.textEnds[r]),
          });
        }
        made.set(p, out);
      }
      return out;
    },
  };
  return { disciplines: columns.disciplines, cells, basis: columns.basis };
}
