import {
  type AgentGroup,
  type ConfigDocument,
  findAgentGroups,
  readDocument,
  type TargetProfile,
  targetOrDefault,
} from '../core';
import { type BlockListItem, sameItem } from '../features/block-list/block-list';
import type { SimulationRun } from '../features/simulator/use-simulator';
import type { CheckRequest, Checks } from './analysis/analyse';
import type { Analysis } from './analysis/analysis';
import type { DocumentState, DocumentStore } from './document-store';
import { blockListItems } from './document-view';

/** Where the checks of the document on screen stand. */
export type CheckStatus =
  | { kind: 'current' }
  /** The document changed since the checks shown; newer ones are on their way. */
  | { kind: 'running' }
  | { kind: 'over-budget'; budgetMs: number }
  | { kind: 'failed'; message: string };

/**
 * Everything the panels show, derived from the store's state: the document read from the text, the last
 * one that read, the target profile, and the checks as they arrive from the analysis.
 */
export interface PageView {
  doc: ConfigDocument;
  /** The last document without an XML error: the forms keep showing it while the text does not read. */
  readable: ConfigDocument;
  target: TargetProfile;
  checks: Checks;
  /**
   * The responses of the readable document that differ only by agent. Found again after an edit that can
   * change them; an edit the caller vouches for (a field of a block that is in no group and cannot join
   * one) keeps them, and the checks bring them fresh.
   */
  groups: AgentGroup[];
  /** The block list's rows: the checks' own once they describe a document with these blocks. */
  items: BlockListItem[];
  /**
   * The readable document as it was when the typing last paused: what the simulator plays, so it follows
   * the checks' pace and not every keystroke.
   */
  settled: ConfigDocument;
  status: CheckStatus;
}

export interface DocumentPipeline {
  getView(): PageView;
  subscribe(listener: () => void): () => void;
  /**
   * The document an edit produced from the current one: when the store's text becomes its text, it is used
   * as is, so an edit costs what the edit costs and not a reading of the whole file.
   */
  adopt(doc: ConfigDocument, options?: { groupsKept?: boolean }): void;
  /** Checks made elsewhere (the import's worker) of a text the store may hold next. */
  remember(request: CheckRequest, checks: Checks): void;
  /** Plays an alert off the page's thread, within the analysis' time budget. */
  simulate: SimulationRun;
  dispose(): void;
}

/** Checks wait for a pause in the typing this long, so their answers never land between two keystrokes. */
export const CHECK_PAUSE_MS = 150;

/** How many texts' checks are kept for undo and redo. */
const REMEMBERED_CHECKS = 8;

function requestOf(state: DocumentState): CheckRequest {
  const { present, target, role } = state;
  const { text, encoding, snippet } = present;
  return { text, encoding, snippet, target, role, original: present.original?.text ?? null };
}

function sameRequest(a: CheckRequest | null, b: CheckRequest): boolean {
  return (
    a !== null &&
    a.text === b.text &&
    a.encoding === b.encoding &&
    a.snippet === b.snippet &&
    a.target === b.target &&
    a.role === b.role &&
    a.original === b.original
  );
}

const NO_CHECKS: Checks = { text: '', diagnostics: [], responses: [], groups: [], items: [], changed: [] };

function sameSource(doc: ConfigDocument, state: DocumentState): boolean {
  const { text, encoding, snippet } = state.present;
  return doc.text === text && doc.encoding === encoding && doc.snippet === snippet;
}

/** The new rows, with each unchanged row kept as it was: the list then redraws only the rows that changed. */
function keepUnchanged(previous: BlockListItem[], next: BlockListItem[]): BlockListItem[] {
  let changed = previous.length !== next.length;
  const kept = next.map((item, i) => {
    const before = previous[i];
    if (before && sameItem(before, item)) return before;
    changed = true;
    return item;
  });
  return changed ? kept : previous;
}

/**
 * The page's data flow, outside React: read → check → derive, updated as the store changes. Reading follows
 * every change at once (the form and the XML need it); checks run in the analysis and land when they are
 * done, the newest request only.
 */
export function createDocumentPipeline(store: DocumentStore, analysis: Analysis): DocumentPipeline {
  const listeners = new Set<() => void>();
  let adopted: { doc: ConfigDocument; groupsKept: boolean } | null = null;
  let state = store.getState();
  const first = readDocument(state.present.text, state.present.encoding, state.present.snippet);
  let view: PageView = {
    doc: first,
    readable: first,
    target: targetOrDefault(state.target),
    checks: NO_CHECKS,
    items: blockListItems(first, [], []),
    groups: findAgentGroups(first),
    settled: first,
    status: { kind: 'running' },
  };
  const pauseMs = analysis.immediate ? 0 : CHECK_PAUSE_MS;
  let pause: ReturnType<typeof setTimeout> | undefined;
  let requested: CheckRequest | null = null;

  const set = (next: PageView) => {
    view = next;
    for (const listener of listeners) listener();
  };

  /**
   * The revision of the last document each list of rows was found to fit. An edit's document says which
   * blocks it changed, so after an edit that keeps the number of blocks only those are compared: reading
   * every block of an edited document builds each one (they are moved lazily), which at 10,000 blocks cost
   * more than the rest of a keystroke.
   */
  const fitted = new WeakMap<BlockListItem[], number>();
  const kindsMatch = (items: BlockListItem[], doc: ConfigDocument, from: number, to: number) => {
    for (let i = from; i < to; i++) if (items[i].kind !== doc.blocks[i].kind) return false;
    return true;
  };
  /** Whether the rows describe the document's blocks, one row per block of the same kind. */
  const fits = (items: BlockListItem[], doc: ConfigDocument) => {
    if (items.length !== doc.blocks.length) return false;
    const change = doc.change;
    const local =
      change !== undefined && change.removed === change.inserted && fitted.get(items) === change.baseRevision;
    const ok = local
      ? kindsMatch(items, doc, change.first, change.first + change.inserted)
      : kindsMatch(items, doc, 0, items.length);
    if (ok) fitted.set(items, doc.revision);
    return ok;
  };
  /**
   * The checks' rows when they describe these blocks; else the rows shown, while they do; else rows from
   * the document alone (with its agent groups, so a group stays one row), their counts to come.
   */
  const itemsFor = (
    doc: ConfigDocument,
    checks: Checks,
    previous: BlockListItem[],
    groups: AgentGroup[] = view.groups,
  ): BlockListItem[] => {
    if (fits(checks.items, doc)) return keepUnchanged(previous, checks.items);
    if (fits(previous, doc)) return previous;
    return blockListItems(doc, [], [], groups);
  };

  // The checks of the last few texts, for undo and redo.
  const known = new Map<string, { request: CheckRequest; checks: Checks }>();
  const remember = (request: CheckRequest, checks: Checks) => {
    known.delete(request.text);
    known.set(request.text, { request, checks });
    for (const text of known.keys()) {
      if (known.size <= REMEMBERED_CHECKS) break;
      known.delete(text);
    }
  };
  // Looked up by length first: a map keyed by a large text hashes or compares all of it on every keystroke.
  const recall = (request: CheckRequest): Checks | null => {
    for (const entry of known.values()) {
      if (entry.request.text.length === request.text.length && sameRequest(entry.request, request)) {
        return entry.checks;
      }
    }
    return null;
  };

  const requestChecks = () => {
    clearTimeout(pause);
    pause = undefined;
    if (view.settled !== view.readable) set({ ...view, settled: view.readable });
    const request = requestOf(state);
    if (sameRequest(requested, request)) return;
    requested = request;
    analysis.check(request, (outcome) => {
      const current = store.getState().present.text === request.text;
      if (outcome.kind === 'checked') {
        remember(request, outcome.checks);
        set({
          ...view,
          checks: outcome.checks,
          groups: outcome.checks.text === view.readable.text ? outcome.checks.groups : view.groups,
          items: itemsFor(view.doc, outcome.checks, view.items),
          status: current ? { kind: 'current' } : view.status,
        });
      } else {
        set({ ...view, status: outcome });
      }
    });
  };

  const update = () => {
    const next = store.getState();
    if (next === state) return;
    const previous = state;
    state = next;
    let { doc, readable, target, checks, items, groups, status } = view;
    const edited = !sameSource(doc, next);
    if (edited) {
      const fromEdit = adopted && sameSource(adopted.doc, next) ? adopted : null;
      doc = fromEdit?.doc ?? readDocument(next.present.text, next.present.encoding, next.present.snippet);
      if (!doc.xmlError) {
        readable = doc;
        if (!fromEdit?.groupsKept) groups = findAgentGroups(doc);
      }
      // Undo and redo come back to texts checked already: their checks are shown at once.
      const checkedBefore = recall(requestOf(next));
      if (checkedBefore) {
        checks = checkedBefore;
        requested = requestOf(next);
        if (!doc.xmlError) groups = checkedBefore.groups;
      }
      items = itemsFor(doc, checks, items, groups);
      status = checkedBefore ? { kind: 'current' } : { kind: 'running' };
    }
    adopted = null;
    if (next.target !== previous.target) target = targetOrDefault(next.target);
    if (doc !== view.doc || target !== view.target)
      set({ ...view, doc, readable, target, checks, items, groups, status });
    if (edited && pauseMs > 0) {
      clearTimeout(pause);
      pause = setTimeout(requestChecks, pauseMs);
    } else if (pause === undefined) {
      requestChecks();
    }
  };

  const unsubscribe = store.subscribe(update);
  requestChecks();

  return {
    getView: () => view,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    remember,
    adopt(doc, options) {
      adopted = { doc, groupsKept: options?.groupsKept ?? false };
    },
    simulate(doc, alert, target, done) {
      const { text, encoding, snippet } = doc;
      analysis.simulate({ text, encoding, snippet, target: target.id, alert }, done);
    },
    dispose() {
      clearTimeout(pause);
      unsubscribe();
      analysis.dispose();
    },
  };
}
