import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arrayView, listOf, type Mover, ShiftedList } from './shifted-list';

interface Item {
  id: number;
  at: number;
  index: number;
}

const mover: Mover<Item> = (item, delta, indexDelta) => ({
  ...item,
  at: item.at + delta,
  index: item.index + indexDelta,
});

const items = (count: number): Item[] =>
  Array.from({ length: count }, (_, i) => ({ id: i, at: i * 10, index: i }));

/** What a splice means, on a plain array. */
function spliced(array: Item[], first: number, removed: number, inserted: Item[], delta: number): Item[] {
  const indexDelta = inserted.length - removed;
  return [
    ...array.slice(0, first),
    ...inserted,
    ...array.slice(first + removed).map((item) => mover(item, delta, indexDelta)),
  ];
}

const spliceArbitrary = fc.record({
  first: fc.nat(),
  removed: fc.nat({ max: 300 }),
  inserted: fc.nat({ max: 300 }),
  delta: fc.integer({ min: -50, max: 50 }),
});

describe('ShiftedList', () => {
  it('holds after any splices what the same splices of an array hold', () => {
    fc.assert(
      fc.property(fc.nat({ max: 2000 }), fc.array(spliceArbitrary, { maxLength: 30 }), (count, splices) => {
        let expected = items(count);
        let list = ShiftedList.of(expected, mover);
        for (const { first, removed, inserted, delta } of splices) {
          const at = first % (expected.length + 1);
          const cut = Math.min(removed, expected.length - at);
          const added = items(inserted).map((item) => ({
            ...item,
            id: -1 - item.id,
            index: at + item.index,
          }));
          expected = spliced(expected, at, cut, added, delta);
          list = list.splice(at, cut, added, delta);
          expect(list.length).toBe(expected.length);
        }
        expect(list.toArray()).toEqual(expected);
        // Searches judge what moving leaves alone, here the id.
        const odd = (item: Item) => item.id % 7 === 3;
        expect(list.findIndex(odd)).toBe(expected.findIndex(odd));
        expect(list.findIndex(odd, expected.length >> 1)).toBe(
          expected.slice(0, expected.length >> 1).findIndex(odd),
        );
        expect(list.findLastIndex(odd)).toBe(expected.findLastIndex(odd));
        for (let i = 0; i < expected.length; i += 97) expect(list.at(i)).toEqual(expected[i]);
      }),
      { numRuns: 200 },
    );
  });

  it('moves no item at a splice, and only the items read afterwards, each once', () => {
    let moves = 0;
    const counting: Mover<Item> = (item, delta, indexDelta) => {
      moves++;
      return mover(item, delta, indexDelta);
    };
    const list = ShiftedList.of(items(100_000), counting).splice(10, 1, [{ id: -1, at: 100, index: 10 }], 3);
    expect(moves).toBe(0);
    const read = list.at(50_000);
    expect(read).toEqual({ id: 50_000, at: 500_003, index: 50_000 });
    expect(list.at(50_000)).toBe(read);
    expect(moves).toBe(1);
    // Before the splice, the items are the array's own.
    expect(list.at(5)).toBe(list.at(5));
    expect(moves).toBe(1);
  });

  it('finds the first item not before a place in O(log n) reads', () => {
    let moves = 0;
    const counting: Mover<Item> = (item, delta, indexDelta) => {
      moves++;
      return mover(item, delta, indexDelta);
    };
    const list = ShiftedList.of(items(100_000), counting).splice(0, 0, [], 1);
    expect(list.findFirst((item) => item.at < 700_001)).toBe(70_000);
    expect(moves).toBeLessThanOrEqual(18);
  });
});

describe('arrayView', () => {
  it('reads like the array it stands for, and cannot be changed', () => {
    const list = ShiftedList.of(items(600), mover).splice(300, 2, [], 5);
    const view = arrayView(list);
    const array = list.toArray();
    expect(Array.isArray(view)).toBe(true);
    expect(view.length).toBe(598);
    expect(view[400]).toEqual(array[400]);
    expect(view[598]).toBeUndefined();
    expect([...view]).toEqual(array);
    expect(view.map((item) => item.id)).toEqual(array.map((item) => item.id));
    expect(view.findIndex((item) => item.id === 302)).toBe(300);
    expect(JSON.parse(JSON.stringify(view))).toEqual(array);
    expect(view).toEqual(array);
    expect(() => {
      (view as Item[]).push(array[0]);
    }).toThrow(TypeError);
    expect(listOf(view, mover)).toBe(list);
  });
});
