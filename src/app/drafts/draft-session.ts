import { blockTitle, type ConfigDocument, readDocument } from '../../core';
import {
  type CommitOptions,
  createDocumentStore,
  type DocumentSnapshot,
  type DocumentStore,
  newDocumentId,
  type RestoredState,
} from '../document-store';
import { type DraftDb, storageTrouble, withTimeout } from './draft-db';
import {
  type DraftBundle,
  type DraftRead,
  emptyLayout,
  FORMAT_VERSION,
  KEYS,
  LEGACY_DRAFT_KEY,
  legacyBundle,
  RECENT_LIMIT,
  type RecentDocument,
  type RecentEntry,
  readAside,
  readDraft,
  readRecentDocument,
  readRecentIndex,
} from './draft-format';
import { planSave } from './save-plan';
import type { TabChange, TabLock, TabRole } from './tab-lock';

export const SAVE_DELAY_MS = 250;
/** A large draft costs a few milliseconds to hand to IndexedDB; while typing in it, save on pauses only. */
const LARGE_DRAFT = 200_000;
const LARGE_SAVE_DELAY_MS = 1500;
const LOAD_TIMEOUT_MS = 5000;

export type SaveState =
  | { kind: 'saved'; note: string | null }
  | { kind: 'pending' }
  /** Saving is not possible, or not allowed, in this tab; says why. */
  | { kind: 'off'; reason: string }
  | { kind: 'failed'; reason: string };

/** Something stored that could not be restored, and what can be done about it. */
export interface DraftNotice {
  id: string;
  message: string;
  /** The stored data as it was found, for download; null when there is nothing left to give back. */
  payload: { data: unknown; source: 'localStorage' | 'indexedDB'; keptAt: string } | null;
  /** Where the data is kept aside in storage, when it is (so it can be deleted once downloaded). */
  asideKey: string | null;
}

export interface DraftsView {
  save: SaveState;
  notices: DraftNotice[];
  recent: RecentEntry[];
  tab: { role: TabRole; why: TabChange; coordinated: boolean };
}

export interface DraftSession {
  readonly store: DocumentStore;
  getView(): DraftsView;
  subscribe(listener: () => void): () => void;
  /** Starts another document (new, imported, from Recent): the current one goes to Recent first. */
  replaceDocument(
    next: Omit<DocumentSnapshot, 'documentId'>,
    change: Pick<CommitOptions, 'label' | 'announce'>,
    current: ConfigDocument,
    documentId?: string,
  ): void;
  /** Opens a recent document as one undoable step; resolves to its name, or null when it could not be read. */
  openRecent(documentId: string, current: ConfigDocument): Promise<string | null>;
  clearRecent(): void;
  deleteAside(noticeId: string): void;
  dismiss(noticeId: string): void;
  /** Takes editing over from another tab; resolves once this tab edits, from what that tab saved. */
  takeOver(): Promise<void>;
  /** Saves whatever is pending now; resolves once it is stored. */
  flush(): Promise<void>;
  stop(): void;
}

export interface DraftSessionOptions {
  /** The browser's IndexedDB, or null when the page has none. */
  db: DraftDb | null;
  /** Why there is no storage, when the caller knows better than "IndexedDB is unavailable". */
  unavailable?: string;
  /** Where the first builds kept the draft; read once, and cleared once its copy is in IndexedDB. */
  legacy: Pick<Storage, 'getItem' | 'removeItem'> | null;
  tab: TabLock;
  defaultTarget: string;
  now?: () => Date;
  /** The document store's clock (tests make every edit its own undo step with it). */
  clock?: () => number;
}

/** What a load found in storage, before this tab decides what to write. */
interface Loaded {
  draft: DraftRead | null;
  draftRaw: unknown;
  recent: RecentEntry[];
  recentKeys: string[];
  asides: DraftNotice[];
  /**
   * Data found unreadable in this load, to move aside before anything is written over it; `keys` are the
   * IndexedDB records that hold it (none for localStorage, whose copy is removed once the move is done).
   */
  unreadable: Array<{ message: string; data: unknown; source: 'localStorage' | 'indexedDB'; keys: string[] }>;
  problems: string[];
  legacy: { stored: string; read: DraftRead | null } | null;
  maxId: number;
  /** Why storage cannot be used at all in this tab, if it cannot. */
  broken: string | null;
}

function idOf(key: string, prefix: string): number | null {
  if (!key.startsWith(prefix)) return null;
  const n = Number(key.slice(prefix.length));
  return Number.isInteger(n) && n >= 0 ? n : null;
}

function asObject(map: Map<number, unknown>): Record<string, unknown> {
  return Object.fromEntries([...map].map(([k, v]) => [String(k), v]));
}

function readLegacy(legacy: DraftSessionOptions['legacy']): {
  stored: string | null;
  problem: string | null;
} {
  try {
    return { stored: legacy?.getItem(LEGACY_DRAFT_KEY) ?? null, problem: null };
  } catch (error) {
    return {
      stored: null,
      problem: `The draft saved by an earlier version could not be read: ${storageTrouble(error)}.`,
    };
  }
}

async function load(
  db: DraftDb | null,
  legacy: DraftSessionOptions['legacy'],
  unavailable?: string,
): Promise<Loaded> {
  const loaded: Loaded = {
    draft: null,
    draftRaw: undefined,
    recent: [],
    recentKeys: [],
    asides: [],
    unreadable: [],
    problems: [],
    legacy: null,
    maxId: -1,
    broken: null,
  };
  const old = readLegacy(legacy);
  if (old.problem) loaded.problems.push(old.problem);
  if (old.stored !== null) {
    const parsed = legacyBundle(old.stored);
    const read = 'bundle' in parsed ? readDraft(parsed.bundle) : null;
    loaded.legacy = { stored: old.stored, read };
    const reason = 'reason' in parsed ? `The saved draft could not be read: ${parsed.reason}.` : null;
    for (const message of reason ? [reason] : read?.keepAside ? read.problems : []) {
      loaded.unreadable.push({ message, data: old.stored, source: 'localStorage', keys: [] });
    }
    if (read && !read.keepAside) loaded.problems.push(...read.problems);
  }
  if (!db) {
    loaded.broken =
      unavailable ??
      'this browser gives the page no storage (IndexedDB is unavailable, as in some private modes)';
    return loaded;
  }
  try {
    const keys = await withTimeout(db.keys(), LOAD_TIMEOUT_MS);
    const snapshotIds = keys.map((k) => idOf(k, 'snapshot:')).filter((n) => n !== null);
    const originalIds = keys.map((k) => idOf(k, 'original:')).filter((n) => n !== null);
    const asideKeys = keys.filter((k) => k.startsWith(KEYS.asidePrefix));
    loaded.recentKeys = keys.filter((k) => k.startsWith('recent:'));
    loaded.maxId = Math.max(-1, ...snapshotIds, ...originalIds);
    const wanted = [
      KEYS.draft,
      KEYS.recent,
      ...asideKeys,
      ...snapshotIds.map(KEYS.snapshot),
      ...originalIds.map(KEYS.original),
    ];
    const values = await withTimeout(db.getMany(wanted), LOAD_TIMEOUT_MS);
    const [meta, recent] = values;
    const asides = values.slice(2, 2 + asideKeys.length);
    const snapshots = new Map(snapshotIds.map((id, i) => [id, values[2 + asideKeys.length + i]]));
    const originals = new Map(
      originalIds.map((id, i) => [id, values[2 + asideKeys.length + snapshotIds.length + i]]),
    );

    if (meta !== undefined) {
      const bundle: DraftBundle = { meta, snapshots, originals };
      const read = readDraft(bundle);
      loaded.draft = read;
      loaded.draftRaw = { draft: meta, snapshots: asObject(snapshots), originals: asObject(originals) };
      if (read.keepAside) {
        const keys = [KEYS.draft, ...snapshotIds.map(KEYS.snapshot), ...originalIds.map(KEYS.original)];
        for (const message of read.problems) {
          loaded.unreadable.push({ message, data: loaded.draftRaw, source: 'indexedDB', keys });
        }
      } else loaded.problems.push(...read.problems);
      // Records no draft refers to (left by an interrupted save) are deleted by the next save.
      for (const id of snapshotIds) if (!read.layout.bases.has(id)) read.layout.bases.set(id, null);
      for (const id of originalIds) read.layout.storedOriginals.add(id);
    }

    if (recent !== undefined) {
      const index = readRecentIndex(recent);
      if (index.ok) loaded.recent = index.value.entries;
      if (!index.ok || index.unknownFields.length > 0) {
        const why = index.ok
          ? `it holds data this version does not know (${index.unknownFields.join(', ')})`
          : index.reason;
        loaded.unreadable.push({
          message: `The list of recent documents could not be read in full: ${why}.`,
          data: recent,
          source: 'indexedDB',
          keys: [KEYS.recent],
        });
      }
    }

    asideKeys.forEach((key, i) => {
      const aside = readAside(asides[i]);
      loaded.asides.push(
        aside.ok
          ? {
              id: key,
              message: `Kept aside on ${new Date(aside.value.keptAt).toLocaleString()}: ${aside.value.reason}`,
              payload: { data: aside.value.data, source: aside.value.source, keptAt: aside.value.keptAt },
              asideKey: key,
            }
          : {
              id: key,
              message: 'Data kept aside earlier could not be read back.',
              payload: { data: asides[i], source: 'indexedDB', keptAt: '' },
              asideKey: key,
            },
      );
    });
  } catch (error) {
    loaded.broken = `stored drafts could not be read: ${storageTrouble(error)}`;
    loaded.draft = null;
  }
  return loaded;
}

function emptyState(target: string): RestoredState {
  return {
    present: { text: '', encoding: 'utf-8', snippet: false, original: null, documentId: newDocumentId() },
    past: [],
    future: [],
    target,
    role: 'auto',
  };
}

/** How Recent names a document: its file name, or for a draft never imported, the blocks it defines. */
export function recentName(snapshot: DocumentSnapshot, doc: ConfigDocument): string {
  if (snapshot.original) return snapshot.original.name;
  const names = [...new Set(doc.blocks.map(blockTitle).filter((t) => t !== undefined && t !== ''))];
  if (names.length === 0) return 'Untitled draft';
  return `Untitled draft (${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''})`;
}

function utf8Length(text: string, encoding: DocumentSnapshot['encoding']): number {
  return encoding === 'latin1' ? text.length : new TextEncoder().encode(text).length;
}

const READ_ONLY = 'Read-only: another tab is editing this draft.';

/**
 * Reads what the browser kept (the draft with its undo history, the Recent documents, data kept aside),
 * makes the document store from it, and from then on saves the draft shortly after each change while this
 * tab is the one editing.
 */
export async function openDrafts(options: DraftSessionOptions): Promise<DraftSession> {
  const { db, legacy, tab } = options;
  const now = options.now ?? (() => new Date());
  const listeners = new Set<() => void>();
  let view: DraftsView = {
    save: { kind: 'saved', note: null },
    notices: [],
    recent: [],
    tab: { role: tab.role(), why: 'started', coordinated: tab.coordinated },
  };
  const update = (next: Partial<DraftsView>) => {
    view = { ...view, ...next };
    for (const listener of listeners) listener();
  };

  let layout = emptyLayout();
  let lastId = -1;
  const nextId = () => ++lastId;
  /** Why this tab must not write (storage broken, or unreadable data that could not be kept aside). */
  let blocked: string | null = null;
  let recentKeys = new Set<string>();
  const rememberedHere = new Map<string, RecentDocument>();
  let writing: Promise<unknown> = Promise.resolve();
  /** The state storage holds (or is being written); null when storage holds nothing of it yet. */
  let saved: RestoredState | null = null;

  const canWrite = () => db !== null && blocked === null && tab.role() === 'editing';
  /** Writes run one after another, so a later save never lands before an earlier one. */
  const enqueue = (work: () => Promise<void>): Promise<void> => {
    const next = writing.then(work);
    writing = next.catch(() => {});
    return next;
  };

  const loaded = await load(db, legacy, options.unavailable);
  const fromLegacy = loaded.draft?.restored ? null : (loaded.legacy?.read?.restored ?? null);
  const store = createDocumentStore(
    loaded.draft?.restored ?? fromLegacy ?? emptyState(options.defaultTarget),
    options.clock,
  );

  const sameAsSaved = (s: RestoredState) =>
    saved !== null &&
    s.present === saved.present &&
    s.past === saved.past &&
    s.future === saved.future &&
    s.target === saved.target &&
    s.role === saved.role;

  const settled = (): SaveState =>
    blocked
      ? { kind: 'off', reason: blocked }
      : tab.role() !== 'editing'
        ? { kind: 'off', reason: READ_ONLY }
        : { kind: 'saved', note: null };

  const write = async (plan: ReturnType<typeof planSave>) => {
    await (db as DraftDb).write(plan.puts, plan.deletes);
    layout = plan.layout;
  };

  const writeDraft = async (state: RestoredState) => {
    const savedAt = now().toISOString();
    try {
      await write(planSave(state, layout, nextId, savedAt));
      tab.announceSaved();
      if (sameAsSaved(store.getState())) update({ save: settled() });
    } catch (error) {
      const full = error instanceof DOMException && error.name === 'QuotaExceededError';
      if (full && state.past.length + state.future.length > 0) {
        // A full disk should cost the undo history, not the document.
        try {
          await write(planSave({ ...state, past: [], future: [] }, layout, nextId, savedAt));
          tab.announceSaved();
          update({
            save: {
              kind: 'saved',
              note: 'The browser’s storage is full: the draft is saved without its undo history.',
            },
          });
          return;
        } catch {
          // Reported below, with the first error.
        }
      }
      update({
        save: {
          kind: 'failed',
          reason: `The draft is not saved: ${storageTrouble(error)}. Export it to keep it.`,
        },
      });
    }
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = (): Promise<void> => {
    clearTimeout(timer);
    timer = undefined;
    const state = store.getState();
    if (!canWrite() || sameAsSaved(state)) return writing.then(() => {});
    saved = state;
    return enqueue(() => writeDraft(state));
  };
  tab.setFlush(flush);

  /**
   * Moves unreadable data to records of its own, which nothing but the admin's "Delete" ever removes, in
   * one transaction with removing it from where it was (so a later load does not find it again).
   */
  const keepAside = async (items: Loaded['unreadable']): Promise<DraftNotice[]> => {
    const keptAt = now().toISOString();
    const keys = new Map<unknown, string>();
    const notices = items.map((item, i): DraftNotice => {
      if (!keys.has(item.data)) keys.set(item.data, `${KEYS.asidePrefix}${keptAt}:${i}`);
      return {
        id: `${keptAt}:${i}`,
        message: item.message,
        payload: { data: item.data, source: item.source, keptAt },
        asideKey: keys.get(item.data) ?? null,
      };
    });
    if (!canWrite() || notices.length === 0) return notices.map((n) => ({ ...n, asideKey: null }));
    const puts = [...keys].map(([data, key]): [string, unknown] => {
      const about = items.filter((item) => item.data === data);
      return [
        key,
        {
          version: FORMAT_VERSION,
          keptAt,
          source: about[0].source,
          reason: about.map((a) => a.message).join(' '),
          data,
        },
      ];
    });
    try {
      const moved = [...new Set(items.flatMap((item) => item.keys))];
      await enqueue(() => (db as DraftDb).write(puts, moved));
      return notices.map((n) => ({
        ...n,
        message: `${n.message} It is kept aside in this browser, where nothing writes over it.`,
      }));
    } catch (error) {
      blocked = `Unreadable stored data could not be kept aside (${storageTrouble(error)}), so this tab saves nothing rather than write over it. Download it from the message above.`;
      return notices.map((n) => ({ ...n, asideKey: null }));
    }
  };

  const writeRecent = (entries: RecentEntry[], puts: Array<[string, unknown]>, deletes: string[]) => {
    if (!canWrite()) return Promise.resolve();
    for (const [key] of puts) recentKeys.add(key);
    for (const key of deletes) recentKeys.delete(key);
    return enqueue(async () => {
      try {
        await (db as DraftDb).write([[KEYS.recent, { version: FORMAT_VERSION, entries }], ...puts], deletes);
      } catch (error) {
        update({
          save: { kind: 'failed', reason: `Recent documents are not saved: ${storageTrouble(error)}.` },
        });
      }
    });
  };

  /** Puts a document at the top of Recent, in place of its older entry; `doc` is what its text reads as. */
  const remember = (snapshot: DocumentSnapshot, doc: ConfigDocument): Promise<void> => {
    if (snapshot.text === '') return Promise.resolve();
    const entry: RecentEntry = {
      documentId: snapshot.documentId,
      name: recentName(snapshot, doc),
      savedAt: now().toISOString(),
      size: utf8Length(snapshot.text, snapshot.encoding),
      blocks: doc.blocks.length,
    };
    const document: RecentDocument = {
      version: FORMAT_VERSION,
      text: snapshot.text,
      encoding: snapshot.encoding,
      ...(snapshot.snippet && { snippet: true }),
      original: snapshot.original,
    };
    const all = [entry, ...view.recent.filter((e) => e.documentId !== entry.documentId)];
    const evicted = all.slice(RECENT_LIMIT);
    rememberedHere.set(entry.documentId, document);
    for (const e of evicted) rememberedHere.delete(e.documentId);
    update({ recent: all.slice(0, RECENT_LIMIT) });
    return writeRecent(
      view.recent,
      [[KEYS.recentDocument(entry.documentId), document]],
      evicted.map((e) => KEYS.recentDocument(e.documentId)),
    );
  };

  /** Takes what a load found: keeps unreadable data aside, shows the notices, moves a localStorage draft over. */
  const adopt = async (found: Loaded) => {
    recentKeys = new Set(found.recentKeys);
    layout = found.draft?.layout ?? emptyLayout();
    lastId = Math.max(lastId, found.maxId);
    // What is on screen came from storage (or is the empty start): nothing to write until it changes.
    saved = store.getState();
    blocked = found.broken ? `Nothing is saved: ${found.broken}. Export your work to keep it.` : null;
    const kept = await keepAside(found.unreadable);
    const said = found.problems.map(
      (message, i): DraftNotice => ({ id: `problem:${i}`, message, payload: null, asideKey: null }),
    );
    update({ notices: [...kept, ...said, ...found.asides], recent: found.recent, save: settled() });
    if (kept.some((n) => n.asideKey !== null)) {
      // What could be read of the moved records is written again, cleanly.
      const moved = new Set(found.unreadable.flatMap((item) => item.keys));
      if (moved.has(KEYS.draft)) {
        layout = emptyLayout();
        if (found.draft?.restored) {
          saved = null;
          await flush();
        }
      }
      if (moved.has(KEYS.recent) && found.recent.length > 0) await writeRecent(found.recent, [], []);
    }

    // A draft of the first builds moves into IndexedDB: as the draft when it is what the page shows, into
    // Recent otherwise. The localStorage copy is removed only once that write is done.
    const old = found.legacy;
    if (!old || !canWrite()) return;
    const migrated = old.read?.restored;
    const shown = store.getState().present;
    if (migrated?.present.documentId === shown.documentId) {
      saved = null;
      await flush();
    } else if (migrated && migrated.present.text !== shown.text) {
      const { text, encoding, snippet } = migrated.present;
      await remember(migrated.present, readDocument(text, encoding, snippet));
    }
    if (canWrite() && view.save.kind !== 'failed') {
      try {
        legacy?.removeItem(LEGACY_DRAFT_KEY);
      } catch {
        // The copy stays in localStorage; the next load moves it again.
      }
    }
  };

  const say = (message: string) =>
    update({
      notices: [
        ...view.notices,
        { id: `said:${Date.now()}:${view.notices.length}`, message, payload: null, asideKey: null },
      ],
    });

  /** Puts the latest stored draft in place: when this tab starts editing, or to follow the editing tab. */
  const reload = async (withLegacy: boolean) => {
    await writing;
    const found = await load(db, withLegacy ? legacy : null);
    const restored = found.draft?.restored;
    if (restored) store.replace(restored, 'Loaded the latest saved draft');
    return found;
  };

  let following: Promise<void> | null = null;
  let followAgain = false;
  const follow = () => {
    if (following) {
      followAgain = true;
      return;
    }
    following = (async () => {
      do {
        followAgain = false;
        const found = await reload(false);
        if (tab.role() !== 'waiting') break;
        layout = found.draft?.layout ?? emptyLayout();
        update({ recent: found.recent });
      } while (followAgain);
    })().finally(() => {
      following = null;
    });
  };

  // Settles once this tab edits and has adopted what the other tab saved, so a change made after a
  // take-over (opening a shared link, say) is not replaced by that load.
  let editable: Promise<void> = Promise.resolve();
  const unsubscribeRole = tab.onChange((role, why) => {
    update({ tab: { role, why, coordinated: tab.coordinated } });
    clearTimeout(timer);
    if (role === 'waiting') {
      store.setReadOnly(true);
      update({ save: settled() });
      return;
    }
    // This tab edits from now on, starting from what the other tab saved last.
    editable = (async () => {
      const found = await reload(true);
      store.setReadOnly(false);
      await adopt(found);
      if (why === 'granted') say('The tab that was editing this draft has closed: this tab edits it now.');
    })();
  });
  const unsubscribeSaved = tab.onSavedElsewhere(follow);

  store.setReadOnly(tab.role() !== 'editing');
  await adopt(loaded);

  const unsubscribeStore = store.subscribe(() => {
    const state = store.getState();
    if (!canWrite() || sameAsSaved(state)) return;
    if (view.save.kind !== 'pending') update({ save: { kind: 'pending' } });
    clearTimeout(timer);
    timer = setTimeout(flush, state.present.text.length > LARGE_DRAFT ? LARGE_SAVE_DELAY_MS : SAVE_DELAY_MS);
  });
  const onHidden = () => {
    if (document.visibilityState === 'hidden') void flush();
  };
  const onPageHide = () => void flush();
  window.addEventListener('pagehide', onPageHide);
  document.addEventListener('visibilitychange', onHidden);

  const replaceDocument: DraftSession['replaceDocument'] = (next, change, current, documentId) => {
    const state = store.getState();
    if (state.readOnly) return;
    void remember(
      state.present,
      current.text === state.present.text
        ? current
        : readDocument(state.present.text, state.present.encoding, state.present.snippet),
    );
    store.commit({ ...next, documentId: documentId ?? newDocumentId() }, change);
  };

  return {
    store,
    getView: () => view,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    replaceDocument,
    async openRecent(documentId, current) {
      const entry = view.recent.find((e) => e.documentId === documentId);
      if (!entry || store.getState().readOnly) return null;
      let raw: unknown = rememberedHere.get(documentId);
      if (raw === undefined && db) {
        try {
          [raw] = await db.getMany([KEYS.recentDocument(documentId)]);
        } catch (error) {
          say(`“${entry.name}” could not be opened: ${storageTrouble(error)}.`);
          return null;
        }
      }
      const read = readRecentDocument(raw);
      if (!read.ok || read.unknownFields.length > 0) {
        const why = read.ok
          ? `it holds data this version does not know (${read.unknownFields.join(', ')})`
          : read.reason;
        const message = `The recent document “${entry.name}” could not be read: ${raw === undefined ? 'it is no longer stored' : why}.`;
        const key = KEYS.recentDocument(documentId);
        if (raw === undefined) say(message);
        else {
          const kept = await keepAside([{ message, data: raw, source: 'indexedDB', keys: [key] }]);
          update({ notices: [...view.notices, ...kept] });
        }
        if (!read.ok) {
          update({ recent: view.recent.filter((e) => e.documentId !== documentId) });
          void writeRecent(view.recent, [], [key]);
          return null;
        }
        // Moved aside with its unknown fields; what this build reads of it stays in Recent.
        void writeRecent(view.recent, [[key, read.value]], []);
      }
      const { text, encoding, original, snippet = false } = read.value;
      replaceDocument(
        { text, encoding, snippet, original, selected: entry.blocks > 0 ? 0 : null },
        {
          label: `Opened ${entry.name} from Recent`,
          announce: `Opened ${entry.name} from Recent. Undo brings back the document you had.`,
        },
        current,
        documentId,
      );
      return entry.name;
    },
    clearRecent() {
      const keys = new Set([...recentKeys, ...view.recent.map((e) => KEYS.recentDocument(e.documentId))]);
      rememberedHere.clear();
      update({ recent: [] });
      void writeRecent([], [], [...keys]);
    },
    deleteAside(noticeId) {
      const key = view.notices.find((n) => n.id === noticeId)?.asideKey;
      update({
        notices: view.notices.filter((n) => n.id !== noticeId && (key === null || n.asideKey !== key)),
      });
      if (key && canWrite()) void enqueue(() => (db as DraftDb).write([], [key]));
    },
    dismiss(noticeId) {
      update({ notices: view.notices.filter((n) => n.id !== noticeId) });
    },
    async takeOver() {
      await tab.takeOver();
      await editable;
    },
    flush,
    stop() {
      clearTimeout(timer);
      unsubscribeStore();
      unsubscribeRole();
      unsubscribeSaved();
      window.removeEventListener('pagehide', onPageHide);
      document.removeEventListener('visibilitychange', onHidden);
    },
  };
}
