import { type ConfigDocument, EditError, type InsertTextOptions, insertBlocksText } from '../core';
import type { DocumentPipeline } from './document-pipeline';
import type { DocumentState, DocumentStore } from './document-store';

export const READ_ONLY_STATUS = 'This tab is read-only while another tab edits the draft.';

/** The selected block: a fresh document starts on its first one; after that the store remembers it per state. */
export function selectedBlock(state: DocumentState, doc: ConfigDocument): number | null {
  const { selected } = state.present;
  return selected === undefined ? (doc.blocks.length > 0 ? 0 : null) : selected;
}

type EditResult = ConfigDocument | { doc: ConfigDocument; index: number };

export interface EditOptions {
  coalesceKey?: string;
  /** Where the selection goes; else to the block the edit created, else it stays. */
  selectAfter?: number | null;
  /** The edit cannot change which responses form agent groups (see DocumentPipeline.adopt). */
  groupsKept?: boolean;
}

export type EditOutcome = { doc: ConfigDocument; index: number | null } | { refused: string };

/**
 * Applies a document edit to the document on screen as one undo step: the pipeline takes the edited
 * document as it is, and the store the text.
 */
export function applyEdit(
  store: DocumentStore,
  pipeline: DocumentPipeline,
  change: (doc: ConfigDocument) => EditResult,
  label: string,
  options: EditOptions = {},
): EditOutcome {
  const state = store.getState();
  if (state.readOnly) return { refused: READ_ONLY_STATUS };
  const { doc } = pipeline.getView();
  try {
    const result = change(doc);
    const next = 'index' in result ? result.doc : result;
    const index = 'index' in result ? result.index : null;
    pipeline.adopt(next, { groupsKept: options.groupsKept });
    const after =
      options.selectAfter !== undefined ? options.selectAfter : (index ?? selectedBlock(state, doc));
    store.commit(
      { text: next.text, snippet: next.snippet, selected: after },
      { label, coalesceKey: options.coalesceKey },
    );
    return { doc: next, index };
  } catch (error) {
    return {
      refused: error instanceof EditError ? error.message : `Could not apply the edit: ${String(error)}`,
    };
  }
}

/** Adds blocks given as text (a template, an imported fragment), saying which commands it reused. */
export function insertFragment(
  store: DocumentStore,
  pipeline: DocumentPipeline,
  fragment: string,
  label: string,
  options?: InsertTextOptions,
): void {
  const state = store.getState();
  const { doc } = pipeline.getView();
  const { doc: next, index, reused } = insertBlocksText(doc, fragment, options);
  pipeline.adopt(next);
  store.commit(
    { text: next.text, snippet: next.snippet, selected: index >= 0 ? index : selectedBlock(state, doc) },
    {
      label,
      announce: reused.length > 0 ? `${label}, using the ${reused.join(', ')} already defined.` : undefined,
    },
  );
}
