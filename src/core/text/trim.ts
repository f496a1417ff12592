/**
 * `text` without the characters `strip` accepts at either end, each end scanned once. The regular
 * expression `/^[…]+|[…]+$/g` looks like the same thing, but its second branch is tried from every
 * position of a long inner run and takes quadratic time on one.
 */
export function trimWhere(text: string, strip: (character: string) => boolean): string {
  let start = 0;
  let end = text.length;
  while (start < end && strip(text[start])) start++;
  while (end > start && strip(text[end - 1])) end--;
  return text.slice(start, end);
}
