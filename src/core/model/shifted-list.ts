/**
 * A persistent list of items that carry text offsets and positions (blocks, sections), made so that an edit
 * costs what it touches rather than the length of the list. The items after an edit are not copied with
 * their new offsets: the list keeps runs of an earlier version's items with the offset and position delta
 * to add, and builds a moved item only when someone reads it. Runs the edit does not reach are shared
 * with the earlier version, so their items keep their identity.
 */

/** The item `delta` characters and `indexDelta` positions further on. */
export type Mover<T> = (item: T, delta: number, indexDelta: number) => T;

/** How many items a run holds when a list is cut from an array. */
const RUN_LENGTH = 1024;

/** `source[from, to)`, each item moved by `shift` characters and `indexShift` positions. */
interface Run<T> {
  readonly source: readonly T[];
  readonly from: number;
  readonly to: number;
  readonly shift: number;
  readonly indexShift: number;
  /** The moved items built so far, by source position; shared by the runs that move a source alike. */
  readonly moved: T[];
}

export class ShiftedList<T> {
  /** Where each run starts in the list. */
  readonly #starts: number[];

  private constructor(
    readonly runs: readonly Run<T>[],
    readonly length: number,
    readonly mover: Mover<T>,
  ) {
    const starts: number[] = [];
    let at = 0;
    for (const run of runs) {
      starts.push(at);
      at += run.to - run.from;
    }
    this.#starts = starts;
  }

  static of<T>(items: readonly T[], mover: Mover<T>): ShiftedList<T> {
    const runs: Run<T>[] = [];
    for (let from = 0; from < items.length; from += RUN_LENGTH) {
      runs.push({
        source: items,
        from,
        to: Math.min(items.length, from + RUN_LENGTH),
        shift: 0,
        indexShift: 0,
        moved: [],
      });
    }
    return new ShiftedList(runs, items.length, mover);
  }

  /** The run holding position `index` (the last run whose start is at or before it). */
  #runAt(index: number): number {
    const starts = this.#starts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] <= index) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  #item(run: Run<T>, sourceIndex: number): T {
    const item = run.source[sourceIndex];
    if (run.shift === 0 && run.indexShift === 0) return item;
    let moved = run.moved[sourceIndex];
    if (moved === undefined) {
      moved = this.mover(item, run.shift, run.indexShift);
      run.moved[sourceIndex] = moved;
    }
    return moved;
  }

  at(index: number): T | undefined {
    if (index < 0 || index >= this.length) return undefined;
    const r = this.#runAt(index);
    const run = this.runs[r];
    return this.#item(run, run.from + index - this.#starts[r]);
  }

  /** Every item, in order. */
  toArray(): T[] {
    const items: T[] = new Array(this.length);
    let at = 0;
    for (const run of this.runs) {
      for (let i = run.from; i < run.to; i++) items[at++] = this.#item(run, i);
    }
    return items;
  }

  /**
   * The first position before `to` whose item passes `test`, or -1. The test sees the items as the list's
   * first version holds them, before any move: it must judge what moving leaves alone (a kind, a value).
   */
  findIndex(test: (unmoved: T) => boolean, to = this.length): number {
    for (let r = 0; r < this.runs.length && this.#starts[r] < to; r++) {
      const run = this.runs[r];
      const end = Math.min(run.to, run.from + to - this.#starts[r]);
      for (let i = run.from; i < end; i++) {
        if (test(run.source[i])) return this.#starts[r] + i - run.from;
      }
    }
    return -1;
  }

  /** Each item as the list's first version holds it, before any move (see `findIndex`). */
  forEachUnmoved(visit: (unmoved: T) => void): void {
    for (const run of this.runs) {
      for (let i = run.from; i < run.to; i++) visit(run.source[i]);
    }
  }

  /** The last position whose item passes `test`, or -1; the test sees the items unmoved, as in `findIndex`. */
  findLastIndex(test: (unmoved: T) => boolean): number {
    for (let r = this.runs.length - 1; r >= 0; r--) {
      const run = this.runs[r];
      for (let i = run.to - 1; i >= run.from; i--) {
        if (test(run.source[i])) return this.#starts[r] + i - run.from;
      }
    }
    return -1;
  }

  /**
   * The first position whose item is not before `offset` as `before` judges it (the items must be in
   * order for it): a binary search reading O(log n) items.
   */
  findFirst(isBefore: (item: T) => boolean): number {
    let low = 0;
    let high = this.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (isBefore(this.at(middle) as T)) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /**
   * Items `[first, first + removed)` replaced by `inserted` (already in their place), and the items after
   * them moved `delta` characters on and as many positions as the count changed by.
   */
  splice(first: number, removed: number, inserted: readonly T[], delta: number): ShiftedList<T> {
    const indexDelta = inserted.length - removed;
    const end = first + removed;
    const before: Run<T>[] = [];
    const after: Run<T>[] = [];
    for (let r = 0; r < this.runs.length; r++) {
      const run = this.runs[r];
      const runStart = this.#starts[r];
      const runEnd = runStart + run.to - run.from;
      if (runStart < first) {
        // Same source, same shift: the part keeps the items already moved, so they keep their identity.
        before.push(runEnd <= first ? run : { ...run, to: run.from + first - runStart });
      }
      if (runEnd > end) {
        const from = run.from + Math.max(0, end - runStart);
        if (delta === 0 && indexDelta === 0) after.push(from === run.from ? run : { ...run, from });
        else {
          after.push({
            source: run.source,
            from,
            to: run.to,
            shift: run.shift + delta,
            indexShift: run.indexShift + indexDelta,
            moved: [],
          });
        }
      }
    }
    if (inserted.length > 0) {
      before.push({ source: inserted, from: 0, to: inserted.length, shift: 0, indexShift: 0, moved: [] });
    }
    const runs = before.concat(after);
    const length = this.length + indexDelta;
    // Each edit adds at most two runs; once they far outnumber a fresh cut's, cut afresh.
    if (runs.length > 2 * Math.ceil(length / RUN_LENGTH) + 16) {
      return ShiftedList.of(new ShiftedList(runs, length, this.mover).toArray(), this.mover);
    }
    return new ShiftedList(runs, length, this.mover);
  }
}

/** The list behind each array that `arrayView` made, and the list cut from each plain array so far. */
// biome-ignore lint/suspicious/noExplicitAny: each list's item type is its array's, which a WeakMap cannot say.
const lists = new WeakMap<readonly unknown[], ShiftedList<any>>();

function arrayIndex(key: string): number {
  const first = key.charCodeAt(0);
  if (first < 48 || first > 57) return -1;
  const index = Number(key);
  return Number.isInteger(index) && String(index) === key ? index : -1;
}

/**
 * The list as a read-only array, for the callers that read `doc.blocks[i]`, its length, iterate it or call
 * array methods on it. An index reads one item; anything else builds the whole array once and works on it.
 */
export function arrayView<T>(list: ShiftedList<T>): T[] {
  let whole: T[] | undefined;
  const all = (): T[] => {
    // Frozen: the array methods run on it, and a document never changes.
    whole ??= Object.freeze(list.toArray()) as T[];
    return whole;
  };
  const view = new Proxy<T[]>([], {
    get(_target, key) {
      if (typeof key === 'string') {
        if (key === 'length') return list.length;
        const index = arrayIndex(key);
        if (index !== -1) return whole ? whole[index] : list.at(index);
      }
      const array = all();
      const value = Reflect.get(array, key);
      return typeof value === 'function' ? value.bind(array) : value;
    },
    has: (_target, key) => Reflect.has(all(), key),
    ownKeys: () => Reflect.ownKeys(all()),
    getOwnPropertyDescriptor(_target, key) {
      const descriptor = Reflect.getOwnPropertyDescriptor(all(), key);
      // A proxy may not call a property fixed that its (empty, open) target does not hold as fixed.
      if (!descriptor) return descriptor;
      return key === 'length' ? { ...descriptor, writable: true } : { ...descriptor, configurable: true };
    },
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  });
  lists.set(view, list);
  return view;
}

/** The list an array stands for: the one behind a view, else one cut from the array (kept for the next edit). */
export function listOf<T>(array: readonly T[], mover: Mover<T>): ShiftedList<T> {
  let list = lists.get(array) as ShiftedList<T> | undefined;
  if (!list) {
    list = ShiftedList.of(array, mover);
    lists.set(array, list);
  }
  return list;
}
