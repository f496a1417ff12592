import { defaultRangeExtractor, type Range } from '@tanstack/react-virtual';
import { type FocusEvent, useCallback, useState } from 'react';

/**
 * The rows a virtual list renders: those in view (plus overscan) and the given ones wherever they are, so
 * the row that holds the keyboard focus (or is the list's one tab stop) never leaves the DOM and the focus
 * is not dropped to the page when it scrolls out of view.
 */
export function rangeKeeping(kept: readonly number[]): (range: Range) => number[] {
  return (range) => {
    const rows = defaultRangeExtractor(range);
    const extra = kept.filter((index) => index >= 0 && index < range.count && !rows.includes(index));
    return extra.length === 0 ? rows : [...rows, ...extra].sort((a, b) => a - b);
  };
}

/**
 * The row (its `data-row` index) that holds the focus inside a virtual list, for `rangeKeeping`: a row
 * scrolled out of view keeps the focus instead of taking it with it when it would leave the DOM.
 */
export function useFocusedRow(): {
  focused: number | null;
  onFocus: (event: FocusEvent<HTMLElement>) => void;
  onBlur: (event: FocusEvent<HTMLElement>) => void;
} {
  const [focused, setFocused] = useState<number | null>(null);
  const onFocus = useCallback((event: FocusEvent<HTMLElement>) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-row]');
    setFocused(row ? Number(row.dataset.row) : null);
  }, []);
  const onBlur = useCallback((event: FocusEvent<HTMLElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocused(null);
  }, []);
  return { focused, onFocus, onBlur };
}
