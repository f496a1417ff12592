/**
 * Shell words for the commands the deploy panel shows. A value that came from the file or from a field
 * (a response name, an agent ID, an address) must reach the program as exactly one argument, whatever it
 * holds: a copied command must never turn into a different command.
 */

/**
 * Characters no POSIX shell (sh, dash, bash, zsh) treats specially inside a word. A leading `=` is left
 * out because zsh expands `=word` to the path of the command `word`.
 */
const PLAIN = /^[A-Za-z0-9_@%+:,./-][A-Za-z0-9_@%+=:,./-]*$/;

/**
 * `value` as one shell word: as it is when it is plain, otherwise in single quotes, where nothing is
 * special except the quote itself, which is written as `'\''` (close, escaped quote, reopen).
 */
export function shellQuote(value: string): string {
  if (PLAIN.test(value)) return value;
  return `'${value.replaceAll("'", "'\\''")}'`;
}
