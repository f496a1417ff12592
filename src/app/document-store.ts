import type { TextEncoding } from '../core/model/types';

/** The file the admin imported, kept so export can be compared with it and the import can be undone. */
export interface ImportedOriginal {
  name: string;
  text: string;
  encoding: TextEncoding;
}

/** What one undo step restores. Everything else (blocks, diagnostics, XML) is derived from it. */
export interface DocumentSnapshot {
  text: string;
  encoding: TextEncoding;
  /** The admin gave the text as a snippet to paste into an ossec.conf, not as a whole file (DESIGN §2). */
  snippet: boolean;
  original: ImportedOriginal | null;
  /** The block selected in this state: undo and redo bring the selection back with the text. */
  selected?: number | null;
  /** What produced this state, so undoing it can say what was undone. */
  label?: string;
  /**
   * Which document this is: edits keep it, "New", an import or opening a recent document change it. The
   * Recent list keeps one entry per document, and undo across "New" brings the old document's identity back.
   */
  documentId: string;
}

/** A snapshot before it has an identity: the store gives it a fresh one. */
export type SnapshotInput = Omit<DocumentSnapshot, 'documentId'> & { documentId?: string };

export function newDocumentId(): string {
  return (
    globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`
  );
}

export type RoleChoice = 'auto' | 'manager' | 'agent';

export interface DocumentState {
  present: DocumentSnapshot;
  past: DocumentSnapshot[];
  future: DocumentSnapshot[];
  target: string;
  role: RoleChoice;
  /** Describes the last change, for the status bar and for screen readers. */
  lastChange: string;
  /** Counts commits, undos and redos, so the page can announce each one even when two read alike. */
  changes: number;
  /** Another tab edits the stored draft: this one shows the document but changes nothing. */
  readOnly: boolean;
}

/** What a stored draft brings back: the document, its undo history and the target it was checked against. */
export type RestoredState = Pick<DocumentState, 'present' | 'past' | 'future' | 'target' | 'role'>;

export interface CommitOptions {
  label: string;
  /**
   * Edits with the same key that follow each other within the burst window become one undo step, so
   * typing "600" into a field is undone at once rather than a digit at a time.
   */
  coalesceKey?: string;
  /** What the status bar says about this change, when it says more than the label. */
  announce?: string;
}

export const HISTORY_LIMIT = 200;
/** Characters of text the undo history may hold: a 2 MB file still gets a useful history without exhausting memory. */
export const HISTORY_CHARS = 64_000_000;
export const BURST_MS = 1000;

type Listener = () => void;

export interface DocumentStore {
  getState(): DocumentState;
  subscribe(listener: Listener): () => void;
  commit(next: Partial<DocumentSnapshot>, options: CommitOptions): void;
  undo(): void;
  redo(): void;
  /** Select a block; not an undo step, but remembered with the state it was made in. */
  select(index: number | null): void;
  setTarget(target: string): void;
  setRole(role: RoleChoice): void;
  /** Puts a whole stored state in place (another tab's latest draft); the history comes with it. */
  replace(next: RestoredState, label: string): void;
  setReadOnly(readOnly: boolean): void;
}

/** Drops the oldest steps beyond the step and size limits, always keeping the most recent one. */
function trim(past: DocumentSnapshot[]): DocumentSnapshot[] {
  let kept = past.slice(-HISTORY_LIMIT);
  let chars = kept.reduce((n, s) => n + s.text.length, 0);
  while (kept.length > 1 && chars > HISTORY_CHARS) {
    chars -= kept[0].text.length;
    kept = kept.slice(1);
  }
  return kept;
}

export function createDocumentStore(
  initial: Omit<RestoredState, 'present' | 'past' | 'future'> & {
    present: SnapshotInput;
    past?: DocumentSnapshot[];
    future?: DocumentSnapshot[];
  },
  now: () => number = Date.now,
): DocumentStore {
  let state: DocumentState = {
    target: initial.target,
    role: initial.role,
    present: { ...initial.present, documentId: initial.present.documentId ?? newDocumentId() },
    past: trim(initial.past ?? []),
    future: (initial.future ?? []).slice(0, HISTORY_LIMIT),
    lastChange: '',
    changes: 0,
    readOnly: false,
  };
  let burst: { key: string; at: number } | null = null;
  const listeners = new Set<Listener>();

  const set = (next: DocumentState) => {
    state = next;
    for (const listener of listeners) listener();
  };

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    commit(next, { label, coalesceKey, announce }) {
      if (state.readOnly) return;
      const present = { ...state.present, ...next, label };
      if (
        present.text === state.present.text &&
        present.encoding === state.present.encoding &&
        present.snippet === state.present.snippet &&
        present.original === state.present.original &&
        present.documentId === state.present.documentId
      ) {
        return;
      }
      const at = now();
      const continues =
        coalesceKey !== undefined &&
        burst?.key === coalesceKey &&
        at - burst.at <= BURST_MS &&
        state.past.length > 0;
      burst = coalesceKey === undefined ? null : { key: coalesceKey, at };
      const past = continues ? state.past : trim([...state.past, state.present]);
      set({ ...state, present, past, future: [], lastChange: announce ?? label, changes: state.changes + 1 });
    },
    undo() {
      const previous = state.past.at(-1);
      if (!previous || state.readOnly) return;
      burst = null;
      set({
        ...state,
        present: previous,
        past: state.past.slice(0, -1),
        future: [state.present, ...state.future],
        lastChange: state.present.label ? `Undid: ${state.present.label}` : 'Undid the last change',
        changes: state.changes + 1,
      });
    },
    redo() {
      const [next, ...rest] = state.future;
      if (!next || state.readOnly) return;
      burst = null;
      set({
        ...state,
        present: next,
        past: [...state.past, state.present],
        future: rest,
        lastChange: next.label ? `Redid: ${next.label}` : 'Redid the change',
        changes: state.changes + 1,
      });
    },
    select(index) {
      if (index !== (state.present.selected ?? null)) {
        set({ ...state, present: { ...state.present, selected: index } });
      }
    },
    setTarget(target) {
      if (target !== state.target && !state.readOnly) set({ ...state, target });
    },
    setRole(role) {
      if (role !== state.role && !state.readOnly) set({ ...state, role });
    },
    replace(next, label) {
      burst = null;
      set({ ...state, ...next, past: trim(next.past), lastChange: label, changes: state.changes + 1 });
    },
    setReadOnly(readOnly) {
      if (readOnly !== state.readOnly) set({ ...state, readOnly });
    },
  };
}
