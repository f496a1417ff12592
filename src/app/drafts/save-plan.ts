import type { DocumentSnapshot, ImportedOriginal, RestoredState } from '../document-store';
import { type DraftMeta, FORMAT_VERSION, KEYS, type StoredLayout } from './draft-format';
import { textDelta } from './text-delta';

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
    let id = layout.snapshotIds.get(snapshot) ?? stored.snapshotIds.get(snapshot);
    // One object stands for one step; the same step twice in the history (never made by the store) gets two records.
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
  const place = (snapshot: DocumentSnapshot, base: { id: number; text: string } | null): number => {
    const id = idOf(snapshot);
    const baseId = base?.id ?? null;
    layout.bases.set(id, baseId);
    const head = {
      version: FORMAT_VERSION,
      documentId: snapshot.documentId,
      encoding: snapshot.encoding,
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
    return id;
  };
  const chain = (steps: DocumentSnapshot[], start: { id: number; text: string }): number[] => {
    let neighbour = start;
    return steps.map((step) => {
      const id = place(step, neighbour);
      neighbour = { id, text: step.text };
      return id;
    });
  };

  const presentId = place(state.present, null);
  const start = { id: presentId, text: state.present.text };
  const meta: DraftMeta = {
    version: FORMAT_VERSION,
    savedAt,
    target: state.target,
    role: state.role,
    present: presentId,
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
