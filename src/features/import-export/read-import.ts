import {
  type ConfigDocument,
  type Diagnostic,
  decodeBytes,
  MAX_DOCUMENT_BYTES,
  readDocument,
  textTooLarge,
  tooLargeMessage,
  utf8Length,
} from '../../core';
import type { TextEncoding } from '../../core/model/types';

/**
 * How the page has a root-less text read as a snippet instead of refused as a file: the end of the
 * message that refuses it.
 */
export const SNIPPET_ADVICE =
  'read it as one: “Read it as a snippet”, or add it to an empty document with Import → “Add its blocks to this document”';

export interface ImportCandidate {
  name: string;
  size: number;
  text: string;
  encoding: TextEncoding;
  /** Why the bytes were not read as plain UTF-8. */
  encodingProblem?: string;
  doc: ConfigDocument;
  /** What the target makes of it, when the reader checked it already (off the page's thread). */
  problems?: Diagnostic[];
}

export type ImportRead =
  | { ok: true; candidate: ImportCandidate }
  | { ok: false; name: string; message: string };

/** The size limit of the command line too (DESIGN §6): past it, reading and checking would exhaust memory. */
export function tooLarge(name: string, size: number): ImportRead {
  return { ok: false, name, message: `${tooLargeMessage(name, size)} Your document was left as it was.` };
}

/** Reads a picked or dropped file, refusing an oversized one before its bytes are loaded into memory. */
export async function readImportFile(file: File): Promise<ImportRead> {
  if (file.size > MAX_DOCUMENT_BYTES) return tooLarge(file.name, file.size);
  try {
    return readImportBytes(new Uint8Array(await file.arrayBuffer()), file.name);
  } catch (error) {
    return { ok: false, name: file.name, message: `${file.name} could not be read: ${String(error)}` };
  }
}

export function readImportBytes(bytes: Uint8Array, name: string): ImportRead {
  if (bytes.length > MAX_DOCUMENT_BYTES) return tooLarge(name, bytes.length);
  const decoded = decodeBytes(bytes);
  return readImportText(decoded.text, name, decoded.encoding, bytes.length, decoded.problem);
}

export function readImportText(
  text: string,
  name: string,
  encoding: TextEncoding = 'utf-8',
  size = utf8Length(text),
  encodingProblem?: string,
): ImportRead {
  if (textTooLarge(text)) return tooLarge(name, utf8Length(text));
  try {
    return {
      ok: true,
      candidate: { name, size, text, encoding, encodingProblem, doc: readDocument(text, encoding) },
    };
  } catch (error) {
    // The reader promises never to throw; this keeps that promise from being the only line of defence.
    return {
      ok: false,
      name,
      message: `${name} could not be read (${error instanceof Error ? error.message : String(error)}). Your document was left as it was.`,
    };
  }
}

export type Diagnose = (doc: ConfigDocument) => Diagnostic[];

/** How far reading a file has come: the share of the work done (0 to 1) and what it does now. */
export interface ReadProgress {
  done: number;
  stage: string;
}

/** A file being read: its outcome, and a way to stop (the outcome then never comes). */
export interface FileReading {
  result: Promise<ImportRead>;
  cancel(): void;
}

export type ReadFile = (file: File, progress: (progress: ReadProgress) => void) => FileReading;

/** Reading on the page's own thread: for small files, and where there are no workers. */
export const readHere: ReadFile = (file) => ({ result: readImportFile(file), cancel() {} });
