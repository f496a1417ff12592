/**
 * The floor the benchmark measures the core against: one pass over the text that finds each `<`…`>` tag
 * and counts them, looking at every character in JavaScript as any reader of the text must — no names, no
 * attributes, no nesting, no positions kept. Nothing that reads, checks or derives from the whole text can
 * take less, so "n× the floor" says how far a step is from the cost of merely looking at the file.
 */
export function countTags(text: string): number {
  const OPEN = 60; // <
  const CLOSE = 62; // >
  let tags = 0;
  let inTag = false;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === OPEN) inTag = true;
    else if (code === CLOSE && inTag) {
      tags++;
      inTag = false;
    }
  }
  return tags;
}
