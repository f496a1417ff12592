import { blockTitle, type ConfigDocument, formatSize, readDocument } from '../../core';
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
  EMERGENCY_COPY_KEY,
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
  readOriginalRecord,
  readRecentDocument,
  readRecentIndex,
} from './draft-format';
import {
  type CopyOutcome,
  copiedDocument,
  type LocalStore,
  readEmergencyCopy,
  removeEmergencyCopy,
  takenBefore,
  weighCopy,
  writeEmergencyCopy,
} from './emergency-copy';
import { planSave } from './save-plan';
import { createSaveTimer } from './save-timer';
import type { TabChange, TabLock, TabRole } from './tab-lock';

/** The pause after a change before the draft is saved, when no other change follows. */
export const SAVE_PAUSE_MS = 250;
/** The longest a change waits to be saved, however busy the admin is (a crash loses at most this much). */
export const SAVE_MAX_WAIT_MS = 1000;
/** A large draft costs a few milliseconds to hand to IndexedDB: while typing in it, save once a second. */
const LARGE_DRAFT = 200_000;
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
  /**
   * The page's localStorage: where the first builds kept the draft (read once, cleared once it is in
   * IndexedDB) and where the editing tab keeps its emergency copy as the page is hidden or closed.
   */
  local: LocalStore | null;
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
   * IndexedDB records that hold it, `localKey` the localStorage entry (each removed once the move is done).
   */
  unreadable: Unreadable[];
  problems: string[];
  /** What to make of the emergency copy found in localStorage, if there was one. */
  copy: FoundCopy | null;
  legacy: { stored: string; read: DraftRead | null } | null;
  maxId: number;
  /** Why storage cannot be used at all in this tab, if it cannot. */
  broken: string | null;
}

interface Unreadable {
  message: string;
  data: unknown;
  source: 'localStorage' | 'indexedDB';
  keys: string[];
  localKey?: string;
}

type FoundCopy =
  | (CopyOutcome & { kind: 'weighed'; savedAt: string })
  /** The copy did not fit when the page closed; `newer` when that was after the stored draft was taken. */
  | { kind: 'missed'; newer: boolean; size: number; reason: string }
  /** Unreadable: kept aside like any unreadable stored data (see `unreadable`), then removed. */
  | { kind: 'kept aside' };

/** The state a load puts on screen: the emergency copy when it is the newer, else the stored draft. */
function shown(found: Loaded): RestoredState | null {
  return found.copy?.kind === 'weighed' && found.copy.use === 'copy'
    ? found.copy.state
    : (found.draft?.restored ?? null);
}

function idOf(key: string, prefix: string): number | null {
  if (!key.startsWith(prefix)) return null;
  const n = Number(key.slice(prefix.length));
  return Number.isInteger(n) && n >= 0 ? n : null;
}

function asObject(map: Map<number, unknown>): Record<string, unknown> {
  return Object.fromEntries([...map].map(([k, v]) => [String(k), v]));
}

function readLegacy(legacy: LocalStore | null): {
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

/**
 * Reads what storage holds. `local` is read only by a tab that is to edit: the legacy draft and the
 * emergency copy are for the editing tab to take.
 */
async function load(db: DraftDb | null, local: LocalStore | null, unavailable?: string): Promise<Loaded> {
  const loaded: Loaded = {
    draft: null,
    draftRaw: undefined,
    recent: [],
    recentKeys: [],
    asides: [],
    unreadable: [],
    problems: [],
    copy: null,
    legacy: null,
    maxId: -1,
    broken: null,
  };
  const found = local ? readEmergencyCopy(local) : null;
  const old = readLegacy(local);
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
  let originals = new Map<number, unknown>();
  if (!db) {
    loaded.broken =
      unavailable ??
      'this browser gives the page no storage (IndexedDB is unavailable, as in some private modes)';
    weighFoundCopy(loaded, found, originals);
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
    originals = new Map(
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
  weighFoundCopy(loaded, found, originals);
  return loaded;
}

/** Decides what the emergency copy found in localStorage becomes, against the draft this load read. */
function weighFoundCopy(
  loaded: Loaded,
  found: ReturnType<typeof readEmergencyCopy>,
  originals: Map<number, unknown>,
): void {
  if (found === null) return;
  const draft = loaded.draft?.restored
    ? { state: loaded.draft.restored, savedAt: loaded.draft.savedAt }
    : null;
  const when = (iso: string) => new Date(iso).toLocaleString();
  switch (found.kind) {
    case 'unavailable':
      loaded.problems.push(`The copy of your last changes could not be read: ${found.reason}.`);
      return;
    case 'unreadable':
      loaded.unreadable.push({
        message: `The copy of your last changes, made as the page closed, could not be read: ${found.reason}.`,
        data: found.stored,
        source: 'localStorage',
        keys: [],
        localKey: EMERGENCY_COPY_KEY,
      });
      loaded.copy = { kind: 'kept aside' };
      return;
    case 'missed': {
      const { savedAt, missed } = found.missed;
      const newer = draft === null || !takenBefore(savedAt, draft.savedAt);
      loaded.copy = { kind: 'missed', newer, size: missed.size, reason: missed.reason };
      return;
    }
    case 'copy': {
      const { copy, unknownFields } = found;
      // The imported file, when the copy refers to the draft's record of it: the same object as the
      // draft's when it is one of its own, so the next save does not store it again.
      const storedOriginal = (id: number) => {
        for (const [original, stored] of loaded.draft?.layout.originalIds ?? []) {
          if (stored === id) return original;
        }
        return readOriginalRecord(originals.get(id));
      };
      const { snapshot, originalLost } = copiedDocument(copy, storedOriginal);
      const outcome = weighCopy(draft, {
        snapshot,
        savedAt: copy.savedAt,
        target: copy.target,
        role: copy.role,
      });
      loaded.copy = { kind: 'weighed', savedAt: copy.savedAt, ...outcome };
      if (originalLost && outcome.use === 'copy') {
        loaded.problems.push(
          `Your last changes (${when(copy.savedAt)}) are restored without the imported file they were compared with: it is no longer stored.`,
        );
      }
      if (unknownFields.length > 0) {
        loaded.unreadable.push({
          message: `The copy of your last changes holds data this version of AR Studio does not know (${unknownFields.join(', ')}); it is restored without it.`,
          data: found.stored,
          source: 'localStorage',
          keys: [],
          localKey: EMERGENCY_COPY_KEY,
        });
      }
    }
  }
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
  const { db, local, tab } = options;
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
  /** The state storage is known to hold: the last one whose write finished. */
  let stored: RestoredState | null = null;
  /** Counts the store's changes, so a save can tell whether it covers the emergency copy. */
  let changes = 0;
  /** The change the emergency copy in localStorage holds, while IndexedDB does not hold it yet. */
  let copied: number | null = null;
  /** The change an emergency copy could not be written for, and why (said with each save until one fits). */
  let copyFailed: { at: number; note: string } | null = null;
  /** The save waiting for the one under way: it takes the latest state when it starts. */
  let queued: Promise<void> | null = null;

  const canWrite = () => db !== null && blocked === null && tab.role() === 'editing';
  /** Writes run one after another, so a later save never lands before an earlier one. */
  const enqueue = (work: () => Promise<void>): Promise<void> => {
    const next = writing.then(work);
    writing = next.catch(() => {});
    return next;
  };

  const loaded = await load(db, tab.role() === 'editing' ? local : null, options.unavailable);
  const fromLegacy = loaded.draft?.restored ? null : (loaded.legacy?.read?.restored ?? null);
  const store = createDocumentStore(
    shown(loaded) ?? fromLegacy ?? emptyState(options.defaultTarget),
    options.clock,
  );

  const same = (s: RestoredState, other: RestoredState | null) =>
    other !== null &&
    s.present === other.present &&
    s.past === other.past &&
    s.future === other.future &&
    s.target === other.target &&
    s.role === other.role;
  const sameAsSaved = (s: RestoredState) => same(s, saved);

  const settled = (): SaveState =>
    blocked
      ? { kind: 'off', reason: blocked }
      : tab.role() !== 'editing'
        ? { kind: 'off', reason: READ_ONLY }
        : { kind: 'saved', note: copyFailed?.note ?? null };

  const removeCopy = () => {
    removeEmergencyCopy(local);
    copied = null;
  };

  const write = async (plan: ReturnType<typeof planSave>) => {
    await (db as DraftDb).write(plan.puts, plan.deletes);
    layout = plan.layout;
  };

  /** `at` is the change `state` was taken at: once it is stored, an emergency copy of it or before is not needed. */
  const writeDraft = async (state: RestoredState, at: number) => {
    const savedAt = now().toISOString();
    const done = () => {
      stored = state;
      if (copied !== null && copied <= at) removeCopy();
      tab.announceSaved();
    };
    try {
      await write(planSave(state, layout, nextId, savedAt));
      done();
      if (sameAsSaved(store.getState())) update({ save: settled() });
    } catch (error) {
      const full = error instanceof DOMException && error.name === 'QuotaExceededError';
      if (full && state.past.length + state.future.length > 0) {
        // A full disk should cost the undo history, not the document.
        try {
          await write(planSave({ ...state, past: [], future: [] }, layout, nextId, savedAt));
          done();
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

  const flush = (): Promise<void> => {
    timer.cancel();
    if (!canWrite() || sameAsSaved(store.getState())) return writing.then(() => {});
    // Saves never pile up behind a slow one: one waits, and stores whatever is latest when it starts.
    queued ??= enqueue(async () => {
      queued = null;
      const state = store.getState();
      if (!canWrite() || sameAsSaved(state)) return;
      saved = state;
      await writeDraft(state, changes);
    });
    return queued;
  };
  const timer = createSaveTimer(() => void flush(), SAVE_MAX_WAIT_MS);
  tab.setFlush(flush);

  /**
   * As the page is hidden or closed: a change IndexedDB does not hold yet is copied to localStorage at
   * once, since the IndexedDB write the flush starts may be abandoned with the page.
   */
  const copyUnsaved = () => {
    const state = store.getState();
    if (!local || !canWrite() || same(state, stored) || copied === changes || copyFailed?.at === changes) {
      return;
    }
    const written = writeEmergencyCopy(local, state, {
      savedAt: now().toISOString(),
      storedOriginal: (original) => layout.originalIds.get(original),
      keepEarlier: copied !== null,
    });
    if (written.ok) {
      copied = changes;
      copyFailed = null;
      return;
    }
    copyFailed = {
      at: changes,
      note: `Draft saved, but the copy kept when the page closes failed (${written.reason}, ${formatSize(written.size)}): a reload right after a change may lose that change.`,
    };
    update({
      save: {
        kind: 'failed',
        reason: `The last change is not saved yet, and the copy kept when the page closes failed (${written.reason}, ${formatSize(written.size)}).`,
      },
    });
  };

  /**
   * Moves unreadable data to records of its own, which nothing but the admin's "Delete" ever removes, in
   * one transaction with removing it from where it was (so a later load does not find it again).
   */
  const keepAside = async (items: Unreadable[]): Promise<DraftNotice[]> => {
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
      for (const key of new Set(items.flatMap((item) => item.localKey ?? []))) {
        try {
          local?.removeItem(key);
        } catch {
          // Kept aside already: the next load keeps the same data aside once more, which loses nothing.
        }
      }
      return notices.map((n) => ({
        ...n,
        message: `${n.message} It is kept aside in this browser, where nothing writes over it.`,
      }));
    } catch (error) {
      blocked = `Unreadable stored data could not be kept aside (${storageTrouble(error)}), so this tab saves nothing rather than write over it. Download it from the message above.`;
      return notices.map((n) => ({ ...n, asideKey: null }));
    }
  };

  /** Resolves to whether Recent is stored. */
  const writeRecent = (
    entries: RecentEntry[],
    puts: Array<[string, unknown]>,
    deletes: string[],
  ): Promise<boolean> => {
    if (!canWrite()) return Promise.resolve(false);
    for (const [key] of puts) recentKeys.add(key);
    for (const key of deletes) recentKeys.delete(key);
    let ok = false;
    return enqueue(async () => {
      try {
        await (db as DraftDb).write([[KEYS.recent, { version: FORMAT_VERSION, entries }], ...puts], deletes);
        ok = true;
      } catch (error) {
        update({
          save: { kind: 'failed', reason: `Recent documents are not saved: ${storageTrouble(error)}.` },
        });
      }
    }).then(() => ok);
  };

  /**
   * Puts a document at the top of Recent, in place of its older entry; `doc` is what its text reads as.
   * Resolves to whether it is stored (an empty document is not kept).
   */
  const remember = (snapshot: DocumentSnapshot, doc: ConfigDocument): Promise<boolean> => {
    if (snapshot.text === '') return Promise.resolve(false);
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

  /**
   * Takes what a load found: keeps unreadable data aside, shows the notices, stores the emergency copy in
   * IndexedDB (or in Recent), moves a localStorage draft over.
   */
  const adopt = async (found: Loaded) => {
    recentKeys = new Set(found.recentKeys);
    layout = found.draft?.layout ?? emptyLayout();
    lastId = Math.max(lastId, found.maxId);
    // What is on screen came from storage (or is the empty start): nothing to write until it changes.
    saved = store.getState();
    stored = saved;
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
    await settleCopy(found.copy);

    // A draft of the first builds moves into IndexedDB: as the draft when it is what the page shows, into
    // Recent otherwise. The localStorage copy is removed only once that write is done.
    const old = found.legacy;
    if (!old || !canWrite()) return;
    const migrated = old.read?.restored;
    const onScreen = store.getState().present;
    if (migrated?.present.documentId === onScreen.documentId) {
      saved = null;
      await flush();
    } else if (migrated && migrated.present.text !== onScreen.text) {
      const { text, encoding, snippet } = migrated.present;
      await remember(migrated.present, readDocument(text, encoding, snippet));
    }
    if (canWrite() && view.save.kind !== 'failed') {
      try {
        local?.removeItem(LEGACY_DRAFT_KEY);
      } catch {
        // The copy stays in localStorage; the next load moves it again.
      }
    }
  };

  /** Stores what the emergency copy holds where it belongs, then removes it (it stays if that fails). */
  const settleCopy = async (copy: FoundCopy | null) => {
    if (!copy || copy.kind === 'kept aside' || !canWrite()) return;
    if (copy.kind === 'missed') {
      if (copy.newer) {
        say(
          `The page was closed right after a change that could not be kept (the copy of it, ${formatSize(copy.size)}, failed: ${copy.reason}). The draft is restored as it was last saved.`,
        );
      }
      removeCopy();
      return;
    }
    const read = (s: DocumentSnapshot) => readDocument(s.text, s.encoding, s.snippet);
    if (copy.use === 'copy') {
      // What is on screen is the copy: the next save stores it, and removes it once stored.
      copied = changes;
      saved = null;
      stored = null;
      await flush();
      if (copy.replaced) await remember(copy.replaced, read(copy.replaced));
      return;
    }
    if (copy.keep) {
      // Recent keeps one entry per document: the copy gets an identity of its own beside the draft's.
      const current = store.getState().present.documentId;
      const keep =
        copy.keep.documentId === current ? { ...copy.keep, documentId: newDocumentId() } : copy.keep;
      if (!(await remember(keep, read(keep)))) return;
      say(
        `Changes copied as the page closed on ${new Date(copy.savedAt).toLocaleString()} are older than the draft saved since; they are kept in Recent as “${recentName(keep, read(keep))}”.`,
      );
    }
    removeCopy();
  };

  const say = (message: string) =>
    update({
      notices: [
        ...view.notices,
        { id: `said:${Date.now()}:${view.notices.length}`, message, payload: null, asideKey: null },
      ],
    });

  /**
   * Puts the latest stored draft in place: when this tab starts editing (with what localStorage holds), or
   * to follow the editing tab.
   */
  const reload = async (toEdit: boolean) => {
    await writing;
    const found = await load(db, toEdit ? local : null);
    const restored = shown(found);
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
    timer.cancel();
    if (role === 'waiting') {
      // The tab that edits now takes any emergency copy this one left; it is no longer this tab's to remove.
      copied = null;
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
    changes++;
    const state = store.getState();
    if (!canWrite() || sameAsSaved(state)) return;
    if (view.save.kind !== 'pending') update({ save: { kind: 'pending' } });
    timer.changed(state.present.text.length > LARGE_DRAFT ? SAVE_MAX_WAIT_MS : SAVE_PAUSE_MS);
  });
  const onHidden = () => {
    if (document.visibilityState !== 'hidden') return;
    copyUnsaved();
    void flush();
  };
  const onPageHide = () => {
    copyUnsaved();
    void flush();
  };
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
      timer.cancel();
      unsubscribeStore();
      unsubscribeRole();
      unsubscribeSaved();
      window.removeEventListener('pagehide', onPageHide);
      document.removeEventListener('visibilitychange', onHidden);
    },
  };
}
