import type { DocumentSnapshot, ImportedOriginal, RestoredState } from '../document-store';
import { type DraftMeta, FORMAT_VERSION, KEYS, type Step, type StoredLayout } from './draft-format';
import { textDelta } from './text-delta';

/**
 * The record of a stored step with the same text as `snapshot`: a selection change makes a new snapshot
 * object but needs no new text record. Texts are compared by reference first, so this stays cheap.
 */
function storedWithSameText(stored: StoredLayout, snapshot: DocumentSnapshot): number | undefined {
  for (const [other, id] of stored.snapshotIds) {
    if (
      other.text === snapshot.text &&
      other.encoding === snapshot.encoding &&
      other.snippet === snapshot.snippet &&
      other.original === snapshot.original &&
      other.documentId === snapshot.documentId
    ) {
      return id;
    }
  }
  return undefined;
}

export interface SavePlan {
  puts: Array<[string, unknown]>;
  deletes: string[];
  /** The layout once the plan is written. */
  layout: StoredLayout;
}

/**
 * The records to write and delete so storage holds `state`. The present is stored in full, each undo
 * step as a delta against its newer neighbour and each redo step against its older one; a record already
 * stored against the same neighbour is left alone. A keystroke thus writes the present, the previous
 * present as a small delta and the draft record, whatever the length of the history.
 */
export function planSave(
  state: RestoredState,
  stored: StoredLayout,
  nextId: () => number,
  savedAt: string,
): SavePlan {
  const layout: StoredLayout = {
    snapshotIds: new Map(),
    bases: new Map(),
    originalIds: new Map(),
    storedOriginals: new Set(),
  };
  const puts: SavePlan['puts'] = [];
  const idOf = (snapshot: DocumentSnapshot) => {
    let id = stored.snapshotIds.get(snapshot) ?? storedWithSameText(stored, snapshot);
    // A record stands for one step: the same text twice in the history (typed, then deleted) gets two.
    if (id === undefined || layout.bases.has(id)) id = nextId();
    layout.snapshotIds.set(snapshot, id);
    return id;
  };
  const originalId = (original: ImportedOriginal | null): number | null => {
    if (!original) return null;
    let id = layout.originalIds.get(original) ?? stored.originalIds.get(original);
    if (id === undefined) id = nextId();
    layout.originalIds.set(original, id);
    if (!layout.storedOriginals.has(id)) {
      layout.storedOriginals.add(id);
      if (!stored.storedOriginals.has(id))
        puts.push([KEYS.original(id), { version: FORMAT_VERSION, ...original }]);
    }
    return id;
  };
  const place = (snapshot: DocumentSnapshot, base: { id: number; text: string } | null): Step => {
    const id = idOf(snapshot);
    const baseId = base?.id ?? null;
    layout.bases.set(id, baseId);
    const head = {
      version: FORMAT_VERSION,
      documentId: snapshot.documentId,
      encoding: snapshot.encoding,
      ...(snapshot.snippet && { snippet: true }),
      original: originalId(snapshot.original),
    };
    if (stored.bases.get(id) !== baseId) {
      puts.push([
        KEYS.snapshot(id),
        base
          ? { ...head, base: base.id, ...textDelta(base.text, snapshot.text) }
          : { ...head, text: snapshot.text },
      ]);
    }
    return {
      id,
      ...(snapshot.selected !== undefined && { selected: snapshot.selected }),
      ...(snapshot.label !== undefined && { label: snapshot.label }),
    };
  };
  const chain = (steps: DocumentSnapshot[], start: { id: number; text: string }): Step[] => {
    let neighbour = start;
    return steps.map((snapshot) => {
      const step = place(snapshot, neighbour);
      neighbour = { id: step.id, text: snapshot.text };
      return step;
    });
  };

  const present = place(state.present, null);
  const start = { id: present.id, text: state.present.text };
  const meta: DraftMeta = {
    version: FORMAT_VERSION,
    savedAt,
    target: state.target,
    role: state.role,
    present,
    past: chain(state.past.toReversed(), start).reverse(),
    future: chain(state.future, start),
  };
  puts.push([KEYS.draft, meta]);
  const deletes = [
    ...[...stored.bases.keys()].filter((id) => !layout.bases.has(id)).map(KEYS.snapshot),
    ...[...stored.storedOriginals].filter((id) => !layout.storedOriginals.has(id)).map(KEYS.original),
  ];
  return { puts, deletes, layout };
}
