/**
 * The small integer structures graphology-communities-louvain runs on, from mnemonist 0.39 (MIT,
 * Guillaume Plique), reproduced with their exact behaviour for the Louvain port (`louvain.ts`):
 * the array type chosen by size, and its wrap-around when a stored index equals the size.
 */
export type PointerArray = Uint8Array | Uint16Array | Uint32Array;

/** mnemonist's `getPointerArray`: the smallest unsigned array type holding indices below `size`. */
export function pointerArray(size: number): new (length: number) => PointerArray {
  const max = size - 1;
  if (max <= 255) return Uint8Array;
  if (max <= 65535) return Uint16Array;
  if (max <= 4294967295) return Uint32Array;
  throw new RangeError('Louvain: more than 4,294,967,295 entries');
}

/** mnemonist's SparseMap (Float64 values), as the library uses it: community → weight towards it. */
export class SparseMap {
  size = 0;
  readonly dense: PointerArray;
  readonly sparse: PointerArray;
  readonly vals: Float64Array;
  constructor(length: number) {
    const P = pointerArray(length);
    this.dense = new P(length);
    this.sparse = new P(length);
    this.vals = new Float64Array(length);
  }
  /** The library's `addWeightToCommunity`: get (0 when absent), add, set. */
  add(member: number, weight: number): void {
    const index = this.sparse[member]!;
    if (index < this.size && this.dense[index] === member) {
      this.vals[index]! += weight;
      return;
    }
    this.dense[this.size] = member;
    this.sparse[member] = this.size;
    this.vals[this.size] = 0 + weight;
    this.size++;
  }
  get(member: number): number | undefined {
    const index = this.sparse[member]!;
    return index < this.size && this.dense[index] === member ? this.vals[index] : undefined;
  }
}

/** mnemonist's SparseQueueSet, membership test included as written (precedence and all). */
export class SparseQueueSet {
  start = 0;
  size = 0;
  readonly capacity: number;
  readonly dense: PointerArray;
  readonly sparse: PointerArray;
  constructor(capacity: number) {
    const P = pointerArray(capacity);
    this.capacity = capacity;
    this.dense = new P(capacity);
    this.sparse = new P(capacity);
  }
  enqueue(member: number): void {
    let index = this.sparse[member]!;
    if (this.size !== 0) {
      const inBounds =
        (index < this.capacity && index >= this.start && index < this.start + this.size) ||
        index < (this.start + this.size) % this.capacity;
      if (inBounds && this.dense[index] === member) return;
    }
    index = (this.start + this.size) % this.capacity;
    this.dense[index] = member;
    this.sparse[member] = index;
    this.size++;
  }
  dequeue(): number {
    const index = this.start;
    this.size--;
    this.start++;
    if (this.start === this.capacity) this.start = 0;
    const member = this.dense[index]!;
    this.sparse[member] = this.capacity;
    return member;
  }
}
