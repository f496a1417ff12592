/**
 * The largest document AR Studio reads, in the command line and in the page alike. Reading and checking
 * a file holds about twenty times its size in memory (a generated 16 MiB ossec.conf of 87,000 blocks:
 * 350 MB), so 16 MiB stays within Node's default heap on a small server and within a browser tab, where a
 * 400 MB file ran Node out of memory. Real ossec.conf files are far below it: the largest stock and
 * community files are under 100 kB.
 */
export const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

/** The UTF-8 length of `text`, counted without encoding it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** Whether a text is over the limit once saved as UTF-8; a text longer than the limit in characters always is. */
export function textTooLarge(text: string): boolean {
  return text.length > MAX_DOCUMENT_BYTES || utf8Length(text) > MAX_DOCUMENT_BYTES;
}

const grouped = (n: number) => n.toLocaleString('en-US');

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Why `name` is not read. `bytes` is its size, or, for a stream stopped at the limit, how much had come
 * (`atLeast`).
 */
export function tooLargeMessage(name: string, bytes: number, atLeast = false): string {
  const size = `${atLeast ? 'more than ' : ''}${grouped(bytes)} bytes (${formatSize(bytes)})`;
  return `${name} is ${size}; AR Studio reads documents of up to ${grouped(MAX_DOCUMENT_BYTES)} bytes (${formatSize(MAX_DOCUMENT_BYTES)}), far above any real ossec.conf, so that checking one never runs out of memory.`;
}
