// A set of SIM ids split over a few smaller sets. One Set of 100,000 ids doubles its table at
// 65,536 entries in a single call (over 10 ms, on the same page as every other id-keyed table);
// sixteen shards each double at a sixteenth of that size, at different moments.

export const SHARDS = 16;

/** The shard of an id: a small hash of its last characters (ids end in varied hex or digits). */
export function shardOf(id: string): number {
  let h = 0;
  for (let i = Math.max(0, id.length - 4); i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) | 0;
  return h & (SHARDS - 1);
}

export class IdSet implements Iterable<string> {
  readonly #shards: Set<string>[] = Array.from({ length: SHARDS }, () => new Set<string>());
  #count = 0;

  get size(): number {
    return this.#count;
  }

  has(id: string): boolean {
    return (this.#shards[shardOf(id)] as Set<string>).has(id);
  }

  /** Adds an id; returns false when it was there already. */
  add(id: string): boolean {
    const shard = this.#shards[shardOf(id)] as Set<string>;
    // One lookup, not has() then add(): this runs once per SIM of every listing.
    const before = shard.size;
    shard.add(id);
    if (shard.size === before) return false;
    this.#count++;
    return true;
  }

  *[Symbol.iterator](): Iterator<string> {
    for (const shard of this.#shards) yield* shard;
  }
}
