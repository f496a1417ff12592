import { describe, expect, it } from 'vitest';
import type { DocumentSnapshot, RestoredState } from '../document-store';
import { EMERGENCY_COPY_KEY, FORMAT_VERSION } from './draft-format';
import {
  copiedDocument,
  type LocalStore,
  readEmergencyCopy,
  weighCopy,
  writeEmergencyCopy,
} from './emergency-copy';

/** A localStorage that holds at most `quota` characters of values, as a browser's does. */
function limitedStorage(quota = Number.POSITIVE_INFINITY): LocalStore & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem(key, value) {
      const others = [...items].filter(([k]) => k !== key).reduce((n, [, v]) => n + v.length, 0);
      if (others + value.length > quota) throw new DOMException('full', 'QuotaExceededError');
      items.set(key, value);
    },
    removeItem: (key) => void items.delete(key),
  };
}

const imported = {
  name: 'ossec.conf',
  text: '<ossec_config>\r\n</ossec_config>\r\n',
  encoding: 'latin1' as const,
};

function snap(text: string, fields: Partial<DocumentSnapshot> = {}): DocumentSnapshot {
  return { text, encoding: 'latin1', snippet: false, original: imported, documentId: 'doc', ...fields };
}

function state(present: DocumentSnapshot, past: DocumentSnapshot[] = [], future: DocumentSnapshot[] = []) {
  return { present, past, future, target: 'wazuh@4.14', role: 'auto' } satisfies RestoredState;
}

const T0 = '2026-03-01T10:00:00.000Z';
const T1 = '2026-03-01T10:00:01.000Z';
const noneStored = () => undefined;

function copyOf(storage: LocalStore) {
  const found = readEmergencyCopy(storage);
  if (found?.kind !== 'copy') throw new Error(`no copy: ${JSON.stringify(found)}`);
  return found.copy;
}

describe('writing the emergency copy', () => {
  it('keeps the present state: text, encoding, snippet flag, selection, label, target, role, document id', () => {
    const storage = limitedStorage();
    const present = snap('<command/>\r\n', {
      snippet: true,
      selected: 2,
      label: 'Edited the XML',
      original: null,
    });
    expect(
      writeEmergencyCopy(
        storage,
        { ...state(present), target: 'ossec@3.7', role: 'agent' },
        { savedAt: T1, storedOriginal: noneStored, keepEarlier: false },
      ),
    ).toEqual({ ok: true });
    const copy = copyOf(storage);
    expect(copy).toEqual({
      version: FORMAT_VERSION,
      savedAt: T1,
      target: 'ossec@3.7',
      role: 'agent',
      documentId: 'doc',
      text: '<command/>\r\n',
      encoding: 'latin1',
      snippet: true,
      original: null,
      selected: 2,
      label: 'Edited the XML',
    });
    expect(copiedDocument(copy, () => null)).toEqual({ snapshot: present, originalLost: false });
  });

  it('holds no history, and the imported file only once: by reference when stored, not at all when unedited', () => {
    const storage = limitedStorage();
    const history = Array.from({ length: 50 }, (_, i) => snap(`<command>${i}</command>`));
    const write = (present: DocumentSnapshot, storedOriginal: (o: unknown) => number | undefined) => {
      writeEmergencyCopy(storage, state(present, history), {
        savedAt: T1,
        storedOriginal,
        keepEarlier: false,
      });
      return copyOf(storage);
    };

    const unedited = write(snap(imported.text), noneStored);
    expect(unedited.original).toEqual({ name: 'ossec.conf', encoding: 'latin1', sameAsText: true });
    expect(storage.items.get(EMERGENCY_COPY_KEY)?.length).toBeLessThan(400);
    expect(copiedDocument(unedited, () => null).snapshot.original).toEqual(imported);

    const referred = write(snap('<ossec_config/>'), (o) => (o === imported ? 7 : undefined));
    expect(referred.original).toEqual({ stored: 7 });
    expect(copiedDocument(referred, (id) => (id === 7 ? imported : null)).snapshot.original).toBe(imported);
    expect(copiedDocument(referred, () => null)).toMatchObject({
      snapshot: { original: null },
      originalLost: true,
    });

    const inline = write(snap('<ossec_config/>'), noneStored);
    expect(inline.original).toEqual(imported);
  });

  it('never throws when the copy does not fit: it says why, and leaves a note for the next load', () => {
    const storage = limitedStorage(10_000);
    const big = snap('x'.repeat(20_000), { original: null });
    const written = writeEmergencyCopy(storage, state(big), {
      savedAt: T1,
      storedOriginal: noneStored,
      keepEarlier: false,
    });
    if (written.ok) throw new Error('a copy larger than the quota was written');
    expect(written.reason).toMatch(/larger than the browser lets/);
    expect(written.size).toBeGreaterThan(20_000);
    expect(readEmergencyCopy(storage)).toEqual({
      kind: 'missed',
      missed: {
        version: FORMAT_VERSION,
        savedAt: T1,
        missed: { documentId: 'doc', size: expect.any(Number), reason: expect.any(String) },
      },
    });
  });

  it('keeps an earlier copy rather than putting the note over it', () => {
    const storage = limitedStorage(10_000);
    const options = { savedAt: T0, storedOriginal: noneStored, keepEarlier: false };
    writeEmergencyCopy(storage, state(snap('<command/>')), options);
    const earlier = storage.items.get(EMERGENCY_COPY_KEY);
    const big = state(snap('x'.repeat(20_000)));
    expect(writeEmergencyCopy(storage, big, { ...options, savedAt: T1, keepEarlier: true }).ok).toBe(false);
    expect(storage.items.get(EMERGENCY_COPY_KEY)).toBe(earlier);
  });

  it('says so, without throwing, when storage refuses even to be read', () => {
    const refusing: LocalStore = {
      getItem() {
        throw new DOMException('blocked', 'SecurityError');
      },
      setItem() {
        throw new DOMException('blocked', 'SecurityError');
      },
      removeItem() {},
    };
    expect(
      writeEmergencyCopy(refusing, state(snap('a')), {
        savedAt: T1,
        storedOriginal: noneStored,
        keepEarlier: false,
      }),
    ).toMatchObject({ ok: false, reason: expect.stringMatching(/does not let this page store data/) });
    expect(readEmergencyCopy(refusing)).toEqual({
      kind: 'unavailable',
      reason: expect.stringMatching(/does not let this page store data/),
    });
  });
});

describe('reading the emergency copy', () => {
  it('finds nothing when there is none', () => {
    expect(readEmergencyCopy(limitedStorage())).toBeNull();
  });

  it('reports a damaged copy, a copy of another version, and one with a field it does not know', () => {
    const storage = limitedStorage();
    storage.setItem(EMERGENCY_COPY_KEY, '{"version":2,"text":"<command>lots of');
    expect(readEmergencyCopy(storage)).toEqual({
      kind: 'unreadable',
      reason: 'it is not valid JSON (damaged)',
      stored: '{"version":2,"text":"<command>lots of',
    });
    storage.setItem(EMERGENCY_COPY_KEY, JSON.stringify({ version: FORMAT_VERSION + 1, text: 'x' }));
    expect(readEmergencyCopy(storage)).toMatchObject({
      kind: 'unreadable',
      reason: expect.stringMatching(/newer version of AR Studio/),
    });
    writeEmergencyCopy(storage, state(snap('a')), {
      savedAt: T1,
      storedOriginal: noneStored,
      keepEarlier: false,
    });
    const raw = JSON.parse(storage.items.get(EMERGENCY_COPY_KEY) as string);
    storage.setItem(EMERGENCY_COPY_KEY, JSON.stringify({ ...raw, pinned: true }));
    expect(readEmergencyCopy(storage)).toMatchObject({ kind: 'copy', unknownFields: ['pinned'], copy: raw });
    storage.setItem(EMERGENCY_COPY_KEY, JSON.stringify({ ...raw, text: 42 }));
    expect(readEmergencyCopy(storage)).toMatchObject({
      kind: 'unreadable',
      reason: expect.stringMatching(/"text"/),
    });
  });
});

describe('weighing the emergency copy against the stored draft', () => {
  const a = snap('a');
  const b = snap('ab');
  const c = snap('abc');
  const copy = (snapshot: DocumentSnapshot, savedAt = T1) => ({
    snapshot,
    savedAt,
    target: 'ossec@3.7',
    role: 'manager' as const,
  });

  it('takes a newer copy as one step after the stored present, so undo goes back through what was stored', () => {
    const outcome = weighCopy({ state: state(b, [a]), savedAt: T0 }, copy({ ...c, label: 'Typed' }));
    expect(outcome).toEqual({
      use: 'copy',
      state: {
        present: { ...c, label: 'Typed' },
        past: [a, b],
        future: [],
        target: 'ossec@3.7',
        role: 'manager',
      },
      replaced: null,
    });
  });

  it('takes a copy with nothing stored as it is', () => {
    expect(weighCopy(null, copy(c))).toMatchObject({
      use: 'copy',
      state: { present: c, past: [], future: [] },
    });
  });

  it('moves through the stored history when the copy is an undo or a redo of it', () => {
    const undone = weighCopy({ state: state(c, [a, b]), savedAt: T0 }, copy({ ...snap('ab'), selected: 1 }));
    expect(undone).toMatchObject({
      use: 'copy',
      state: { present: { ...b, selected: 1 }, past: [a], future: [c] },
    });
    const redone = weighCopy({ state: state(a, [], [b, c]), savedAt: T0 }, copy(snap('ab')));
    expect(redone).toMatchObject({ use: 'copy', state: { present: b, past: [a], future: [c] } });
  });

  it('keeps the stored document for Recent when the copy is another document (an import)', () => {
    const opened = snap(imported.text, { documentId: 'opened' });
    expect(weighCopy({ state: state(b, [a]), savedAt: T0 }, copy(opened))).toMatchObject({
      use: 'copy',
      state: { present: opened, past: [a, b] },
      replaced: b,
    });
  });

  it('prefers a newer stored draft, and keeps the copy only when the draft does not hold it', () => {
    expect(weighCopy({ state: state(c, [a, b]), savedAt: T1 }, copy(snap('ab'), T0))).toEqual({
      use: 'draft',
      keep: null,
    });
    const other = snap('only in the copy');
    expect(weighCopy({ state: state(c, [a, b]), savedAt: T1 }, copy(other, T0))).toEqual({
      use: 'draft',
      keep: other,
    });
  });
});
