import { describe, expect, it } from 'vitest';
import type { DocumentSnapshot, RestoredState } from '../document-store';
import { emptyLayout, KEYS } from './draft-format';
import { planSave } from './save-plan';

const big = '<localfile>\n  <location>/var/log/x</location>\n</localfile>\n'.repeat(40_000);
const original = { name: 'ossec.conf', text: big, encoding: 'utf-8' as const };
const snap = (text: string): DocumentSnapshot => ({
  text,
  encoding: 'utf-8',
  snippet: false,
  original,
  documentId: 'd',
});

function state(
  present: DocumentSnapshot,
  past: DocumentSnapshot[],
  future: DocumentSnapshot[] = [],
): RestoredState {
  return { present, past, future, target: 'wazuh@4.14', role: 'auto' };
}

const size = (puts: Array<[string, unknown]>) => JSON.stringify(puts).length;

describe('save plan', () => {
  it('writes a keystroke in a 2 MB draft as the present, one small delta and the draft record', () => {
    let id = 0;
    const nextId = () => id++;
    const s0 = snap(big);
    const first = planSave(state(s0, []), emptyLayout(), nextId, 't0');
    expect(first.puts.map(([k]) => k).sort()).toEqual([KEYS.draft, KEYS.original(1), KEYS.snapshot(0)]);

    const s1 = snap(`${big}<!-- 1 -->`);
    const second = planSave(state(s1, [s0]), first.layout, nextId, 't1');
    expect(second.puts.map(([k]) => k).sort()).toEqual([KEYS.draft, KEYS.snapshot(0), KEYS.snapshot(2)]);
    expect(second.deletes).toEqual([]);
    // The previous present is now a delta: the history costs bytes, not megabytes.
    const previous = second.puts.find(([k]) => k === KEYS.snapshot(0))?.[1];
    expect(previous).toMatchObject({ base: 2, insert: '' });
    expect(size(second.puts)).toBeLessThan(big.length * 1.1);

    const s2 = snap(`${big}<!-- 12 -->`);
    const third = planSave(state(s2, [s0, s1]), second.layout, nextId, 't2');
    expect(third.puts.map(([k]) => k).sort()).toEqual([KEYS.draft, KEYS.snapshot(2), KEYS.snapshot(3)]);
  });

  it('restates the neighbours after an undo and deletes the steps the history no longer holds', () => {
    let id = 0;
    const nextId = () => id++;
    const [a, b, c] = [snap('a'), snap('ab'), snap('abc')];
    const before = planSave(state(c, [a, b]), emptyLayout(), nextId, 't0');
    const ids = before.layout.bases;
    expect([...ids.values()].filter((base) => base === null)).toHaveLength(1);

    // Undo: b becomes the present (in full), c a redo step stored against it.
    const undone = planSave(state(b, [a], [c]), before.layout, nextId, 't1');
    const byKey = new Map(undone.puts);
    const idB = before.layout.snapshotIds.get(b) as number;
    const idC = before.layout.snapshotIds.get(c) as number;
    expect(byKey.get(KEYS.snapshot(idB))).toMatchObject({ text: 'ab' });
    expect(byKey.get(KEYS.snapshot(idC))).toMatchObject({ base: idB, insert: 'c' });
    expect(byKey.has(KEYS.snapshot(before.layout.snapshotIds.get(a) as number))).toBe(false);

    // A new edit drops the redo step and, past the history's bound, the oldest one.
    const d = snap('abd');
    const edited = planSave(state(d, [b]), undone.layout, nextId, 't2');
    expect(edited.deletes.sort()).toEqual(
      [KEYS.snapshot(before.layout.snapshotIds.get(a) as number), KEYS.snapshot(idC)].sort(),
    );
  });

  it('deletes an original once no step refers to it', () => {
    let id = 0;
    const nextId = () => id++;
    const first = planSave(state(snap('x'), []), emptyLayout(), nextId, 't0');
    const fresh = { text: '', encoding: 'utf-8' as const, snippet: false, original: null, documentId: 'e' };
    const next = planSave(state(fresh, []), first.layout, nextId, 't1');
    expect(next.deletes).toContain(KEYS.original(1));
  });

  it('writes only the draft record when the selection changes', () => {
    let id = 0;
    const nextId = () => id++;
    const a = snap(big);
    const first = planSave(state(a, []), emptyLayout(), nextId, 't0');
    const selected = { ...a, selected: 3 };
    const next = planSave(state(selected, []), first.layout, nextId, 't1');
    expect(next.puts.map(([k]) => k)).toEqual([KEYS.draft]);
    expect(next.puts[0][1]).toMatchObject({ present: { id: 0, selected: 3 } });
    expect(next.deletes).toEqual([]);
  });
});
