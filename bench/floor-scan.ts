/**
 * The floor the reader is measured against: a bare single-pass tag scan of the same text. It looks at
 * each character once, finds each `<`…`>` tag and counts them, and does nothing else — no names, no
 * values, no objects — so no reader of the dialect can be faster than it.
 */
export function floorScan(text: string): number {
  let tags = 0;
  let inTag = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 60) inTag = true;
    else if (c === 62 && inTag) {
      tags++;
      inTag = false;
    }
  }
  return tags;
}
