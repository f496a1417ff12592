// CodeMirror measures text ranges; jsdom has no layout, so give it empty geometry.
if (typeof Range !== 'undefined') {
  Range.prototype.getClientRects = () =>
    ({ length: 0, item: () => null, [Symbol.iterator]: [][Symbol.iterator] }) as unknown as DOMRectList;
  Range.prototype.getBoundingClientRect = () => new DOMRect(0, 0, 0, 0);
}
