import { type RefObject, useLayoutEffect, useState } from 'react';

/** The nearest ancestor that scrolls vertically, or the page's own scrolling element. */
function scrollParentOf(element: HTMLElement): HTMLElement {
  for (let parent = element.parentElement; parent; parent = parent.parentElement) {
    const { overflowY } = getComputedStyle(parent);
    if (overflowY === 'auto' || overflowY === 'scroll') return parent;
  }
  return (
    (element.ownerDocument.scrollingElement as HTMLElement | null) ?? element.ownerDocument.documentElement
  );
}

/**
 * For a virtual list that shares its scrolling box with other content (a form above it, a section below):
 * that box, and where the list starts in it, in pixels from the top of its content. Measured after each
 * render, so a form above that grows or shrinks moves the list's rows with it.
 */
export function useScrollParent(list: RefObject<HTMLElement | null>): {
  scroller: HTMLElement | null;
  offset: number;
} {
  const [found, setFound] = useState<{ scroller: HTMLElement | null; offset: number }>({
    scroller: null,
    offset: 0,
  });
  useLayoutEffect(() => {
    const element = list.current;
    if (!element) return;
    const scroller = scrollParentOf(element);
    const offset = Math.round(
      element.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop,
    );
    if (scroller !== found.scroller || offset !== found.offset) setFound({ scroller, offset });
  });
  return found;
}
