import {
  type AgentGroup,
  type Alert,
  type ConfigDocument,
  type Diagnostic,
  deriveResponses,
  fileResponsesAbsence,
  findAgentGroups,
  parseTarget,
  type ResponseSummary,
  readDocument,
  type Simulation,
  simulate,
  type TargetProfile,
  type TextEncoding,
  validate,
} from '../../core';
import type { BlockListItem } from '../../features/block-list/block-list';
import { SNIPPET_ADVICE } from '../../features/import-export/read-import';
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
  groups: AgentGroup[];
  items: BlockListItem[];
  /** Lines (1-based) that differ from the imported file. */
  changed: number[];
}

export interface SimulateRequest extends TextSource {
  target: string;
  alert: Alert;
}

export function targetProfile(target: string): TargetProfile {
  try {
    return parseTarget(target);
  } catch {
    return parseTarget('wazuh@4.14');
  }
}

/**
 * The checker the page uses. A checker keeps what it learnt from the last document, so the next one is
 * checked incrementally; `validate` stands in until the core offers one (same result, whole document).
 */
function checkerFor(options: Parameters<typeof validate>[1]): { check(doc: ConfigDocument): Diagnostic[] } {
  return { check: (doc) => validate(doc, options) };
}

/**
 * Reads and checks documents, one after another. It keeps the last document it read and the checker of the
 * last target and role, so a request that only changes the target reads nothing again.
 */
export function createChecks() {
  let read: { source: TextSource; doc: ConfigDocument; readable: ConfigDocument } | null = null;
  let checker: { key: string; check(doc: ConfigDocument): Diagnostic[] } | null = null;
  let changed: { original: string | null; text: string; lines: number[] } | null = null;

  return (request: CheckRequest): Checks => {
    const { text, encoding, snippet } = request;
    if (
      !read ||
      read.source.text !== text ||
      read.source.encoding !== encoding ||
      read.source.snippet !== snippet
    ) {
      const doc = readDocument(text, encoding, snippet);
      // The responses and the list keep describing the last text that read while the XML has an error.
      read = {
        source: { text, encoding, snippet },
        doc,
        readable: doc.xmlError ? (read?.readable ?? doc) : doc,
      };
    }
    const target = targetProfile(request.target);
    const key = `${target.id}\u0000${request.role}`;
    if (checker?.key !== key) {
      checker = {
        key,
        ...checkerFor({ target, role: request.role, snippetAdvice: SNIPPET_ADVICE }),
      };
    }
    const { doc, readable } = read;
    const diagnostics = checker.check(doc);
    const responses = deriveResponses(readable, target, request.role);
    const groups = findAgentGroups(doc);
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
      groups,
      items: blockListItems(doc, diagnostics, responses, groups),
      changed: changed.lines,
    };
  };
}

/** Plays an alert through a document, as the simulator panel shows it. */
export function runSimulation(request: SimulateRequest): Outcome {
  const target = targetProfile(request.target);
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
