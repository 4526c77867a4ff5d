import { type EntityKind, type EntityRecord, entityFields } from './entityFields.js';
import {
  type ListingLookup,
  type SubgraphWhere,
  changeBlockFloor,
  compareValues,
  compileWhere,
  fieldConditions,
} from './whereFilter.js';

/** Arguments of a collection query, already validated by the caller. */
export interface SelectArgs {
  where?: SubgraphWhere;
  /** A published scalar field; `id` when absent (The Graph's default order). */
  orderBy?: string;
  orderDirection?: 'asc' | 'desc';
  first?: number;
  skip?: number;
}

/** A secondary index: the value a record is filed under (immutable fields only). */
export type IndexKey<E> = (record: E) => string;

/**
 * One collection of the stand-in. Records are appended in id order (ids are zero-padded, so
 * insertion order, string order and age agree), which keeps every list below sorted by id for
 * free: the full list, each index bucket, and the change log ordered by block.
 */
export class EntityTable<E extends EntityRecord> {
  readonly kind: EntityKind;
  private readonly rows: E[] = [];
  private readonly byId = new Map<string, E>();
  private readonly indexes = new Map<string, { key: IndexKey<E>; buckets: Map<string, E[]> }>();
  /** Every insert and change, in block order: `_change_block` reads the tail of it. */
  private readonly changes: Array<{ block: number; record: E }> = [];
  /** Candidate lists of recent queries (a pager asks the same filter page after page). */
  private readonly cache = new Map<string, E[]>();
  private cachedAt = -1;
  private version = 0;

  constructor(kind: EntityKind, indexes: Record<string, IndexKey<E>>) {
    this.kind = kind;
    for (const [name, key] of Object.entries(indexes)) this.indexes.set(name, { key, buckets: new Map() });
  }

  /** How many records the table holds. */
  get size(): number {
    return this.rows.length;
  }

  /** The record with this id. */
  get(id: string): E | undefined {
    return this.byId.get(id);
  }

  /** Every record, in id order (do not mutate). */
  all(): readonly E[] {
    return this.rows;
  }

  /** Adds a record; its id must sort after every id already stored. */
  insert(record: E): void {
    const last = this.rows[this.rows.length - 1];
    if (last && !(record.id > last.id))
      throw new RangeError(`Id ${record.id} does not sort after ${last.id}`);
    if (this.changes.length > 0 && record.changeBlock < this.changes[this.changes.length - 1]!.block) {
      throw new RangeError(`Block ${record.changeBlock} is older than the last change`);
    }
    this.rows.push(record);
    this.byId.set(record.id, record);
    for (const { key, buckets } of this.indexes.values()) {
      const value = key(record);
      const bucket = buckets.get(value);
      if (bucket) bucket.push(record);
      else buckets.set(value, [record]);
    }
    this.changes.push({ block: record.changeBlock, record });
    this.version++;
  }

  /** Records that `record` changed at `block` (call after mutating it). */
  touch(record: E, block: number): void {
    record.changeBlock = block;
    this.changes.push({ block, record });
    this.version++;
  }

  /** Runs a collection query. */
  select(args: SelectArgs, lookupListing: ListingLookup): E[] {
    const where = args.where ?? {};
    const matches = compileWhere(this.kind, where, lookupListing);
    const list = this.candidates(where);
    let [lo, hi] = this.idBounds(list, where);
    const first = args.first ?? 100;
    let skip = args.skip ?? 0;
    const descending = args.orderDirection === 'desc';
    const orderBy = args.orderBy ?? 'id';
    const out: E[] = [];

    if (orderBy === 'id') {
      // Already in id order: walk from the right end and stop as soon as the page is full.
      while (lo < hi && out.length < first) {
        const record = descending ? list[--hi]! : list[lo++]!;
        if (!matches(record)) continue;
        if (skip > 0) skip--;
        else out.push(record);
      }
      return out;
    }

    const spec = entityFields[this.kind][orderBy];
    if (!spec) throw new RangeError(`Cannot order ${this.kind} by ${orderBy}`);
    // graph-node stores enums as Postgres enum types, which sort in declaration order.
    const rank = spec.enumValues ? (value: unknown) => spec.enumValues!.indexOf(value as string) : undefined;
    const key = rank
      ? (record: E) => rank(fieldOf(record, orderBy))
      : (record: E) => fieldOf(record, orderBy);
    const all: E[] = [];
    for (let i = lo; i < hi; i++) if (matches(list[i]!)) all.push(list[i]!);
    // Ties break on id in the same direction, as graph-node's `ORDER BY field dir, id dir`.
    const sign = descending ? -1 : 1;
    all.sort((a, b) => {
      const byField = compareValues(key(a), key(b));
      return sign * (byField !== 0 ? byField : a.id < b.id ? -1 : 1);
    });
    return all.slice(skip, skip + first);
  }

  /**
   * The smallest id-sorted list that surely holds every match: an index bucket (or the union of
   * a few) for `field` / `field_in` on an indexed field, the tail of the change log for
   * `_change_block`, or everything.
   */
  private candidates(where: SubgraphWhere): readonly E[] {
    if (this.cachedAt !== this.version) {
      this.cache.clear();
      this.cachedAt = this.version;
    }
    let best: { size: number; build: () => E[]; cacheKey: string } | undefined;
    const offer = (size: number, cacheKey: string, build: () => E[]) => {
      if (!best || size < best.size) best = { size, build, cacheKey };
    };

    const indexed = fieldConditions(this.kind, where).filter(
      ({ field, op }) => this.indexes.has(field) && (op === 'eq' || op === 'in'),
    );
    for (const { field, op, value } of indexed) {
      this.offerIndex(field, op === 'eq' ? [String(value)] : (value as unknown[]).map(String), offer);
    }
    const nested = where.listing_ as SubgraphWhere | undefined | null;
    if (nested && this.indexes.has('listingSeller')) {
      for (const { field, op, value } of fieldConditions('listings', nested)) {
        if (field !== 'seller' || (op !== 'eq' && op !== 'in')) continue;
        this.offerIndex(
          'listingSeller',
          op === 'eq' ? [String(value)] : (value as unknown[]).map(String),
          offer,
        );
      }
    }
    const floor = changeBlockFloor(where);
    if (floor !== undefined) {
      const from = lowerBound(this.changes.length, (i) => this.changes[i]!.block >= floor);
      offer(this.changes.length - from, `c:${floor}`, () => {
        const seen = new Set<E>();
        for (let i = from; i < this.changes.length; i++) seen.add(this.changes[i]!.record);
        return [...seen].sort((a, b) => (a.id < b.id ? -1 : 1));
      });
    }

    // A candidate list that is not much smaller than the table is not worth building.
    const chosen = best as { size: number; build: () => E[]; cacheKey: string } | undefined;
    if (!chosen || chosen.size * 2 > this.rows.length) return this.rows;
    const cached = this.cache.get(chosen.cacheKey);
    if (cached) return cached;
    const built = chosen.build();
    if (this.cache.size > 256) this.cache.clear();
    this.cache.set(chosen.cacheKey, built);
    return built;
  }

  private offerIndex(
    name: string,
    values: string[],
    offer: (size: number, cacheKey: string, build: () => E[]) => void,
  ): void {
    const buckets = this.indexes.get(name)!.buckets;
    const lists = [...new Set(values)].map((value) => buckets.get(value) ?? []).filter((list) => list.length);
    const size = lists.reduce((sum, list) => sum + list.length, 0);
    offer(size, `i:${name}:${[...new Set(values)].sort().join(',')}`, () =>
      lists.length === 1 ? lists[0]! : lists.flat().sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
  }

  /** Narrows an id-sorted list to the `id_gt` / `id_gte` / `id_lt` / `id_lte` range by bisection. */
  private idBounds(list: readonly E[], where: SubgraphWhere): [number, number] {
    let lo = 0;
    let hi = list.length;
    for (const { field, op, value } of fieldConditions(this.kind, where)) {
      if (field !== 'id') continue;
      const id = value as string;
      if (op === 'gt')
        lo = Math.max(
          lo,
          lowerBound(list.length, (i) => list[i]!.id > id),
        );
      if (op === 'gte')
        lo = Math.max(
          lo,
          lowerBound(list.length, (i) => list[i]!.id >= id),
        );
      if (op === 'lt')
        hi = Math.min(
          hi,
          lowerBound(list.length, (i) => list[i]!.id >= id),
        );
      if (op === 'lte')
        hi = Math.min(
          hi,
          lowerBound(list.length, (i) => list[i]!.id > id),
        );
    }
    return [lo, hi];
  }
}

/** The first index in [0, length) where `test` holds, for a `test` that is false then true. */
function lowerBound(length: number, test: (index: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (test(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function fieldOf(record: EntityRecord, field: string): unknown {
  return (record as unknown as Record<string, unknown>)[field];
}
