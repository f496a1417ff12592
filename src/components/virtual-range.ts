import { defaultRangeExtractor, type Range } from '@tanstack/react-virtual';

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
