import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readDocument } from '../../core';
import { type DraftDb, openDraftDb } from './draft-db';
import { EMERGENCY_COPY_KEY, KEYS, LEGACY_DRAFT_KEY, RECENT_LIMIT } from './draft-format';
import { type DraftSession, openDrafts, SAVE_MAX_WAIT_MS } from './draft-session';
import type { LocalStore } from './emergency-copy';
import type { TabChange, TabLock, TabRole } from './tab-lock';

/** A tab lock driven by the test: which role this tab has, and the other tab's saves. */
function testTab(initial: TabRole = 'editing') {
  let role = initial;
  const changes = new Set<(role: TabRole, why: TabChange) => void>();
  const saved = new Set<() => void>();
  const tab: TabLock & { become(role: TabRole, why: TabChange): void; savedElsewhere(): void } = {
    coordinated: true,
    role: () => role,
    onChange: (l) => {
      changes.add(l);
      return () => changes.delete(l);
    },
    onSavedElsewhere: (l) => {
      saved.add(l);
      return () => saved.delete(l);
    },
    setFlush: () => {},
    announceSaved: () => {},
    takeOver: async () => tab.become('editing', 'took'),
    close: () => {},
    become(next, why) {
      role = next;
      for (const l of changes) l(next, why);
    },
    savedElsewhere() {
      for (const l of saved) l();
    },
  };
  return tab;
}

const sessions: DraftSession[] = [];
async function open(options: { db?: DraftDb | null; tab?: TabLock; local?: LocalStore } = {}) {
  const session = await openDrafts({
    db: options.db === undefined ? openDraftDb() : options.db,
    local: options.local ?? localStorage,
    tab: options.tab ?? testTab(),
    defaultTarget: 'wazuh@4.14',
  });
  sessions.push(session);
  return session;
}

async function storedValue(key: string): Promise<unknown> {
  const [value] = await (openDraftDb() as DraftDb).getMany([key]);
  return value;
}

const current = (session: DraftSession) => {
  const { text, encoding } = session.store.getState().present;
  return readDocument(text, encoding);
};

/** A draft as the first builds left it in localStorage (format 1). */
function storeLegacy(fields: Record<string, unknown>) {
  const draft = {
    version: 1,
    savedAt: '2026-01-01T00:00:00.000Z',
    encoding: 'utf-8',
    target: 'wazuh@4.14',
    role: 'auto',
    original: null,
    ...fields,
  };
  localStorage.setItem(LEGACY_DRAFT_KEY, JSON.stringify(draft));
}

beforeEach(() => {
  vi.stubGlobal('indexedDB', new IDBFactory());
});

afterEach(() => {
  for (const s of sessions.splice(0)) s.stop();
  vi.unstubAllGlobals();
  vi.useRealTimers();
  localStorage.clear();
  Reflect.deleteProperty(document, 'visibilityState');
});

describe('draft session', () => {
  it('keeps the draft and its undo history across a reload', async () => {
    const first = await open();
    expect(first.store.getState().present.text).toBe('');
    first.store.commit({ text: '<command/>' }, { label: 'one' });
    first.store.commit({ text: '<command>\n</command>' }, { label: 'two' });
    expect(first.getView().save.kind).toBe('pending');
    await first.flush();
    expect(first.getView().save).toEqual({ kind: 'saved', note: null });
    first.stop();

    const second = await open();
    const state = second.store.getState();
    expect(state.present.text).toBe('<command>\n</command>');
    expect(state.past.map((s) => s.text)).toEqual(['', '<command/>']);
    second.store.undo();
    expect(second.store.getState().present.text).toBe('<command/>');
    expect(second.getView().notices).toEqual([]);
  });

  it('saves a 2 MB draft, which localStorage could not hold', async () => {
    const text = `<ossec_config>\n${'  <!-- padding padding padding padding -->\n'.repeat(50_000)}</ossec_config>\n`;
    expect(text.length).toBeGreaterThan(2_000_000);
    const first = await open();
    first.store.commit({ text }, { label: 'big' });
    await first.flush();
    first.stop();
    expect((await open()).store.getState().present.text).toBe(text);
  });

  it('moves a localStorage draft of the first builds into IndexedDB, then removes the old copy', async () => {
    storeLegacy({ text: '<command>\r\n</command>', encoding: 'latin1', target: 'ossec@3.7', role: 'agent' });
    const first = await open();
    expect(first.store.getState()).toMatchObject({
      present: { text: '<command>\r\n</command>', encoding: 'latin1' },
      target: 'ossec@3.7',
      role: 'agent',
    });
    expect(localStorage.getItem(LEGACY_DRAFT_KEY)).toBeNull();
    expect(await storedValue(KEYS.draft)).toMatchObject({ version: 2, target: 'ossec@3.7' });
    first.stop();
    expect((await open()).store.getState().present.text).toBe('<command>\r\n</command>');
  });

  it('puts a localStorage draft in Recent when IndexedDB holds a draft already', async () => {
    const first = await open();
    first.store.commit({ text: '<command/>' }, { label: 'x' });
    await first.flush();
    first.stop();
    storeLegacy({ text: '<command><name>old</name></command>' });
    const second = await open();
    expect(second.store.getState().present.text).toBe('<command/>');
    expect(second.getView().recent).toMatchObject([{ name: 'Untitled draft (old)', blocks: 1 }]);
    expect(localStorage.getItem(LEGACY_DRAFT_KEY)).toBeNull();
  });

  it('keeps an unreadable draft aside, offers it, and never writes over it', async () => {
    const damaged = '{"version":1,"text":"<command>lots of work';
    localStorage.setItem(LEGACY_DRAFT_KEY, damaged);
    const first = await open();
    expect(first.store.getState().present.text).toBe('');
    const [notice] = first.getView().notices;
    expect(notice.message).toMatch(/could not be read: it is not valid JSON/);
    expect(notice.payload?.data).toBe(damaged);
    expect(notice.asideKey).toMatch(/^aside:/);
    expect(localStorage.getItem(LEGACY_DRAFT_KEY)).toBeNull();

    first.store.commit({ text: '<command/>' }, { label: 'edit' });
    await first.flush();
    expect(await storedValue(notice.asideKey as string)).toMatchObject({
      source: 'localStorage',
      data: damaged,
    });
    first.stop();

    const second = await open();
    expect(second.store.getState().present.text).toBe('<command/>');
    const kept = second.getView().notices.find((n) => n.asideKey === notice.asideKey);
    expect(kept?.payload?.data).toBe(damaged);
    second.deleteAside(kept?.id as string);
    await second.flush();
    expect(await storedValue(notice.asideKey as string)).toBeUndefined();
  });

  it('never drops a 13 KB draft of another version, or one with an unknown field, at the first edit', async () => {
    const text = `<ossec_config>\n${'  <command>\n    <name>x</name>\n  </command>\n'.repeat(300)}</ossec_config>\n`;
    expect(text.length).toBeGreaterThan(13_000);
    for (const fields of [
      { text, version: 2 },
      { text, pinned: true },
    ]) {
      storeLegacy(fields);
      const stored = localStorage.getItem(LEGACY_DRAFT_KEY);
      const session = await open();
      const [notice] = session.getView().notices;
      session.store.commit({ text: '<command/>' }, { label: 'first edit' });
      await session.flush();
      expect(await storedValue(notice.asideKey as string)).toMatchObject({ data: stored });
      session.stop();
    }
  });

  it('keeps aside a draft written by a newer version, and one with a field it does not know', async () => {
    const db = openDraftDb() as DraftDb;
    const newer = { version: 3, layout: 'future' };
    await db.write([[KEYS.draft, newer]], []);
    const first = await open();
    expect(first.getView().notices[0].message).toMatch(/newer version of AR Studio \(format 3/);
    first.store.commit({ text: '<command/>' }, { label: 'edit' });
    await first.flush();
    first.stop();
    const meta = (await storedValue(KEYS.draft)) as Record<string, unknown>;
    await db.write([[KEYS.draft, { ...meta, colour: 'blue' }]], []);

    const second = await open();
    expect(second.store.getState().present.text).toBe('<command/>');
    const messages = second.getView().notices.map((n) => n.message);
    expect(messages.some((m) => /does not know \(colour\)/.test(m))).toBe(true);
    expect(messages.some((m) => /newer version/.test(m))).toBe(true);
    const asides = (await db.keys()).filter((k) => k.startsWith(KEYS.asidePrefix));
    const kept = await db.getMany(asides);
    expect(kept).toContainEqual(
      expect.objectContaining({ data: { draft: newer, snapshots: {}, originals: {} } }),
    );
    expect(kept).toContainEqual(
      expect.objectContaining({ data: expect.objectContaining({ draft: { ...meta, colour: 'blue' } }) }),
    );
    second.stop();

    // Moved aside, not copied: the next load finds a clean draft and the two kept copies, nothing new.
    const third = await open();
    expect(third.store.getState().present.text).toBe('<command/>');
    const again = third.getView().notices.map((n) => n.message);
    expect(again).toHaveLength(2);
    expect(again.every((m) => m.startsWith('Kept aside on'))).toBe(true);
  });

  it('keeps aside a recent document with a field it does not know, and still opens it', async () => {
    const first = await open();
    first.store.commit({ text: '<command><name>a</name></command>' }, { label: 'a' });
    first.replaceDocument(
      { text: '', encoding: 'utf-8', snippet: false, original: null },
      { label: 'New document' },
      current(first),
    );
    await first.flush();
    first.stop();
    const db = openDraftDb() as DraftDb;
    const key = (await db.keys()).find((k) => k.startsWith('recent:')) as string;
    const [stored] = await db.getMany([key]);
    await db.write([[key, { ...(stored as object), pinned: true }]], []);

    const second = await open();
    const [entry] = second.getView().recent;
    expect(await second.openRecent(entry.documentId, current(second))).toBe('Untitled draft (a)');
    expect(second.store.getState().present.text).toBe('<command><name>a</name></command>');
    const notice = second.getView().notices.find((n) => /does not know \(pinned\)/.test(n.message));
    expect(notice?.asideKey).toMatch(/^aside:/);
    await second.flush();
    expect(await storedValue(key)).toEqual(stored);
  });

  it('keeps the document replaced by "New" in Recent, and opens it again as one undoable step', async () => {
    const first = await open();
    first.store.commit({ text: '<command><name>a</name></command>' }, { label: 'a' });
    first.replaceDocument(
      { text: '', encoding: 'utf-8', snippet: false, original: null },
      { label: 'New document' },
      current(first),
    );
    first.store.commit({ text: '<command>b</command>' }, { label: 'b' });
    await first.flush();
    first.stop();

    const second = await open();
    const [entry] = second.getView().recent;
    expect(entry).toMatchObject({ name: 'Untitled draft (a)', size: 33, blocks: 1 });
    const before = second.store.getState().present;
    expect(await second.openRecent(entry.documentId, current(second))).toBe('Untitled draft (a)');
    expect(second.store.getState().present).toMatchObject({
      text: '<command><name>a</name></command>',
      documentId: entry.documentId,
    });
    expect(second.getView().recent.map((e) => e.documentId)).toEqual([before.documentId, entry.documentId]);
    second.store.undo();
    expect(second.store.getState().present).toBe(before);
  });

  it(`keeps the last ${RECENT_LIMIT} documents`, async () => {
    const session = await open();
    for (let i = 0; i < RECENT_LIMIT + 3; i++) {
      session.store.commit({ text: `<command>${i}</command>` }, { label: 'x' });
      session.replaceDocument(
        { text: '', encoding: 'utf-8', snippet: false, original: null },
        { label: 'New document' },
        current(session),
      );
    }
    await session.flush();
    expect(session.getView().recent).toHaveLength(RECENT_LIMIT);
    const keys = (await (openDraftDb() as DraftDb).keys()).filter((k) => k.startsWith('recent:'));
    expect(keys).toHaveLength(RECENT_LIMIT);
    session.clearRecent();
    await session.flush();
    expect((await (openDraftDb() as DraftDb).keys()).filter((k) => k.startsWith('recent'))).toEqual([
      KEYS.recent,
    ]);
  });

  it('opens without storage and says that nothing is saved', async () => {
    const session = await open({ db: null });
    expect(session.getView().save).toMatchObject({
      kind: 'off',
      reason: expect.stringMatching(/IndexedDB is unavailable/),
    });
    session.store.commit({ text: 'x' }, { label: 'x' });
    expect(session.store.getState().present.text).toBe('x');
  });

  it('opens when storage refuses or never answers, and then writes nothing', async () => {
    const write = vi.fn(async () => {});
    const refusing: DraftDb = {
      keys: async () => {
        throw new DOMException('denied', 'SecurityError');
      },
      getMany: async () => [],
      write,
    };
    const session = await open({ db: refusing });
    expect(session.getView().save).toMatchObject({
      reason: expect.stringMatching(/does not let this page store data/),
    });
    session.store.commit({ text: 'x' }, { label: 'x' });
    await session.flush();
    expect(write).not.toHaveBeenCalled();
  });

  it('saves the document without its history when storage is full', async () => {
    const db = openDraftDb() as DraftDb;
    const full: DraftDb = {
      ...db,
      write: async (puts, deletes) => {
        if (puts.filter(([k]) => k.startsWith('snapshot:')).length > 1) {
          throw new DOMException('full', 'QuotaExceededError');
        }
        await db.write(puts, deletes);
      },
    };
    const session = await open({ db: full });
    session.store.commit({ text: 'a' }, { label: 'a' });
    await session.flush();
    expect(session.getView().save).toMatchObject({
      kind: 'saved',
      note: expect.stringMatching(/without its undo history/),
    });
    session.stop();
    expect((await open()).store.getState().present.text).toBe('a');
  });

  it('is read-only while another tab edits, follows its saves, and edits from its latest draft once it takes over', async () => {
    const editor = await open();
    editor.store.commit({ text: 'one' }, { label: 'x' });
    await editor.flush();

    const tab = testTab('waiting');
    const reader = await open({ tab });
    expect(reader.store.getState()).toMatchObject({ readOnly: true, present: { text: 'one' } });
    expect(reader.getView().save).toMatchObject({
      kind: 'off',
      reason: expect.stringMatching(/another tab/),
    });
    reader.store.commit({ text: 'lost' }, { label: 'x' });
    expect(reader.store.getState().present.text).toBe('one');

    editor.store.commit({ text: 'two' }, { label: 'x' });
    await editor.flush();
    tab.savedElsewhere();
    await vi.waitFor(() => expect(reader.store.getState().present.text).toBe('two'));

    editor.store.commit({ text: 'three' }, { label: 'x' });
    await editor.flush();
    editor.stop();
    await reader.takeOver();
    expect(reader.store.getState()).toMatchObject({ readOnly: false, present: { text: 'three' } });
    reader.store.undo();
    expect(reader.store.getState().present.text).toBe('two');
    reader.store.commit({ text: 'four' }, { label: 'x' });
    await reader.flush();
    reader.stop();
    expect((await open()).store.getState().present.text).toBe('four');
  });
});

/**
 * The browser's IndexedDB, until the page goes away: from then on a write it starts is abandoned (never
 * stored, never answered), as a browser does with one started in pagehide.
 */
function mortalDb() {
  const db = openDraftDb() as DraftDb;
  let dead = false;
  const mortal: DraftDb & { die(): void } = {
    keys: () => db.keys(),
    getMany: (keys) => db.getMany(keys),
    write: (puts, deletes) => (dead ? new Promise(() => {}) : db.write(puts, deletes)),
    die: () => {
      dead = true;
    },
  };
  return mortal;
}

/** The page is closed or reloaded: it is hidden, pagehide fires, and what IndexedDB was asked then is lost. */
function closePage(session: DraftSession, db: ReturnType<typeof mortalDb>) {
  db.die();
  hide();
  window.dispatchEvent(new Event('pagehide'));
  session.stop();
}

function hide() {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
  document.dispatchEvent(new Event('visibilitychange'));
}

const storedCopy = () => localStorage.getItem(EMERGENCY_COPY_KEY);

const IMPORTED = '<ossec_config>\r\n  <command>\r\n    <name>a</name>\r\n  </command>\r\n</ossec_config>\r\n';

describe('nothing typed is lost on a reload or a crash', () => {
  it(`stores the draft while the admin keeps acting, ${SAVE_MAX_WAIT_MS} ms after the first unsaved change at most`, async () => {
    const records = new Map<string, unknown>();
    const writes: number[] = [];
    const memory: DraftDb = {
      keys: async () => [...records.keys()],
      getMany: async (keys) => keys.map((k) => records.get(k)),
      write: async (puts, deletes) => {
        writes.push(performance.now());
        for (const key of deletes) records.delete(key);
        for (const [key, value] of puts) records.set(key, structuredClone(value));
      },
    };
    const session = await open({ db: memory });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const start = performance.now();
    // A change every 200 ms for 3 s: waiting for a pause would store nothing at all.
    for (let i = 0; i < 15; i++) {
      session.store.commit({ text: `<command>${i}</command>` }, { label: 'x' });
      await vi.advanceTimersByTimeAsync(200);
    }
    expect(writes.map((at) => at - start)).toEqual([1000, 2000, 3000]);
    expect(session.getView().save).toEqual({ kind: 'saved', note: null });
    // Once the admin stops, a pause is enough.
    session.store.commit({ text: '<command>last</command>' }, { label: 'x' });
    await vi.advanceTimersByTimeAsync(250);
    expect(writes.map((at) => at - start)).toEqual([1000, 2000, 3000, 3250]);
  });

  it('a reload right after an import brings back the same document, its original and undo to the one before', async () => {
    const db = mortalDb();
    const first = await open({ db });
    first.store.commit({ text: '<command/>' }, { label: 'typed' });
    await first.flush();
    const before = first.store.getState().present;
    first.replaceDocument(
      {
        text: IMPORTED,
        encoding: 'latin1',
        snippet: false,
        original: { name: 'ossec.conf', text: IMPORTED, encoding: 'latin1' },
        selected: 0,
      },
      { label: 'Opened ossec.conf' },
      current(first),
    );
    const opened = first.store.getState().present;
    closePage(first, db);
    expect(JSON.parse(storedCopy() as string)).toMatchObject({
      text: IMPORTED,
      original: { name: 'ossec.conf', sameAsText: true },
    });
    expect((storedCopy() as string).length).toBeLessThan(IMPORTED.length + 400);

    const second = await open();
    const state = second.store.getState();
    expect(state.present).toEqual(opened);
    expect(state.present.original).toEqual({ name: 'ossec.conf', text: IMPORTED, encoding: 'latin1' });
    expect(second.getView().notices).toEqual([]);
    // Stored in IndexedDB, then removed from localStorage.
    await second.flush();
    expect(storedCopy()).toBeNull();
    second.stop();
    const third = await open();
    expect(third.store.getState().present).toEqual(opened);
    third.store.undo();
    expect(third.store.getState().present).toEqual(before);
    expect(third.getView().recent.map((e) => e.documentId)).toEqual([before.documentId]);
  });

  it('a reload right after a change keeps it, with the target and role, and undo goes back to what was stored', async () => {
    const db = mortalDb();
    const first = await open({ db });
    first.replaceDocument(
      {
        text: IMPORTED,
        encoding: 'latin1',
        snippet: false,
        original: { name: 'ossec.conf', text: IMPORTED, encoding: 'latin1' },
      },
      { label: 'Opened ossec.conf' },
      current(first),
    );
    await first.flush();
    const edited = IMPORTED.replace('<name>a', '<name>b');
    first.store.commit({ text: edited, selected: 0 }, { label: 'Changed the name' });
    first.store.setTarget('ossec@3.7');
    first.store.setRole('manager');
    closePage(first, db);
    // The imported file is in IndexedDB already: the copy refers to it.
    expect(JSON.parse(storedCopy() as string).original).toEqual({ stored: expect.any(Number) });

    const second = await open();
    expect(second.store.getState()).toMatchObject({
      present: { text: edited, selected: 0, original: { text: IMPORTED }, label: 'Changed the name' },
      target: 'ossec@3.7',
      role: 'manager',
    });
    second.store.undo();
    expect(second.store.getState().present.text).toBe(IMPORTED);
    expect(second.store.getState().lastChange).toBe('Undid: Changed the name');
  });

  it('an undo right before the close moves the history there, with nothing lost', async () => {
    const db = mortalDb();
    const first = await open({ db });
    first.store.commit({ text: 'one' }, { label: 'one' });
    first.store.commit({ text: 'two' }, { label: 'two' });
    await first.flush();
    first.store.undo();
    closePage(first, db);
    const second = await open();
    expect(second.store.getState().present.text).toBe('one');
    second.store.redo();
    expect(second.store.getState().present.text).toBe('two');
  });

  it('writes no copy when IndexedDB holds everything, and removes its copy once IndexedDB stores the change', async () => {
    const first = await open();
    first.store.commit({ text: 'one' }, { label: 'one' });
    await first.flush();
    hide();
    window.dispatchEvent(new Event('pagehide'));
    expect(storedCopy()).toBeNull();

    // Hidden with a change unsaved: the copy is written at once, and removed when the flush has stored it.
    first.store.commit({ text: 'two' }, { label: 'two' });
    hide();
    expect(JSON.parse(storedCopy() as string)).toMatchObject({ text: 'two' });
    await first.flush();
    expect(storedCopy()).toBeNull();
  });

  it('a read-only tab never writes the copy; a waiting tab leaves it to the editing one, and takes it once it edits', async () => {
    const db = mortalDb();
    const editor = await open({ db });
    editor.store.commit({ text: 'stored' }, { label: 'x' });
    await editor.flush();
    const tab = testTab('waiting');
    const reader = await open({ tab });
    editor.store.commit({ text: 'followed' }, { label: 'x' });
    await editor.flush();
    tab.savedElsewhere();
    await vi.waitFor(() => expect(reader.store.getState().present.text).toBe('followed'));
    editor.store.commit({ text: 'typed' }, { label: 'x' });
    // The editing tab is closed before its write finishes.
    db.die();
    hide();
    window.dispatchEvent(new Event('pagehide'));
    const copy = storedCopy();
    expect(JSON.parse(copy as string)).toMatchObject({ text: 'typed' });
    reader.store.commit({ text: 'refused' }, { label: 'x' });
    const late = await open({ tab: testTab('waiting') });
    expect(late.store.getState().present.text).toBe('followed');
    expect(storedCopy()).toBe(copy);

    // The waiting tab edits once the editing tab is gone, from the copy.
    editor.stop();
    tab.become('editing', 'granted');
    await vi.waitFor(() =>
      expect(reader.store.getState()).toMatchObject({ readOnly: false, present: { text: 'typed' } }),
    );
    await vi.waitFor(() => expect(storedCopy()).toBeNull());
    reader.stop();
    expect((await open()).store.getState().present.text).toBe('typed');
  });

  it('puts a copy older than the stored draft in Recent, and removes one the draft holds already', async () => {
    const first = await open();
    first.store.commit({ text: '<command><name>stored</name></command>' }, { label: 'x' });
    await first.flush();
    first.stop();
    const copy = (text: string) =>
      JSON.stringify({
        version: 2,
        savedAt: '2020-01-01T00:00:00.000Z',
        target: 'wazuh@4.14',
        role: 'auto',
        documentId: first.store.getState().present.documentId,
        text,
        encoding: 'utf-8',
        original: null,
      });
    localStorage.setItem(EMERGENCY_COPY_KEY, copy('<command><name>older</name></command>'));
    const second = await open();
    expect(second.store.getState().present.text).toBe('<command><name>stored</name></command>');
    await vi.waitFor(() => expect(storedCopy()).toBeNull());
    expect(second.getView().recent).toMatchObject([{ name: 'Untitled draft (older)' }]);
    expect(second.getView().notices.map((n) => n.message)).toEqual([
      expect.stringMatching(
        /older than the draft saved since; they are kept in Recent as “Untitled draft \(older\)”/,
      ),
    ]);
    expect(await second.openRecent(second.getView().recent[0].documentId, current(second))).toBe(
      'Untitled draft (older)',
    );
    second.stop();

    localStorage.setItem(EMERGENCY_COPY_KEY, copy('<command><name>stored</name></command>'));
    const third = await open();
    await third.flush();
    expect(storedCopy()).toBeNull();
    expect(third.getView().notices).toEqual([]);
  });

  it('keeps a damaged copy aside, offers it, and never drops it', async () => {
    const damaged = '{"version":2,"savedAt":"2026-03-01T10:00:00.000Z","text":"<command>lots of work';
    localStorage.setItem(EMERGENCY_COPY_KEY, damaged);
    const session = await open();
    const [notice] = session.getView().notices;
    expect(notice.message).toMatch(
      /copy of your last changes, made as the page closed, could not be read: it is not valid JSON/,
    );
    expect(notice.payload).toMatchObject({ data: damaged, source: 'localStorage' });
    expect(await storedValue(notice.asideKey as string)).toMatchObject({ data: damaged });
    expect(storedCopy()).toBeNull();
  });

  it('leaves a damaged copy where it is when it cannot be kept aside', async () => {
    localStorage.setItem(EMERGENCY_COPY_KEY, 'not json');
    const db = openDraftDb() as DraftDb;
    const refusing: DraftDb = {
      ...db,
      write: async () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    const session = await open({ db: refusing });
    expect(session.getView().notices[0].payload?.data).toBe('not json');
    expect(storedCopy()).toBe('not json');
  });

  it('says so when the copy is too large for localStorage, and the next load says what was lost', async () => {
    const items = new Map<string, string>();
    const small: LocalStore = {
      getItem: (key) => items.get(key) ?? null,
      setItem(key, value) {
        if (value.length > 50_000) throw new DOMException('full', 'QuotaExceededError');
        items.set(key, value);
      },
      removeItem: (key) => void items.delete(key),
    };
    const db = mortalDb();
    const first = await open({ db, local: small });
    first.store.commit({ text: `<ossec_config>${'x'.repeat(100_000)}</ossec_config>` }, { label: 'big' });
    db.die();
    hide();
    expect(first.getView().save).toMatchObject({
      kind: 'failed',
      reason: expect.stringMatching(
        /copy kept when the page closes failed \(it is larger than the browser lets a page keep in localStorage, 97\.\d kB\)/,
      ),
    });
    window.dispatchEvent(new Event('pagehide'));
    first.stop();

    const second = await open({ local: small });
    expect(second.store.getState().present.text).toBe('');
    expect(second.getView().notices.map((n) => n.message)).toEqual([
      expect.stringMatching(
        /closed right after a change that could not be kept \(the copy of it, 97\.\d kB, failed/,
      ),
    ]);
    expect(items.size).toBe(0);

    // A note older than the draft saved since concerns a change that draft holds: removed without a word.
    second.store.commit({ text: '<command/>' }, { label: 'x' });
    await second.flush();
    second.stop();
    const note = {
      version: 2,
      savedAt: '2020-01-01T00:00:00.000Z',
      missed: { documentId: 'x', size: 1, reason: 'r' },
    };
    items.set(EMERGENCY_COPY_KEY, JSON.stringify(note));
    const third = await open({ local: small });
    expect(third.getView().notices).toEqual([]);
    expect(items.size).toBe(0);
  });
});
