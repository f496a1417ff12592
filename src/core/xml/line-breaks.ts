/**
 * `text` without the line breaks (LF or CRLF) it ends with, in one pass from the end: the regular
 * expression `/(\r?\n)+$/` tries every line break of a long run as a start and takes quadratic time.
 */
export function withoutFinalLineBreaks(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 10) end -= text.charCodeAt(end - 2) === 13 ? 2 : 1;
  return text.slice(0, end);
}
