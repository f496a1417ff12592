/**
 * Text from a configuration file shown where a control character would act instead of showing: a
 * terminal (an escape sequence can erase a line or recolour the output), a Markdown report, a code block.
 */

/** C0 and C1 controls, DEL, and the invisible characters that reorder or hide text (bidi, zero-width). */
function isControl(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0x200b && code <= 0x200f) ||
    code === 0x2028 ||
    code === 0x2029 ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x2064) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0xfeff
  );
}

/** Each control as a visible escape, `\x1b` below U+0100 and `\u202e` above; everything else as it is. */
export function showControls(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isControl(code)) continue;
    out += text.slice(from, i);
    out +=
      code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}
