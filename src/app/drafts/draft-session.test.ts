import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readDocument } from '../../core';
import { type DraftDb, openDraftDb } from './draft-db';
import { KEYS, LEGACY_DRAFT_KEY, RECENT_LIMIT } from './draft-format';
import { type DraftSession, openDrafts } from './draft-session';
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
async function open(options: { db?: DraftDb | null; tab?: TabLock } = {}) {
  const session = await openDrafts({
    db: options.db === undefined ? openDraftDb() : options.db,
    legacy: localStorage,
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
  localStorage.clear();
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
