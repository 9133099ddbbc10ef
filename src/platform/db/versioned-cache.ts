import type { CacheScope, ChangeFeed } from './change-feed.ts';

/**
 * An in-process cache whose entries hold only while nothing they were read
 * from has changed: each entry remembers the generation of its scope, and a
 * value is stored only if that generation did not move while it was being
 * loaded (a write committed meanwhile may not be in it). Entries also expire
 * after `ttlMs` or at the time the loader gives (a session's end), and the
 * oldest go first beyond `maxEntries`. While the change feed is not
 * listening, nothing is served from the cache or stored in it.
 */
export class VersionedCache<K, V> {
  readonly #entries = new Map<K, { value: V; generation: number; expiresAt: number; weight: number }>();
  #weight = 0;

  /** `weigh` and `maxWeight` bound what the entries hold (bytes, say) besides their number. */
  constructor(
    private readonly feed: ChangeFeed,
    private readonly scope: CacheScope,
    private readonly options: { ttlMs: number; maxEntries: number; weigh?: (value: V) => number; maxWeight?: number },
  ) {}

  get(key: K, now = Date.now()): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (!this.feed.ready || entry.generation !== this.feed.generation(this.scope) || entry.expiresAt <= now) {
      this.#delete(key);
      return undefined;
    }
    return entry.value;
  }

  /**
   * The cached value, or the loader's (stored when still current). The loader may give an earlier
   * end than the TTL (`until`, ms since the epoch); `cache: false` keeps a value out (a refusal).
   */
  async getOrLoad(key: K, load: () => Promise<{ value: V; until?: number; cache?: boolean }>): Promise<V> {
    const cached = this.get(key);
    if (cached !== undefined) return cached;
    const generation = this.feed.generation(this.scope);
    const wasReady = this.feed.ready;
    const { value, until, cache = true } = await load();
    const now = Date.now();
    const expiresAt = Math.min(now + this.options.ttlMs, until ?? Number.POSITIVE_INFINITY);
    const weight = this.options.weigh?.(value) ?? 0;
    const fits = weight <= (this.options.maxWeight ?? Number.POSITIVE_INFINITY);
    if (cache && fits && wasReady && this.feed.ready && this.feed.generation(this.scope) === generation && expiresAt > now) {
      this.#delete(key);
      this.#entries.set(key, { value, generation, expiresAt, weight });
      this.#weight += weight;
      // The oldest entries go first.
      while (this.#entries.size > this.options.maxEntries || this.#weight > (this.options.maxWeight ?? Number.POSITIVE_INFINITY)) {
        this.#delete(this.#entries.keys().next().value as K);
      }
    }
    return value;
  }

  #delete(key: K): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#weight -= entry.weight;
    this.#entries.delete(key);
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The total weight held (0 without `weigh`). */
  get weight(): number {
    return this.#weight;
  }
}
