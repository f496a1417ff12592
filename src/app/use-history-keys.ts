import { useEffect } from 'react';
import type { DocumentStore } from './document-store';

/**
 * Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z (and Ctrl+Y) undo and redo the document everywhere on the page —
 * form fields and the XML view included — so there is one history rather than one per control. Inside a
 * dialog (the paste box) the browser's own undo is left alone.
 */
export function useHistoryKeys(store: DocumentStore): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      if (event.target instanceof Element && event.target.closest('dialog')) return;
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
