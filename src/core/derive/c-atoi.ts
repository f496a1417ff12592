/**
 * C's `atoi` as glibc runs it: `(int) strtol(s, NULL, 10)`. Leading white space and one sign are read,
 * then digits up to the first other character; `strtol` saturates at the 64-bit `long` range and the
 * cast keeps the low 32 bits, so a long enough number wraps (reference §13: `600s` → 600, `abc` → 0).
 */
export function atoi(text: string): number {
  // Up to nine digits fit in 32 bits as they are: read them directly (most values are short numbers).
  let i = 0;
  while (i < text.length && isCSpace(text.charCodeAt(i))) i++;
  const sign = text[i] === '-' ? -1 : 1;
  if (text[i] === '-' || text[i] === '+') i++;
  let value = 0;
  const start = i;
  for (; i < text.length && i - start < 10; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x30 || code > 0x39) break;
    value = value * 10 + (code - 0x30);
  }
  if (i - start < 10) return value === 0 ? 0 : sign * value;
  return wideAtoi(text);
}

/** `[ \t\n\v\f\r]`, the blanks `strtol` skips. */
function isCSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d);
}

/** `atoi` of a number of ten digits or more: saturated at 64 bits, then cut to 32. */
function wideAtoi(text: string): number {
  const match = /^[ \t\n\v\f\r]*([+-]?)(\d*)/.exec(text);
  const digits = match?.[2] ?? '';
  if (digits === '') return 0;
  const LONG_MAX = 2n ** 63n - 1n;
  // Past 19 significant digits the value saturates anyway; parsing a long run in full would not be linear.
  const significant = digits.replace(/^0+/, '');
  let value = significant.length > 19 ? LONG_MAX + 2n : BigInt(`0${significant}`);
  if (match?.[1] === '-') value = value > LONG_MAX + 1n ? -(LONG_MAX + 1n) : -value;
  else if (value > LONG_MAX) value = LONG_MAX;
  return Number(BigInt.asIntN(32, value));
}

/** `OS_StrIsNum`: true when every character is a decimal digit (so the empty string passes). */
export function isAllDigits(text: string): boolean {
  return /^\d*$/.test(text);
}
