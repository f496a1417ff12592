import { type ConfigDocument, decodeBytes, MAX_DOCUMENT_BYTES, readDocument, tooLargeMessage } from '../core';
import { type CliIo, InputTooLarge } from './io';
import { printMessage } from './output';

/** The FILE that stands for standard input. */
export const STDIN = '-';

/** A file that could not be read at all: reported on stderr with exit status 2. */
export class UnreadableFile extends Error {}

const READ_ERRORS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a component of the path is not a directory',
};

/** How a FILE is named in messages and reports. */
export function inputName(file: string): string {
  return file === STDIN ? '(standard input)' : file;
}

/**
 * The bytes of FILE, or of standard input for `-`, refusing anything over the document size limit before
 * it is read into memory. Every failure is an `UnreadableFile` with the message for the user.
 */
export async function readInput(io: CliIo, file: string): Promise<Uint8Array> {
  try {
    return file === STDIN
      ? await io.readStdin(MAX_DOCUMENT_BYTES)
      : await io.readFile(file, MAX_DOCUMENT_BYTES);
  } catch (error) {
    if (error instanceof InputTooLarge) {
      throw new UnreadableFile(tooLargeMessage(inputName(file), error.bytes, error.atLeast));
    }
    const code = (error as NodeJS.ErrnoException).code;
    const reason = (code && READ_ERRORS[code]) ?? (error instanceof Error ? error.message : String(error));
    throw new UnreadableFile(`cannot read '${inputName(file)}': ${reason}`);
  }
}

/**
 * Reads and decodes one FILE, as a whole ossec.conf or, with `--fragment`, as a snippet. When
 * `noteEncoding` is set, a file that is not UTF-8 gets a note on stderr: it is still read (as Latin-1,
 * every byte kept), but the admin should know the daemon expects UTF-8.
 */
export async function loadDocument(
  io: CliIo,
  file: string,
  noteEncoding: boolean,
  fragment = false,
): Promise<ConfigDocument> {
  const decoded = decodeBytes(await readInput(io, file));
  if (noteEncoding && decoded.problem) printMessage(io, `note: ${inputName(file)}: ${decoded.problem}`);
  return readDocument(decoded.text, decoded.encoding, fragment);
}
