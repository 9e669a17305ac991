/**
 * Place resolution for the ClickHouse engine, in JS on the distinct (name, country) pairs only:
 * the cluster hands over each pair once with its 64-bit hash (`cityHash64(name, country)`), the
 * `PlaceResolver` resolves it, and the mapping goes back as two constant arrays (hash → place
 * index) that every shard applies with `transform`. ClickHouse 18.16 allows one JOIN per SELECT,
 * and a move has two ends to map; constant arrays map both ends inside the one query each shard
 * runs, with no table to create on every shard. Place indices follow the code-unit order of place
 * ids, as in the DuckDB engine, so `ORDER BY` on them is the JS engine's id order.
 */
import { TalentFlowError } from '../../errors.ts';
import { compareText } from '../../graph/breakdowns.ts';
import type { PlaceResolver } from '../../places/types.ts';
import type { Problem } from '../../records/types.ts';
import { pairProblem, type Pair, type PlaceIndex } from '../duckdb/places.ts';
import type { Definition } from '../sql/rows.ts';
import type { Connection } from './connection.ts';

/** The resolved pairs, with each pair's hash (decimal text of a UInt64). */
export interface HashedPlaceIndex extends PlaceIndex {
  hashes: string[];
}

/**
 * Reads the distinct pairs of the clean rows and resolves them.
 * @param ends - (name, country) alias pairs: `tf_f, tf_fc` and `tf_t, tf_tc` for moves.
 * @throws TalentFlowError when two different pairs share a hash (about 1 in 10^10 for a million pairs).
 */
export async function resolvePairs(
  conn: Connection,
  head: string,
  from: string,
  ends: Array<[string, string]>,
  resolver: PlaceResolver,
): Promise<HashedPlaceIndex> {
  const byHash = new Map<string, { name: string; country: string | null }>();
  for (const [name, country] of ends) {
    const rows = await conn.rows(
      `${head}SELECT ${name}, ${country}, cityHash64(${name}, coalesce(${country}, '')) FROM ${from} WHERE NOT tf_bad AND NOT tf_blank GROUP BY ${name}, ${country}`,
    );
    for (const [n, c, h] of rows) {
      const seen = byHash.get(h!);
      if (seen && (seen.name !== n || seen.country !== c)) {
        throw new TalentFlowError(
          `the places "${seen.name}" (${seen.country}) and "${n}" (${c}) have the same 64-bit hash; analyse this input with --engine duckdb`,
        );
      }
      byHash.set(h!, { name: n!, country: c ?? null });
    }
  }
  const keyed = [...byHash].sort(
    ([, a], [, b]) =>
      compareText(a.name, b.name) ||
      (a.country === null ? (b.country === null ? 0 : -1) : b.country === null ? 1 : compareText(a.country, b.country)),
  );
  const pairs: Pair[] = keyed.map(([, p]) => ({ name: p.name, country: p.country, resolution: resolver.resolve(p.name, p.country) }));
  const byId = new Map<string, Pair['resolution'] & { ok: true }>();
  for (const p of pairs) if (p.resolution.ok) byId.set(p.resolution.place.id, p.resolution);
  const ids = [...byId.keys()].sort(compareText);
  return { pairs, places: ids.map((id) => byId.get(id)!.place), hashes: keyed.map(([h]) => h) };
}

/** The mapping sent back to the cluster, and the problems of the pairs that give one. */
export interface PlaceMapping {
  /** Hashes of the pairs that give a problem (a failure or a warning). */
  flagged: string[];
  /**
   * `WITH` definitions: `tf_k<i>` the hash of end i (from `hashes[i]`), `tf_p<i>` its place index
   * (−1 when it does not resolve), and `tf_flagged`, the array of flagged hashes.
   */
  definitions(hashes: string[]): Definition[];
  /** The problem of the pair with this hash at one row, or null when it resolved cleanly. */
  problem(hash: string, field: string, file: string, line: number): Problem | null;
}

/** The mapping of a resolved index. */
export function placeMapping(index: HashedPlaceIndex): PlaceMapping {
  const placeOf = new Map(index.places.map((p, i) => [p.id, i]));
  const keys: string[] = [];
  const values: number[] = [];
  const flagged: string[] = [];
  const pairOf = new Map<string, Pair>();
  index.pairs.forEach((p, k) => {
    const h = index.hashes[k]!;
    pairOf.set(h, p);
    const r = p.resolution;
    if (r.ok) {
      keys.push(h);
      values.push(placeOf.get(r.place.id)!);
    }
    if (!r.ok || r.warning !== undefined) flagged.push(h);
  });
  // Plain array literals: server 18.16 folds them into constants once, where a CAST is evaluated
  // block by block (three times slower on 10^5 rows).
  const uint64s = (xs: string[]) => (xs.length ? `[${xs.join(',')}]` : 'emptyArrayUInt64()');
  return {
    flagged,
    definitions(hashes) {
      const defs: Definition[] = [['tf_flagged', uint64s(flagged)]];
      if (keys.length) defs.push(['tf_keys', uint64s(keys)], ['tf_vals', `[${values.join(',')}]`]);
      hashes.forEach((h, i) => {
        defs.push([`tf_k${i}`, h]);
        defs.push([`tf_p${i}`, keys.length ? `toInt32(transform(tf_k${i}, tf_keys, tf_vals, -1))` : 'toInt32(-1)']);
      });
      return defs;
    },
    problem(hash, field, file, line) {
      const pair = pairOf.get(hash);
      return pair ? pairProblem(pair, field, file, line) : null;
    },
  };
}
