import type { DocumentStore } from './document-store';
import { saveDraft } from './draft-storage';

export const SAVE_DELAY_MS = 250;
/** A large draft costs tens of milliseconds to serialise; while typing in it, save on pauses only. */
const LARGE_DRAFT = 200_000;
const LARGE_SAVE_DELAY_MS = 1500;

/**
 * Saves the draft shortly after each change and at once when the page is hidden or closed, so a reload
 * or a crash loses at most the last keystrokes. Reports whether the last save worked.
 */
export function startAutosave(
  store: DocumentStore,
  storage: Storage | undefined,
  onResult: (problem: string | null) => void,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let saved = store.getState();

  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    const state = store.getState();
    if (state.present === saved.present && state.target === saved.target && state.role === saved.role) return;
    saved = state;
    onResult(saveDraft(storage, { snapshot: state.present, target: state.target, role: state.role }));
  };

  const unsubscribe = store.subscribe(() => {
    clearTimeout(timer);
    timer = setTimeout(
      flush,
      store.getState().present.text.length > LARGE_DRAFT ? LARGE_SAVE_DELAY_MS : SAVE_DELAY_MS,
    );
  });
  window.addEventListener('pagehide', flush);
  const onHidden = () => {
    if (document.visibilityState === 'hidden') flush();
  };
  document.addEventListener('visibilitychange', onHidden);

  return () => {
    flush();
    unsubscribe();
    window.removeEventListener('pagehide', flush);
    document.removeEventListener('visibilitychange', onHidden);
  };
}
