/**
 * `manifest.json`: what produced an output folder — input file (path, SHA-256, size, rows),
 * options, seed, package version, counts of records, problems, nodes and edges, the
 * communities' modularity, and the files written — so that a result can be traced and re-run.
 *
 * Determinism: by default the manifest holds no timestamp, host or absolute path of its own,
 * and its keys come in a fixed order (options and counts sorted by key), so two runs on the same
 * input with the same options give byte-identical manifests (golden files rely on this). Pass
 * `createdAt` only when a run date is wanted, knowing it breaks that property.
 */
import { OptionError } from '../errors.ts';
import type { PlaceLevel } from '../places/types.ts';
import { compareKeys } from '../compare-keys.ts';

/** Version of the manifest's own layout; raised when fields change meaning. */
export const MANIFEST_VERSION = 1;

/** What {@link buildManifest} takes. */
export interface ManifestInput {
  /** The input file: its path as the user gave it (keep it relative for portable manifests), SHA-256 (hex), size in bytes, data rows read. */
  input: { path: string; sha256: string; bytes: number; rows: number };
  /** The options the run used (after defaults), JSON-safe; keys are sorted on output. */
  options: Record<string, unknown>;
  /** The seed of everything random in the run (Louvain). */
  seed: number;
  /** talentflow's version (package.json). */
  packageVersion: string;
  counts: {
    /** Records used. */
    records: number;
    /** Rows skipped for an error-severity problem. */
    skipped: number;
    /** Problems by reason (errors and warnings). */
    problemsByReason: Record<string, number>;
    /** Moves whose two ends resolved to the same place (not flows). */
    movesWithinPlace: number;
    nodes: number;
    edges: number;
  };
  /** File names written into the output folder (the manifest itself need not be listed). */
  outputs: string[];
  /** Free text naming the producer, e.g. the command line. */
  createdBy?: string;
  /** ISO 8601 run time. Left out unless given: it makes every manifest differ. */
  createdAt?: string;
  /** The graph's level, input kind and year span. */
  graph?: { level: PlaceLevel; kind: 'moves' | 'timelines'; years: [number, number] | null; window: [number, number] | null };
  /** The communities run: quality of the partition and how to reproduce it. */
  communities?: { count: number; modularity: number; resolution: number; seed: number };
  /** The disparity backbone: its level, and the flows and moves of the graph and of the backbone. */
  backbone?: { alpha: number; flows: number; keptFlows: number; moves: number; keptMoves: number };
  /** The gravity model's fit: distance elasticity, iterations, deviances, pseudo-R², observations (see analyses/gravity.ts). */
  gravity?: Record<string, unknown>;
  /** The bootstrap behind intervals.csv: what was resampled, how often, with which seed, at which coverage. */
  bootstrap?: { unit: string; replicates: number; seed: number; level: number };
  /** What changed what was computed (betweenness on the strongest flows, stability skipped, no convergence); left out when empty. */
  notes?: string[];
  /** Outputs left out of the folder, why, and the flag that writes them; left out when empty. */
  skipped?: ReadonlyArray<{ file: string; reason: string; flag: string }>;
  /** Wall time (ms) and memory (MiB) per stage, with `--timings`; left out otherwise (they differ from run to run). */
  timings?: ReadonlyArray<{ stage: string; ms: number; rssMiB: number; heapMiB: number }>;
}

/** The manifest object, keys in the order written. */
export interface Manifest {
  manifestVersion: number;
  tool: { name: 'talentflow'; version: string };
  createdBy?: string;
  createdAt?: string;
  input: ManifestInput['input'];
  options: Record<string, unknown>;
  seed: number;
  graph?: ManifestInput['graph'];
  counts: ManifestInput['counts'];
  communities?: ManifestInput['communities'];
  backbone?: ManifestInput['backbone'];
  gravity?: Record<string, unknown>;
  bootstrap?: ManifestInput['bootstrap'];
  notes?: string[];
  skipped?: Array<{ file: string; reason: string; flag: string }>;
  timings?: Array<{ stage: string; ms: number; rssMiB: number; heapMiB: number }>;
  outputs: string[];
  /** Size and SHA-256 of every file of the folder but the manifest (see {@link sealManifest}). */
  files?: Record<string, { bytes: number; sha256: string }>;
  /** Identifies the run's result: the first 16 hex digits of the SHA-256 of the manifest without it (see {@link sealManifest}). */
  runId?: string;
}

/**
 * Builds the manifest with a fixed key order: options and problem counts sorted by key,
 * outputs sorted and de-duplicated, optional fields present only when given.
 * Throws `OptionError` for a malformed checksum, a negative or fractional count, a non-integer
 * seed, or an option value JSON cannot hold (function, NaN, Infinity).
 *
 * @example
 * const manifest = buildManifest({
 *   input: { path: 'moves.csv', sha256: await sha256OfFile('moves.csv'), bytes: 2048, rows: 40 },
 *   options: { level: 'metro', resolution: 1 }, seed: 42, packageVersion: '0.1.0',
 *   counts: { records: 38, skipped: 2, problemsByReason: { 'self-move': 2 }, movesWithinPlace: 0, nodes: 12, edges: 30 },
 *   outputs: ['places.csv', 'flows.csv', 'graph.json'],
 * });
 * manifestToJson(manifest); // '{\n  "manifestVersion": 1,\n  "tool": { … } …'
 */
export function buildManifest(args: ManifestInput): Manifest {
  const { input, counts } = args;
  if (typeof input.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(input.sha256)) {
    throw new OptionError('input.sha256', input.sha256, '64 lowercase hexadecimal characters (SHA-256)');
  }
  if (typeof input.path !== 'string' || input.path === '') throw new OptionError('input.path', input.path, 'a non-empty path');
  assertCount('input.bytes', input.bytes);
  assertCount('input.rows', input.rows);
  if (!Number.isSafeInteger(args.seed)) throw new OptionError('seed', args.seed, 'an integer');
  for (const name of ['records', 'skipped', 'movesWithinPlace', 'nodes', 'edges'] as const) assertCount(`counts.${name}`, counts[name]);
  for (const [reason, n] of Object.entries(counts.problemsByReason)) assertCount(`counts.problemsByReason.${reason}`, n);

  const g = args.graph;
  const c = args.communities;
  return {
    manifestVersion: MANIFEST_VERSION,
    tool: { name: 'talentflow', version: args.packageVersion },
    ...(args.createdBy !== undefined ? { createdBy: args.createdBy } : {}),
    ...(args.createdAt !== undefined ? { createdAt: args.createdAt } : {}),
    input: { path: input.path, sha256: input.sha256, bytes: input.bytes, rows: input.rows },
    options: canonical(args.options, 'options') as Record<string, unknown>,
    seed: args.seed,
    ...(g !== undefined
      ? {
          graph: {
            level: g.level,
            kind: g.kind,
            years: g.years ? [g.years[0], g.years[1]] : null,
            window: g.window ? [g.window[0], g.window[1]] : null,
          },
        }
      : {}),
    counts: {
      records: counts.records,
      skipped: counts.skipped,
      problemsByReason: canonical(counts.problemsByReason, 'counts.problemsByReason') as Record<string, number>,
      movesWithinPlace: counts.movesWithinPlace,
      nodes: counts.nodes,
      edges: counts.edges,
    },
    ...(c !== undefined
      ? {
          communities: canonicalInOrder(
            { count: c.count, modularity: c.modularity, resolution: c.resolution, seed: c.seed },
            'communities',
          ),
        }
      : {}),
    ...(args.backbone !== undefined ? { backbone: canonicalInOrder({ ...args.backbone }, 'backbone') } : {}),
    ...(args.gravity !== undefined ? { gravity: canonicalFields(args.gravity, 'gravity') } : {}),
    ...(args.bootstrap !== undefined
      ? { bootstrap: canonicalFields({ ...args.bootstrap }, 'bootstrap') as ManifestInput['bootstrap'] }
      : {}),
    ...(args.notes?.length ? { notes: args.notes.map(String) } : {}),
    ...(args.skipped?.length ? { skipped: args.skipped.map((s) => ({ file: s.file, reason: s.reason, flag: s.flag })) } : {}),
    ...(args.timings?.length
      ? {
          timings: args.timings.map((t) => ({
            stage: t.stage,
            ms: Math.round(t.ms),
            rssMiB: Math.round(t.rssMiB),
            heapMiB: Math.round(t.heapMiB),
          })),
        }
      : {}),
    outputs: [...new Set(args.outputs)].sort(compareKeys),
  };
}

/**
 * `manifest.json` text: two-space indented JSON ending with a newline.
 *
 * @example writeOutputs('out', { 'manifest.json': manifestToJson(manifest) });
 */
export function manifestToJson(manifest: Manifest): string {
  return JSON.stringify(manifest, null, 2) + '\n';
}

/** Throws OptionError unless `value` is a whole number ≥ 0. */
export function assertCount(option: string, value: unknown): void {
  if (!Number.isSafeInteger(value) || (value as number) < 0) throw new OptionError(option, value, 'a whole number ≥ 0');
}

/** A copy with object keys sorted and undefined members dropped; rejects what JSON cannot hold. */
function canonical(value: unknown, path: string): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new OptionError(path, value, 'a finite number (JSON has no NaN or Infinity)');
    return value;
  }
  if (Array.isArray(value)) return value.map((v, i) => (v === undefined ? null : canonical(v, `${path}[${i}]`)));
  if (typeof value === 'object') {
    if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) {
      throw new OptionError(path, String(value), 'plain JSON data (objects, arrays, strings, numbers, booleans, null)');
    }
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort(compareKeys)) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = canonical(v, `${path}.${key}`);
    }
    return out;
  }
  if (value === undefined) return null;
  throw new OptionError(path, typeof value, 'plain JSON data (objects, arrays, strings, numbers, booleans, null)');
}

/** A JSON-safe copy in the given key order; non-finite numbers (a fit left out) become null. */
function canonicalFields(value: Record<string, unknown>, path: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = typeof v === 'number' && !Number.isFinite(v) ? null : canonical(v, `${path}.${k}`);
  return out;
}

/** Checks every member is JSON-safe but keeps the given key order. */
function canonicalInOrder<T extends Record<string, number>>(value: T, path: string): T {
  for (const [k, v] of Object.entries(value)) canonical(v, `${path}.${k}`);
  return value;
}
