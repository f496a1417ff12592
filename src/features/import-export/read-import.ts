import { formatSize } from '../../components/import-summary';
import { type ConfigDocument, type Diagnostic, decodeBytes, readDocument } from '../../core';
import type { TextEncoding } from '../../core/model/types';

/**
 * How the page has a root-less text read as a snippet instead of refused as a file: the end of the
 * message that refuses it.
 */
export const SNIPPET_ADVICE =
  'read it as one: “Read it as a snippet”, or add it to an empty document with Import → “Add its blocks to this document”';

/** Far above any real ossec.conf (the stock ones are under 50 kB); beyond it the browser would only suffer. */
export const MAX_IMPORT_BYTES = 16 * 1024 * 1024;

export interface ImportCandidate {
  name: string;
  size: number;
  text: string;
  encoding: TextEncoding;
  /** Why the bytes were not read as plain UTF-8. */
  encodingProblem?: string;
  doc: ConfigDocument;
}

export type ImportRead =
  | { ok: true; candidate: ImportCandidate }
  | { ok: false; name: string; message: string };

function tooLarge(name: string, size: number): ImportRead {
  return {
    ok: false,
    name,
    message: `${name} is ${formatSize(size)}; AR Studio opens files up to ${formatSize(MAX_IMPORT_BYTES)}. Your document was left as it was.`,
  };
}

/** Reads a picked or dropped file, refusing an oversized one before its bytes are loaded into memory. */
export async function readImportFile(file: File): Promise<ImportRead> {
  if (file.size > MAX_IMPORT_BYTES) return tooLarge(file.name, file.size);
  try {
    return readImportBytes(new Uint8Array(await file.arrayBuffer()), file.name);
  } catch (error) {
    return { ok: false, name: file.name, message: `${file.name} could not be read: ${String(error)}` };
  }
}

export function readImportBytes(bytes: Uint8Array, name: string): ImportRead {
  if (bytes.length > MAX_IMPORT_BYTES) return tooLarge(name, bytes.length);
  const decoded = decodeBytes(bytes);
  return readImportText(decoded.text, name, decoded.encoding, bytes.length, decoded.problem);
}

export function readImportText(
  text: string,
  name: string,
  encoding: TextEncoding = 'utf-8',
  size = new TextEncoder().encode(text).length,
  encodingProblem?: string,
): ImportRead {
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
