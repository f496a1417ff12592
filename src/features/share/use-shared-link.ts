import { useCallback, useEffect, useState } from 'react';
import type { SharedRead } from '../../core';

// Reading a link needs zod and the link format; loaded only when the address has a fragment, so pages
// opened without one never fetch them. (The module itself: the core's entry would bring all of the core.)
const shareLink = () => import('../../core/share/share-link');

/**
 * A draft in the page's address (`#share=…`), read when the page opens and whenever the fragment changes
 * (a link pasted into the address bar of an open page). `dismiss` takes the fragment out of the address
 * without a reload, so that reloading afterwards opens the saved draft and not the link again.
 */
export function useSharedLink(): { read: SharedRead | null; dismiss: () => void } {
  const [read, setRead] = useState<SharedRead | null>(null);

  useEffect(() => {
    let current = true;
    const check = () => {
      const { hash } = window.location;
      if (hash === '') return;
      void shareLink().then(async ({ isShareFragment, decodeShareFragment }) => {
        if (!isShareFragment(hash)) return;
        const result = await decodeShareFragment(hash);
        if (current) setRead(result);
      });
    };
    check();
    window.addEventListener('hashchange', check);
    return () => {
      current = false;
      window.removeEventListener('hashchange', check);
    };
  }, []);

  const dismiss = useCallback(() => {
    setRead(null);
    const { pathname, search } = window.location;
    window.history.replaceState(window.history.state, '', pathname + search);
  }, []);

  return { read, dismiss };
}
