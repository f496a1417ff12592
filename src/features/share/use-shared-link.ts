import { useCallback, useEffect, useState } from 'react';
import { decodeShareFragment, isShareFragment, type SharedRead } from '../../core';

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
      if (!isShareFragment(hash)) return;
      void decodeShareFragment(hash).then((result) => {
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
