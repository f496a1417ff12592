import { useEffect } from 'react';
import type { DocumentStore } from './document-store';

const TEXT_ENTRY = 'input, textarea, select, [contenteditable]';

/**
 * Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z (and Ctrl+Y) undo and redo the document everywhere on the page —
 * form fields and the XML view included — so there is one history rather than one per control. In a
 * dialog's text box (the paste box) the browser's own undo is left alone; elsewhere in a dialog (a revert
 * in the diff view) the keys undo the document.
 */
export function useHistoryKeys(store: DocumentStore): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const { target } = event;
      if (target instanceof Element && target.closest('dialog') && target.matches(TEXT_ENTRY)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        store.undo();
      } else if ((key === 'z' && event.shiftKey) || (key === 'y' && !event.shiftKey)) {
        event.preventDefault();
        store.redo();
      }
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, [store]);
}
