import {
  type AgentGroup,
  type Alert,
  type Checker,
  type ConfigDocument,
  createChecker,
  type Diagnostic,
  deriveResponses,
  fileResponsesAbsence,
  findAgentGroups,
  MAX_DOCUMENT_BYTES,
  type ResponseSummary,
  readDocument,
  type Simulation,
  simulate,
  type TextEncoding,
  targetOrDefault,
} from '../../core';
import type { BlockListItem } from '../../features/block-list/block-list';
import {
  type ImportCandidate,
  type ReadProgress,
  readImportBytes,
  SNIPPET_ADVICE,
  tooLarge,
} from '../../features/import-export/read-import';
import type { Outcome } from '../../features/simulator/use-simulator';
import { changedLines } from '../../features/xml-view/changed-lines';
import type { RoleChoice } from '../document-store';
import { blockListItems } from '../document-view';

/** The text the checks read: what the store holds, never a ConfigDocument (it costs more to copy than to read). */
export interface TextSource {
  text: string;
  encoding: TextEncoding;
  snippet: boolean;
}

export interface CheckRequest extends TextSource {
  target: string;
  role: RoleChoice;
  /** The imported file's text, for the lines changed since the import. */
  original: string | null;
}

/** What the page shows about a document besides the document itself: its problems, responses and list rows. */
export interface Checks {
  /** The text these checks describe: offsets in them are offsets into it. */
  text: string;
  diagnostics: Diagnostic[];
  responses: ResponseSummary[];
  /** The agent groups of the last readable document. */
  groups: AgentGroup[];
  items: BlockListItem[];
  /** Lines (1-based) that differ from the imported file. */
  changed: number[];
}

export interface SimulateRequest extends TextSource {
  target: string;
  alert: Alert;
}

/**
 * Reads and checks documents, one after another. It keeps the last document it read and the checker of the
 * last target and role, so a request that only changes the target reads nothing again.
 */
export function createChecks() {
  let read: { source: TextSource; doc: ConfigDocument; readable: ConfigDocument } | null = null;
  let checker: { key: string; checks: Checker } | null = null;
  let changed: { original: string | null; text: string; lines: number[] } | null = null;

  /** `read`: the document of this very text, when the caller has it already. */
  return (request: CheckRequest, known?: ConfigDocument): Checks => {
    const { text, encoding, snippet } = request;
    if (
      !read ||
      read.source.text !== text ||
      read.source.encoding !== encoding ||
      read.source.snippet !== snippet
    ) {
      const doc = known ?? readDocument(text, encoding, snippet);
      // The responses and the list keep describing the last text that read while the XML has an error.
      read = {
        source: { text, encoding, snippet },
        doc,
        readable: doc.xmlError ? (read?.readable ?? doc) : doc,
      };
    }
    const target = targetOrDefault(request.target);
    const key = `${target.id}\u0000${request.role}`;
    if (checker?.key !== key) {
      checker = {
        key,
        checks: createChecker({ target, role: request.role, snippetAdvice: SNIPPET_ADVICE }),
      };
    }
    const { doc, readable } = read;
    const diagnostics = checker.checks.check(doc);
    const responses = deriveResponses(readable, target, request.role);
    const groups = findAgentGroups(doc);
    const readableGroups = readable === doc ? groups : findAgentGroups(readable);
    if (!changed || changed.original !== request.original || changed.text !== text) {
      changed = {
        original: request.original,
        text,
        lines: request.original === null ? [] : changedLines(request.original, text),
      };
    }
    return {
      text,
      diagnostics,
      responses,
      groups: readableGroups,
      items: blockListItems(doc, diagnostics, responses, groups),
      changed: changed.lines,
    };
  };
}

/** Plays an alert through a document, as the simulator panel shows it. */
export function runSimulation(request: SimulateRequest): Outcome {
  const target = targetOrDefault(request.target);
  const absence = fileResponsesAbsence(target);
  if (absence) return { kind: 'off', message: `${absence} The simulator is off for this target.` };
  const doc = readDocument(request.text, request.encoding, request.snippet);
  if (doc.xmlError) return { kind: 'xml-error' };
  try {
    return { kind: 'simulated', simulation: simulate(doc, request.alert, target) satisfies Simulation };
  } catch (error) {
    return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}

export interface ImportRequest {
  file: File;
  target: string;
  role: RoleChoice;
}

/**
 * A file read and checked: everything but the document itself, which costs more to copy than to read.
 * The checks are those of the file opened as the document, so opening it shows them at once.
 */
export type ImportedFile =
  | {
      ok: true;
      candidate: Omit<ImportCandidate, 'doc'> & { problems: Diagnostic[] };
      checked: { request: CheckRequest; checks: Checks };
    }
  | { ok: false; name: string; message: string };

/** Share of the work each stage ends at: the bytes come fast, reading and checking them take the time. */
const BYTES_DONE = 0.15;
const READ_DONE = 0.45;

/** Reads a file as the import dialog does, checks it against the target, and says how far it got. */
export async function importFile(
  { file, target, role }: ImportRequest,
  progress: (progress: ReadProgress) => void,
): Promise<ImportedFile> {
  if (file.size > MAX_DOCUMENT_BYTES) {
    const refused = tooLarge(file.name, file.size);
    if (!refused.ok) return refused;
  }
  const bytes = new Uint8Array(file.size);
  let loaded = 0;
  const reader = file.stream().getReader();
  for (;;) {
    const chunk = await reader.read();
    if (chunk.done) break;
    // A file that grew since it was picked: keep to the size it had, past which it is refused anyway.
    const room = Math.min(chunk.value.length, bytes.length - loaded);
    bytes.set(chunk.value.subarray(0, room), loaded);
    loaded += room;
    progress({ done: (BYTES_DONE * loaded) / Math.max(1, file.size), stage: 'Loading the file' });
  }
  progress({ done: BYTES_DONE, stage: 'Reading the XML' });
  const read = readImportBytes(bytes.subarray(0, loaded), file.name);
  if (!read.ok) return read;
  progress({ done: READ_DONE, stage: 'Checking it against the target' });
  const { doc, ...candidate } = read.candidate;
  const request: CheckRequest = {
    text: doc.text,
    encoding: doc.encoding,
    snippet: doc.snippet,
    target,
    role,
    original: doc.text,
  };
  const checks = createChecks()(request, doc);
  return {
    ok: true,
    candidate: { ...candidate, problems: checks.diagnostics },
    checked: { request, checks },
  };
}
