/**
 * `flows.arrow`: the flow store as an Arrow IPC file (https://arrow.apache.org/docs/format/Columnar.html),
 * one row per flow with its breakdown by arrival year and discipline as a nested list. Read by
 * the viewer (year and discipline filters) and the notebooks ({@link flowStoreFromArrow}), and by
 * any Arrow reader: pyarrow / pandas (`pyarrow.ipc.open_file`), polars (`read_ipc`), DuckDB,
 * R arrow.
 *
 * Columns, in (source, target) order:
 *   source, target  place id (dictionary-encoded text)
 *   moves           float64: moves of the flow (the graph's edge weight)
 *   researchers     int32, null when unknown: distinct researchers behind the moves
 *   first_year, last_year  int32, null when the flow has no moves: arrival years with a move
 *   breakdown       list<struct<year int32, discipline dictionary text (null: moves without a
 *                   discipline), moves float64>>, in (year, discipline) order; Σ moves = moves
 *
 * Why Arrow and flechette: the columns go from the store's typed arrays to the file without a
 * JavaScript value per flow or per cell (the batches wrap the arrays as they are); the library
 * (`@uwdata/flechette`, which arquero already uses to read Arrow) writes and reads Arrow IPC in
 * the browser and in Node with no native code, so the viewer and the CLI share one reader.
 */
import {
  batchType,
  Column,
  columnFromArray,
  dictionary,
  field,
  float64,
  int32,
  list,
  struct,
  tableFromColumns,
  tableFromIPC,
  tableToIPC,
  Type,
  utf8,
  type Batch,
  type DataType,
} from '@uwdata/flechette';
import { InputError } from '../errors.ts';
import { flowStore, type FlowStore } from '../flows/store.ts';

/** The column names of `flows.arrow`, in order. */
export const FLOWS_ARROW_COLUMNS: readonly string[] = ['source', 'target', 'moves', 'researchers', 'first_year', 'last_year', 'breakdown'];

/**
 * The store as Arrow IPC file bytes (`flows.arrow`). Memory: the file's size (about 20 bytes a
 * cell and 40 a flow) plus the dictionaries; the store's arrays are shared, not copied.
 *
 * @example await writeFileAtomic('out/flows.arrow', [flowStoreToArrow(run.flows)]);
 */
export function flowStoreToArrow(store: FlowStore): Uint8Array {
  const n = store.flows.source.length;
  const m = store.cells.flow.length;
  const places = textColumn(store.places);
  const disciplines = textColumn(store.disciplines);
  const placeType = dictionary(places.type, int32());
  const disciplineType = dictionary(disciplines.type, int32());
  const cellType = struct([field('year', int32(), false), field('discipline', disciplineType, true), field('moves', float64(), false)]);
  const breakdownType = list(field('item', cellType, false));

  const year = batch(int32(), m, store.cells.year);
  const discipline = nullableIndices(disciplineType, store.cells.discipline, disciplines);
  const cellMoves = batch(float64(), m, store.cells.moves);
  const cells = make(cellType, {
    length: m,
    nullCount: 0,
    type: cellType,
    validity: new Uint8Array(0),
    children: [year, discipline, cellMoves],
  });
  const breakdown = make(breakdownType, {
    length: n,
    nullCount: 0,
    type: breakdownType,
    validity: new Uint8Array(0),
    offsets: store.cellStarts,
    children: [cells],
  });

  const table = tableFromColumns([
    ['source', new Column([dictionaryBatch(placeType, store.flows.source, places)])],
    ['target', new Column([dictionaryBatch(placeType, store.flows.target, places)])],
    ['moves', new Column([batch(float64(), n, store.flows.moves)])],
    ['researchers', new Column([nullableInts(store.flows.researchers)])],
    ['first_year', new Column([nullableInts(store.flows.firstYear)])],
    ['last_year', new Column([nullableInts(store.flows.lastYear)])],
    ['breakdown', new Column([breakdown])],
  ]);
  return tableToIPC(table, { format: 'file' })!;
}

/** A text column; an empty one still has one (empty) batch, so that its dictionary is written. */
function textColumn(values: readonly string[]): Column<unknown> {
  if (values.length > 0) return columnFromArray([...values], utf8()) as Column<unknown>;
  const type = utf8();
  return new Column([
    make(type, { length: 0, nullCount: 0, type, validity: new Uint8Array(0), offsets: Int32Array.of(0), values: new Uint8Array(0) }),
  ]);
}

type BatchOptions = {
  length: number;
  nullCount: number;
  type: DataType;
  validity: Uint8Array;
  values?: ArrayLike<number> | Uint8Array;
  offsets?: Int32Array;
  children?: Batch<unknown>[];
};

function make(type: DataType, options: BatchOptions): Batch<unknown> {
  const Kind = batchType(type) as unknown as new (o: BatchOptions) => Batch<unknown>;
  return new Kind(options);
}

function batch(type: DataType, length: number, values: Int32Array | Float64Array): Batch<unknown> {
  return make(type, { length, nullCount: 0, type, validity: new Uint8Array(0), values });
}

function dictionaryBatch(type: DataType, indices: Int32Array, values: Column<unknown>): Batch<unknown> {
  const b = make(type, { length: indices.length, nullCount: 0, type, validity: new Uint8Array(0), values: indices });
  return (b as unknown as { setDictionary(c: Column<unknown>): Batch<unknown> }).setDictionary(values);
}

/** Dictionary indices with −1 as null: a validity bitmap, and 0 in the null slots. */
function nullableIndices(type: DataType, indices: Int32Array, values: Column<unknown>): Batch<unknown> {
  const { validity, nullCount } = validityOf(indices.length, (i) => indices[i]! >= 0);
  const clean = nullCount === 0 ? indices : indices.map((v) => Math.max(v, 0));
  const b = make(type, { length: indices.length, nullCount, type, validity: nullCount ? validity : new Uint8Array(0), values: clean });
  return (b as unknown as { setDictionary(c: Column<unknown>): Batch<unknown> }).setDictionary(values);
}

/** Whole numbers with NaN as null, as int32. */
function nullableInts(values: Float64Array): Batch<unknown> {
  const { validity, nullCount } = validityOf(values.length, (i) => !Number.isNaN(values[i]));
  const ints = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) ints[i] = !Number.isNaN(values[i]) ? values[i]! : 0;
  return make(int32(), {
    length: values.length,
    nullCount,
    type: int32(),
    validity: nullCount ? validity : new Uint8Array(0),
    values: ints,
  });
}

function validityOf(length: number, valid: (i: number) => boolean): { validity: Uint8Array; nullCount: number } {
  const validity = new Uint8Array(Math.ceil(length / 8));
  let nullCount = 0;
  for (let i = 0; i < length; i++) {
    if (valid(i)) validity[i >> 3]! |= 1 << (i & 7);
    else nullCount++;
  }
  return { validity, nullCount };
}

/**
 * Reads `flows.arrow` (the bytes of the file) back into a {@link FlowStore}: the same columns
 * {@link flowStoreToArrow} wrote. Files of several record batches (as other Arrow writers may
 * produce) are read batch after batch.
 *
 * @throws InputError (file = `source`) when the bytes are not Arrow IPC or lack a column.
 * @example const flows = flowStoreFromArrow(new Uint8Array(await (await fetch('flows.arrow')).arrayBuffer()));
 */
export function flowStoreFromArrow(bytes: Uint8Array | ArrayBuffer, source = 'flows.arrow'): FlowStore {
  let table: ReturnType<typeof tableFromIPC>;
  try {
    table = tableFromIPC(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
  } catch (cause) {
    throw new InputError(source, `is not an Arrow IPC file (${cause instanceof Error ? cause.message : String(cause)})`, { cause });
  }
  const column = (name: string) => {
    const c = table.getChild(name);
    if (!c) throw new InputError(source, `has no "${name}" column; expected ${FLOWS_ARROW_COLUMNS.join(', ')}`);
    return c;
  };
  const n = table.numRows;
  for (const name of ['source', 'target']) {
    if (column(name).type.typeId !== Type.Dictionary)
      throw new InputError(source, `has a "${name}" column that is not dictionary-encoded text (place ids)`);
  }
  const places = dictionaryValues(column('source'));
  const sourceIndex = dictionaryIndices(column('source'), n);
  const targetIndex = reindex(column('target'), n, places, source);
  const moves = floats(column('moves'), n);
  const researchers = floats(column('researchers'), n);
  const firstYear = floats(column('first_year'), n);
  const lastYear = floats(column('last_year'), n);

  // The breakdown: list offsets batch by batch, the struct's children read into flat arrays.
  const breakdown = column('breakdown') as Column<unknown>;
  let total = 0;
  for (const b of breakdown.data as unknown as ListLike[]) total += b.length ? b.offsets[b.length]! - b.offsets[0]! : 0;
  const flow = new Int32Array(total);
  const year = new Int32Array(total);
  const discipline = new Int32Array(total);
  const cellMoves = new Float64Array(total);
  let k = 0;
  let disciplines: string[] | null = null;
  let row = 0;
  for (const b of breakdown.data as unknown as ListLike[]) {
    const struct = b.children[0]!;
    const [y, d, mv] = struct.children;
    if (!y || !d || !mv) throw new InputError(source, 'has a "breakdown" column that is not a list of (year, discipline, moves)');
    const names = (d.dictionary?.toArray() ?? []) as string[];
    disciplines ??= names;
    const remap = names.map((name) => disciplines!.indexOf(name));
    if (remap.some((i) => i < 0)) throw new InputError(source, 'has record batches with different discipline dictionaries');
    for (let i = 0; i < b.length; i++, row++) {
      for (let c = b.offsets[i]!; c < b.offsets[i + 1]!; c++) {
        flow[k] = row;
        year[k] = Number(y.values[c]);
        discipline[k] = isValid(d, c) ? remap[Number(d.values[c])]! : -1;
        cellMoves[k++] = Number(mv.values[c]);
      }
    }
  }
  try {
    return flowStore({
      places,
      disciplines: disciplines ?? [],
      flows: { source: sourceIndex, target: targetIndex, moves, researchers, firstYear, lastYear },
      cells: { flow, year, discipline, moves: cellMoves },
    });
  } catch (cause) {
    throw new InputError(source, `does not hold a valid flow store (${cause instanceof Error ? cause.message : String(cause)})`, { cause });
  }
}

interface BatchLike {
  length: number;
  values: ArrayLike<number | bigint>;
  validity?: Uint8Array;
  nullCount: number;
  dictionary?: { toArray(): unknown[] };
  children: BatchLike[];
  offsets: ArrayLike<number>;
}
type ListLike = BatchLike;

const isValid = (b: BatchLike, i: number) =>
  !b.nullCount || !b.validity || b.validity.length === 0 || (b.validity[i >> 3]! & (1 << (i & 7))) !== 0;

function dictionaryValues(column: Column<unknown>): string[] {
  const first = column.data[0] as unknown as BatchLike | undefined;
  return (first?.dictionary?.toArray() ?? []) as string[];
}

function dictionaryIndices(column: Column<unknown>, n: number): Int32Array {
  const out = new Int32Array(n);
  let at = 0;
  for (const b of column.data as unknown as BatchLike[]) for (let i = 0; i < b.length; i++) out[at++] = Number(b.values[i]);
  return out;
}

/** Indices of a dictionary column re-expressed in `places` (the source column's dictionary). */
function reindex(column: Column<unknown>, n: number, places: string[], source: string): Int32Array {
  const out = new Int32Array(n);
  const position = new Map(places.map((p, i) => [p, i]));
  let at = 0;
  for (const b of column.data as unknown as BatchLike[]) {
    const names = (b.dictionary?.toArray() ?? []) as string[];
    const map = names.map((p) => position.get(p) ?? -1);
    for (let i = 0; i < b.length; i++) {
      const k = map[Number(b.values[i])]!;
      if (k < 0) throw new InputError(source, `names a target place "${names[Number(b.values[i])]}" that is not among the sources' places`);
      out[at++] = k;
    }
  }
  return out;
}

/** A numeric column as float64, null as NaN. */
function floats(column: Column<unknown>, n: number): Float64Array {
  const out = new Float64Array(n);
  let at = 0;
  for (const b of column.data as unknown as BatchLike[])
    for (let i = 0; i < b.length; i++) out[at++] = isValid(b, i) ? Number(b.values[i]) : NaN;
  return out;
}
