import { z } from 'zod';
import type { DocumentSnapshot, RoleChoice } from './document-store';

export const DRAFT_KEY = 'ar-studio:draft';

const encoding = z.enum(['utf-8', 'latin1']);

const draftV1 = z.object({
  version: z.literal(1),
  savedAt: z.string(),
  text: z.string(),
  encoding,
  // Added within version 1: a draft saved before it is a whole file.
  snippet: z.boolean().optional(),
  target: z.string(),
  role: z.enum(['auto', 'manager', 'agent']),
  original: z.object({ name: z.string(), text: z.string(), encoding }).nullable(),
});

export type DraftV1 = z.infer<typeof draftV1>;

export interface Draft {
  snapshot: DocumentSnapshot;
  target: string;
  role: RoleChoice;
}

/**
 * Brings any payload this app ever saved up to the current version, or null when it is not one of
 * ours. Each future version adds one step here, so an old draft still opens after an upgrade.
 */
export function migrateDraft(raw: unknown): DraftV1 | null {
  const parsed = draftV1.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

export type LoadResult = { draft: Draft | null; problem: string | null };

export function loadDraft(storage: Pick<Storage, 'getItem'> | undefined): LoadResult {
  let stored: string | null;
  try {
    stored = storage?.getItem(DRAFT_KEY) ?? null;
  } catch {
    return {
      draft: null,
      problem: 'The browser refused access to local storage; the draft cannot be restored.',
    };
  }
  if (stored === null) return { draft: null, problem: null };
  let raw: unknown;
  try {
    raw = JSON.parse(stored);
  } catch {
    return {
      draft: null,
      problem: 'The saved draft was damaged and could not be read; starting from an empty document.',
    };
  }
  const draft = migrateDraft(raw);
  if (!draft) {
    return { draft: null, problem: 'The saved draft was not recognised; starting from an empty document.' };
  }
  return {
    draft: {
      snapshot: {
        text: draft.text,
        encoding: draft.encoding,
        snippet: draft.snippet ?? false,
        original: draft.original,
      },
      target: draft.target,
      role: draft.role,
    },
    problem: null,
  };
}

/** Returns a message when the draft could not be saved (quota, private mode), so the page can say so. */
export function saveDraft(
  storage: Pick<Storage, 'setItem'> | undefined,
  draft: Draft,
  now = new Date(),
): string | null {
  const payload: DraftV1 = {
    version: 1,
    savedAt: now.toISOString(),
    text: draft.snapshot.text,
    encoding: draft.snapshot.encoding,
    snippet: draft.snapshot.snippet,
    target: draft.target,
    role: draft.role,
    original: draft.snapshot.original,
  };
  try {
    storage?.setItem(DRAFT_KEY, JSON.stringify(payload));
    return null;
  } catch {
    return 'The draft is too large for this browser’s local storage and is not being saved; export it to keep it.';
  }
}
