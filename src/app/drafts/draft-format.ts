import * as z from 'zod/mini';
import {
  type DocumentSnapshot,
  HISTORY_LIMIT,
  type ImportedOriginal,
  newDocumentId,
  type RestoredState,
} from '../document-store';
import { applyDelta } from './text-delta';

/**
 * The version every record this build writes carries. A build that changes a record's shape bumps it and
 * adds the step from the old shape to `UPGRADES`, so whatever an earlier build saved still opens.
 */
export const FORMAT_VERSION = 2;
export const RECENT_LIMIT = 10;

/** Where the first builds kept the draft: one JSON string in localStorage (format 1). */
export const LEGACY_DRAFT_KEY = 'ar-studio:draft';
/**
 * Where the editing tab puts the emergency copy of a change IndexedDB has not stored yet, written
 * synchronously as the page is hidden or closed (an IndexedDB write started then may never finish).
 */
export const EMERGENCY_COPY_KEY = 'ar-studio:unsaved';

/**
 * The IndexedDB keys. The draft's undo steps are records of their own, each stored once and most of them
 * as a small change against their neighbour, so a keystroke never rewrites the whole history.
 */
export const KEYS = {
  draft: 'draft',
  recent: 'recent',
  snapshot: (id: number) => `snapshot:${id}`,
  original: (id: number) => `original:${id}`,
  recentDocument: (documentId: string) => `recent:${documentId}`,
  asidePrefix: 'aside:',
} as const;

const encoding = z.enum(['utf-8', 'latin1']);
const role = z.enum(['auto', 'manager', 'agent']);
const id = z.int().check(z.nonnegative());
const count = z.int().check(z.nonnegative());
const version = z.literal(FORMAT_VERSION);
const originalFields = { name: z.string(), text: z.string(), encoding };

const legacyDraft = z.strictObject({
  version: z.literal(1),
  savedAt: z.string(),
  text: z.string(),
  encoding,
  target: z.string(),
  role,
  original: z.nullable(z.strictObject(originalFields)),
  snippet: z.optional(z.boolean()),
});

/** One state of the history: its text record, and the selection and label that go with it. */
const step = z.strictObject({ id, selected: z.optional(z.nullable(count)), label: z.optional(z.string()) });

const draftMeta = z.strictObject({
  version,
  savedAt: z.string(),
  target: z.string(),
  role,
  present: step,
  past: z.array(step).check(z.maxLength(HISTORY_LIMIT)),
  future: z.array(step).check(z.maxLength(HISTORY_LIMIT)),
});

const snapshotFields = {
  version,
  documentId: z.string().check(z.minLength(1)),
  encoding,
  // The admin gave the text as a snippet (DESIGN §2); absent means a whole file.
  snippet: z.optional(z.boolean()),
  original: z.nullable(id),
};
const snapshotRecord = z.union([
  z.strictObject({ ...snapshotFields, text: z.string() }),
  z.strictObject({ ...snapshotFields, base: id, prefix: count, suffix: count, insert: z.string() }),
]);
const originalRecord = z.strictObject({ version, ...originalFields });

const recentEntry = z.strictObject({
  documentId: z.string().check(z.minLength(1)),
  name: z.string(),
  savedAt: z.string(),
  size: count,
  blocks: count,
});
const recentIndex = z.strictObject({
  version,
  entries: z.array(recentEntry).check(z.maxLength(RECENT_LIMIT)),
});
const recentDocument = z.strictObject({
  version,
  text: z.string(),
  encoding,
  snippet: z.optional(z.boolean()),
  original: z.nullable(z.strictObject(originalFields)),
});
/**
 * The imported file in an emergency copy, as small as it can be: the text itself when nothing was edited
 * yet, the IndexedDB record the draft already holds it in, or else the file in full.
 */
const copiedOriginal = z.union([
  z.strictObject({ name: z.string(), encoding, sameAsText: z.literal(true) }),
  z.strictObject({ stored: id }),
  z.strictObject(originalFields),
]);
/** The document on screen when the page was hidden or closed, without its history (IndexedDB holds that). */
const emergencyCopy = z.strictObject({
  version,
  savedAt: z.string(),
  target: z.string(),
  role,
  documentId: z.string().check(z.minLength(1)),
  text: z.string(),
  encoding,
  snippet: z.optional(z.boolean()),
  original: z.nullable(copiedOriginal),
  selected: z.optional(z.nullable(count)),
  label: z.optional(z.string()),
});
/** Left in place of the copy when even the document alone did not fit: the next load says what was lost. */
const emergencyMissed = z.strictObject({
  version,
  savedAt: z.string(),
  missed: z.strictObject({ documentId: z.string().check(z.minLength(1)), size: count, reason: z.string() }),
});
const asideRecord = z.strictObject({
  version,
  keptAt: z.string(),
  source: z.enum(['localStorage', 'indexedDB']),
  reason: z.string(),
  data: z.unknown(),
});

export type DraftMeta = z.infer<typeof draftMeta>;
export type Step = z.infer<typeof step>;
export type SnapshotRecord = z.infer<typeof snapshotRecord>;
export type OriginalRecord = z.infer<typeof originalRecord>;
export type RecentEntry = z.infer<typeof recentEntry>;
export type RecentIndex = z.infer<typeof recentIndex>;
export type RecentDocument = z.infer<typeof recentDocument>;
export type AsideRecord = z.infer<typeof asideRecord>;
export type CopiedOriginal = z.infer<typeof copiedOriginal>;
export type EmergencyCopy = z.infer<typeof emergencyCopy>;
export type EmergencyMissed = z.infer<typeof emergencyMissed>;

/** A record as read: its value, and whether it held fields this build does not know (kept aside then). */
export type Read<T> = { ok: true; value: T; unknownFields: string[] } | { ok: false; reason: string };

function describeIssue(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'its content is not valid';
  const path = issue.path.join('.');
  return path ? `its field "${path}" is not valid (${issue.message})` : issue.message;
}

function unknownKeys(error: z.core.$ZodError): string[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...issue.path, key].join('.')) : [],
  );
}

/**
 * Reads one record of the current format. A record with fields this build does not know is still read
 * (the rest is what it says), and the caller keeps the raw record aside so those fields are not lost.
 */
function readRecord<T>(schema: z.ZodMiniType<T>, raw: unknown): Read<T> {
  const strict = schema.safeParse(raw);
  if (strict.success) return { ok: true, value: strict.data, unknownFields: [] };
  const extra = unknownKeys(strict.error);
  if (extra.length > 0 && raw !== null && typeof raw === 'object') {
    const known = schema.safeParse(withoutKeys(raw, extra));
    if (known.success) return { ok: true, value: known.data, unknownFields: extra };
  }
  return { ok: false, reason: describeIssue(strict.error) };
}

/** A copy of `raw` without the given dotted paths (only plain objects and arrays are walked). */
function withoutKeys(raw: unknown, paths: string[]): unknown {
  const copy = structuredClone(raw) as Record<string, unknown>;
  for (const path of paths) {
    const parts = path.split('.');
    const last = parts.pop() as string;
    let node: unknown = copy;
    for (const part of parts) node = (node as Record<string, unknown> | undefined)?.[part];
    if (node !== null && typeof node === 'object') delete (node as Record<string, unknown>)[last];
  }
  return copy;
}

function versionOf(raw: unknown): number | null {
  if (raw === null || typeof raw !== 'object' || !('version' in raw)) return null;
  const v = (raw as { version: unknown }).version;
  return typeof v === 'number' && Number.isInteger(v) ? v : null;
}

/** Why a record of a version this build cannot bring forward is not read, or null when it can. */
function versionProblem(raw: unknown, oldest: number): string | null {
  const v = versionOf(raw);
  if (v === null)
    return raw !== null && typeof raw === 'object' ? 'it has no version number' : 'it is not a record';
  if (v > FORMAT_VERSION) {
    return `it was written by a newer version of AR Studio (format ${v}; this one reads formats ${oldest} to ${FORMAT_VERSION})`;
  }
  if (v < oldest) return `its format (${v}) is not one AR Studio ever wrote`;
  return null;
}

/** Everything one stored draft consists of, as raw records, before they are checked. */
export interface DraftBundle {
  meta: unknown;
  snapshots: Map<number, unknown>;
  originals: Map<number, unknown>;
}

type Upgrade = (bundle: DraftBundle) => Read<DraftBundle>;

/** A step from one format to the next: the old draft record is checked like any record, then converted. */
function upgrade<T>(schema: z.ZodMiniType<T>, up: (meta: T, bundle: DraftBundle) => DraftBundle): Upgrade {
  return (bundle) => {
    const old = readRecord(schema, bundle.meta);
    return old.ok ? { ...old, value: up(old.value, bundle) } : old;
  };
}

/**
 * The steps that bring a draft bundle from one format to the next, keyed by the format they start from.
 * Format 1 was a single localStorage object with the text inline; format 2 splits it into records.
 */
const UPGRADES: Record<number, Upgrade> = {
  1: upgrade(legacyDraft, (v1) => ({
    meta: {
      version: 2,
      savedAt: v1.savedAt,
      target: v1.target,
      role: v1.role,
      present: { id: 0 },
      past: [],
      future: [],
    },
    snapshots: new Map([
      [
        0,
        {
          version: 2,
          documentId: newDocumentId(),
          encoding: v1.encoding,
          ...(v1.snippet && { snippet: true }),
          original: v1.original ? 1 : null,
          text: v1.text,
        },
      ],
    ]),
    originals: new Map(v1.original ? [[1, { version: 2, ...v1.original }]] : []),
  })),
};

const OLDEST_FORMAT = Math.min(...Object.keys(UPGRADES).map(Number), FORMAT_VERSION);

/** Which record stands for which snapshot and original in storage, so a save writes only what changed. */
export interface StoredLayout {
  snapshotIds: Map<DocumentSnapshot, number>;
  /** The snapshot records in storage and the record each is stored against (null: stored in full). */
  bases: Map<number, number | null>;
  originalIds: Map<ImportedOriginal, number>;
  storedOriginals: Set<number>;
}

export function emptyLayout(): StoredLayout {
  return { snapshotIds: new Map(), bases: new Map(), originalIds: new Map(), storedOriginals: new Set() };
}

export interface DraftRead {
  restored: RestoredState | null;
  /** When the stored draft was taken (null when it could not be read). */
  savedAt: string | null;
  layout: StoredLayout;
  /** What could not be restored, in the admin's words. */
  problems: string[];
  /** The stored data could not be read in full: it must be kept aside before anything overwrites it. */
  keepAside: boolean;
}

function unreadable(reason: string): DraftRead {
  return {
    restored: null,
    savedAt: null,
    layout: emptyLayout(),
    problems: [`The saved draft could not be read: ${reason}.`],
    keepAside: true,
  };
}

/** Brings a stored draft of any format this build knows up to the current one and checks every record. */
export function readDraft(bundle: DraftBundle): DraftRead {
  const problem = versionProblem(bundle.meta, OLDEST_FORMAT);
  if (problem) return unreadable(problem);
  const unknown = new Set<string>();
  let current = bundle;
  for (let v = versionOf(current.meta) as number; v < FORMAT_VERSION; v++) {
    const next = UPGRADES[v](current);
    if (!next.ok) return unreadable(next.reason);
    for (const f of next.unknownFields) unknown.add(f);
    current = next.value;
  }
  const meta = readRecord(draftMeta, current.meta);
  if (!meta.ok) return unreadable(meta.reason);
  for (const f of meta.unknownFields) unknown.add(f);

  const layout = emptyLayout();
  const problems: string[] = [];
  let keepAside = false;
  const originals = new Map<number, ImportedOriginal | null>();
  const originalOf = (ref: number | null): ImportedOriginal | null => {
    if (ref === null) return null;
    if (!originals.has(ref)) {
      const record = readRecord(originalRecord, current.originals.get(ref));
      if (record.ok) {
        for (const f of record.unknownFields) unknown.add(f);
        const { name, text, encoding: enc } = record.value;
        const original = { name, text, encoding: enc };
        layout.originalIds.set(original, ref);
        layout.storedOriginals.add(ref);
        originals.set(ref, original);
      } else {
        problems.push(
          'The imported file the draft was compared with could not be read; the draft is restored without it.',
        );
        keepAside = true;
        originals.set(ref, null);
      }
    }
    return originals.get(ref) ?? null;
  };

  const snapshot = (
    { id: ref, selected, label }: Step,
    base: { id: number; text: string } | null,
  ): DocumentSnapshot | null => {
    const record = readRecord(snapshotRecord, current.snapshots.get(ref));
    if (!record.ok) return null;
    const r = record.value;
    let text: string | null;
    if ('text' in r) text = r.text;
    else if (base && r.base === base.id) text = applyDelta(base.text, r);
    else text = null;
    if (text === null) return null;
    for (const f of record.unknownFields) unknown.add(f);
    const restored: DocumentSnapshot = {
      text,
      encoding: r.encoding,
      snippet: r.snippet ?? false,
      original: originalOf(r.original),
      documentId: r.documentId,
      ...(selected !== undefined && { selected }),
      ...(label !== undefined && { label }),
    };
    layout.snapshotIds.set(restored, ref);
    layout.bases.set(ref, 'text' in r ? null : r.base);
    return restored;
  };

  const { present: presentStep, past: pastSteps, future: futureSteps } = meta.value;
  const present = snapshot(presentStep, null);
  if (!present) return unreadable('its current text is missing or damaged');

  // Each undo step is stored against its newer neighbour (redo steps against their older one), so the
  // history is read outwards from the present and a damaged step ends its side of the history there.
  const chain = (steps: Step[]): DocumentSnapshot[] => {
    const read: DocumentSnapshot[] = [];
    let neighbour = { id: presentStep.id, text: present.text };
    for (const step of steps) {
      const restored = snapshot(step, neighbour);
      if (!restored) break;
      read.push(restored);
      neighbour = { id: step.id, text: restored.text };
    }
    return read;
  };
  const past = chain(pastSteps.toReversed()).reverse();
  const future = chain(futureSteps);
  const lost = pastSteps.length - past.length + (futureSteps.length - future.length);
  if (lost > 0) {
    problems.push(
      `${lost} undo ${lost === 1 ? 'step' : 'steps'} of the saved draft could not be read; the draft and the rest of its history are restored.`,
    );
    keepAside = true;
  }
  if (unknown.size > 0) {
    problems.push(
      `The saved draft holds data this version of AR Studio does not know (${[...unknown].join(', ')}); the draft is restored without it.`,
    );
    keepAside = true;
  }
  return {
    restored: { present, past, future, target: meta.value.target, role: meta.value.role },
    savedAt: meta.value.savedAt,
    layout,
    problems,
    keepAside,
  };
}

export function readRecentIndex(raw: unknown): Read<RecentIndex> {
  const problem = versionProblem(raw, FORMAT_VERSION);
  return problem ? { ok: false, reason: problem } : readRecord(recentIndex, raw);
}

export function readRecentDocument(raw: unknown): Read<RecentDocument> {
  const problem = versionProblem(raw, FORMAT_VERSION);
  return problem ? { ok: false, reason: problem } : readRecord(recentDocument, raw);
}

export function readAside(raw: unknown): Read<AsideRecord> {
  const problem = versionProblem(raw, FORMAT_VERSION);
  return problem ? { ok: false, reason: problem } : readRecord(asideRecord, raw);
}

/** An original record of a stored draft, or null when it is missing or unreadable. */
export function readOriginalRecord(raw: unknown): ImportedOriginal | null {
  const read = versionProblem(raw, FORMAT_VERSION) ? null : readRecord(originalRecord, raw);
  return read?.ok && read.unknownFields.length === 0
    ? { name: read.value.name, text: read.value.text, encoding: read.value.encoding }
    : null;
}

/** The emergency copy (or the note left when it did not fit), from the string localStorage holds. */
export function readEmergencyRecord(stored: string): Read<EmergencyCopy | EmergencyMissed> {
  let raw: unknown;
  try {
    raw = JSON.parse(stored);
  } catch {
    return { ok: false, reason: 'it is not valid JSON (damaged)' };
  }
  const problem = versionProblem(raw, FORMAT_VERSION);
  if (problem) return { ok: false, reason: problem };
  return readRecord<EmergencyCopy | EmergencyMissed>(
    raw !== null && typeof raw === 'object' && 'missed' in raw ? emergencyMissed : emergencyCopy,
    raw,
  );
}

/** The localStorage draft of the first builds as a bundle, or why it cannot be one. */
export function legacyBundle(stored: string): { bundle: DraftBundle } | { reason: string } {
  let meta: unknown;
  try {
    meta = JSON.parse(stored);
  } catch {
    return { reason: 'it is not valid JSON (damaged)' };
  }
  return { bundle: { meta, snapshots: new Map(), originals: new Map() } };
}
