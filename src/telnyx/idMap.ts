// A map keyed by SIM id, split like IdSet: one Map of 100,000 SIMs re-inserts every entry when it
// doubles (about 17 ms at 65,536, 37 ms at 131,072, inside one page of a load); each shard
// doubles at a sixteenth of that size, at different moments. Iteration is shard by shard, not in
// insertion order.
import { SHARDS, shardOf } from './idSet';

export class IdMap<V> {
  readonly #shards: Map<string, V>[] = Array.from({ length: SHARDS }, () => new Map<string, V>());
  #count = 0;

  get size(): number {
    return this.#count;
  }

  get(id: string): V | undefined {
    return (this.#shards[shardOf(id)] as Map<string, V>).get(id);
  }

  set(id: string, value: V): void {
    const shard = this.#shards[shardOf(id)] as Map<string, V>;
    const before = shard.size;
    shard.set(id, value);
    this.#count += shard.size - before;
  }

  delete(id: string): boolean {
    if (!(this.#shards[shardOf(id)] as Map<string, V>).delete(id)) return false;
    this.#count--;
    return true;
  }

  clear(): void {
    for (const shard of this.#shards) shard.clear();
    this.#count = 0;
  }

  *values(): IterableIterator<V> {
    for (const shard of this.#shards) yield* shard.values();
  }
}
