import type { DocumentSnapshot, ImportedOriginal, RestoredState } from '../document-store';
import { storageTrouble } from './draft-db';
import {
  type CopiedOriginal,
  EMERGENCY_COPY_KEY,
  type EmergencyCopy,
  type EmergencyMissed,
  FORMAT_VERSION,
  readEmergencyRecord,
} from './draft-format';

/**
 * The emergency copy: when the page is hidden or closed with a change IndexedDB has not stored yet, the
 * editing tab writes the document on screen to localStorage, synchronously (an IndexedDB write started
 * then may never finish). The next load takes it when it is newer than the IndexedDB draft, stores it there
 * and removes it.
 */
export type LocalStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export type CopyWritten = { ok: true } | { ok: false; size: number; reason: string };

function sameOriginal(a: ImportedOriginal | null, b: ImportedOriginal | null): boolean {
  return (
    a === b ||
    (a !== null && b !== null && a.name === b.name && a.encoding === b.encoding && a.text === b.text)
  );
}

/** Whether two states of the history hold the same document (the selection and label aside). */
export function sameDocument(a: DocumentSnapshot, b: DocumentSnapshot): boolean {
  return (
    a.documentId === b.documentId &&
    a.text === b.text &&
    a.encoding === b.encoding &&
    a.snippet === b.snippet &&
    sameOriginal(a.original, b.original)
  );
}

function copiedOriginal(
  present: DocumentSnapshot,
  storedOriginal: (original: ImportedOriginal) => number | undefined,
): CopiedOriginal | null {
  const { original } = present;
  if (!original) return null;
  if (original.text === present.text && original.encoding === present.encoding) {
    return { name: original.name, encoding: original.encoding, sameAsText: true };
  }
  const stored = storedOriginal(original);
  return stored === undefined ? { ...original } : { stored };
}

/**
 * Writes the emergency copy of `state`, and never throws. When the copy does not fit in localStorage, a
 * short note takes its place so that the next load can say what was lost, unless `keepEarlier`: an earlier
 * copy of this tab, not yet in IndexedDB, is then worth more than the note.
 */
export function writeEmergencyCopy(
  storage: LocalStore,
  state: RestoredState,
  options: {
    savedAt: string;
    /** The IndexedDB record that holds this imported file already, if one does. */
    storedOriginal: (original: ImportedOriginal) => number | undefined;
    keepEarlier: boolean;
  },
): CopyWritten {
  const { present } = state;
  const copy: EmergencyCopy = {
    version: FORMAT_VERSION,
    savedAt: options.savedAt,
    target: state.target,
    role: state.role,
    documentId: present.documentId,
    text: present.text,
    encoding: present.encoding,
    ...(present.snippet && { snippet: true }),
    original: copiedOriginal(present, options.storedOriginal),
    ...(present.selected !== undefined && { selected: present.selected }),
    ...(present.label !== undefined && { label: present.label }),
  };
  const json = JSON.stringify(copy);
  try {
    storage.setItem(EMERGENCY_COPY_KEY, json);
    return { ok: true };
  } catch (error) {
    const full = error instanceof DOMException && error.name === 'QuotaExceededError';
    const reason = full
      ? 'it is larger than the browser lets a page keep in localStorage'
      : storageTrouble(error);
    if (!options.keepEarlier) {
      const note: EmergencyMissed = {
        version: FORMAT_VERSION,
        savedAt: options.savedAt,
        missed: { documentId: present.documentId, size: json.length, reason },
      };
      try {
        storage.setItem(EMERGENCY_COPY_KEY, JSON.stringify(note));
      } catch {
        // Storage refuses even a few bytes: there is nothing left to tell the next load with.
      }
    }
    return { ok: false, size: json.length, reason };
  }
}

export type CopyFound =
  | { kind: 'copy'; copy: EmergencyCopy; unknownFields: string[]; stored: string }
  | { kind: 'missed'; missed: EmergencyMissed }
  | { kind: 'unreadable'; reason: string; stored: string }
  | { kind: 'unavailable'; reason: string };

/** What localStorage holds in place of the emergency copy, or null when it holds nothing. */
export function readEmergencyCopy(storage: LocalStore): CopyFound | null {
  let stored: string | null;
  try {
    stored = storage.getItem(EMERGENCY_COPY_KEY);
  } catch (error) {
    return { kind: 'unavailable', reason: storageTrouble(error) };
  }
  if (stored === null) return null;
  const read = readEmergencyRecord(stored);
  if (!read.ok) return { kind: 'unreadable', reason: read.reason, stored };
  return 'missed' in read.value
    ? { kind: 'missed', missed: read.value }
    : { kind: 'copy', copy: read.value, unknownFields: read.unknownFields, stored };
}

/** Removes the emergency copy; one that stays is taken again by the next load, so a failure costs nothing. */
export function removeEmergencyCopy(storage: LocalStore | null): void {
  try {
    storage?.removeItem(EMERGENCY_COPY_KEY);
  } catch {
    // Left in place: the next load finds it older than the draft, and removes it then.
  }
}

/**
 * The document an emergency copy holds. `storedOriginal` reads the imported file from the draft's records
 * when the copy refers to one; `originalLost` says that record was gone.
 */
export function copiedDocument(
  copy: EmergencyCopy,
  storedOriginal: (id: number) => ImportedOriginal | null,
): { snapshot: DocumentSnapshot; originalLost: boolean } {
  const from = copy.original;
  let original: ImportedOriginal | null = null;
  if (from && 'sameAsText' in from) original = { name: from.name, encoding: from.encoding, text: copy.text };
  else if (from && 'stored' in from) original = storedOriginal(from.stored);
  else if (from) original = { name: from.name, encoding: from.encoding, text: from.text };
  return {
    snapshot: {
      text: copy.text,
      encoding: copy.encoding,
      snippet: copy.snippet ?? false,
      original,
      documentId: copy.documentId,
      ...(copy.selected !== undefined && { selected: copy.selected }),
      ...(copy.label !== undefined && { label: copy.label }),
    },
    originalLost: from !== null && original === null,
  };
}

export type CopyOutcome =
  /** The copy is newer: `state` is what the page shows; `replaced` is the stored document it replaced, for Recent. */
  | { use: 'copy'; state: RestoredState; replaced: DocumentSnapshot | null }
  /** The stored draft is newer: `keep` is what only the copy holds, for Recent (null when the draft has it too). */
  | { use: 'draft'; keep: DocumentSnapshot | null };

function time(iso: string | null): number {
  const at = iso === null ? Number.NaN : Date.parse(iso);
  return Number.isNaN(at) ? Number.NEGATIVE_INFINITY : at;
}

/** Whether what localStorage holds was taken before the stored draft (an unreadable time counts as oldest). */
export function takenBefore(copySavedAt: string, draftSavedAt: string | null): boolean {
  return time(copySavedAt) < time(draftSavedAt);
}

/**
 * Weighs an emergency copy against the stored draft by when each was taken. A newer copy becomes the
 * present of the stored history: where that history holds the same document (an undo or redo after the
 * last save), the history moves there; otherwise the copy is one step after the stored present, so undo
 * still goes back through everything stored.
 */
export function weighCopy(
  draft: { state: RestoredState; savedAt: string | null } | null,
  copy: { snapshot: DocumentSnapshot; savedAt: string; target: string; role: RestoredState['role'] },
): CopyOutcome {
  const { snapshot } = copy;
  if (!draft) {
    return {
      use: 'copy',
      state: { present: snapshot, past: [], future: [], target: copy.target, role: copy.role },
      replaced: null,
    };
  }
  const { present, past, future } = draft.state;
  const history = [...past, present, ...future];
  const at = past.length;
  // The same document nearest the stored present, should it appear more than once.
  const candidates = history.map((_, i) => i).sort((a, b) => Math.abs(a - at) - Math.abs(b - at));
  const found = candidates.find((i) => sameDocument(history[i], snapshot));
  if (takenBefore(copy.savedAt, draft.savedAt)) {
    return { use: 'draft', keep: found === undefined ? snapshot : null };
  }
  const state: RestoredState =
    found === undefined
      ? { present: snapshot, past: [...past, present], future: [], target: copy.target, role: copy.role }
      : {
          present: {
            ...history[found],
            ...(snapshot.selected !== undefined && { selected: snapshot.selected }),
          },
          past: history.slice(0, found),
          future: history.slice(found + 1),
          target: copy.target,
          role: copy.role,
        };
  const replaced = present.documentId !== snapshot.documentId && present.text !== '' ? present : null;
  return { use: 'copy', state, replaced };
}
