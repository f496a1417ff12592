import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DocumentSnapshot, RestoredState } from '../document-store';
import {
  type DraftBundle,
  emptyLayout,
  KEYS,
  legacyBundle,
  readDraft,
  readRecentIndex,
} from './draft-format';
import { planSave } from './save-plan';

const original = { name: 'ossec.conf', text: '<ossec_config/>\r\n', encoding: 'latin1' as const };

function snap(text: string, documentId = 'doc-1', withOriginal = true): DocumentSnapshot {
  return { text, encoding: 'latin1', snippet: false, original: withOriginal ? original : null, documentId };
}

function legacy(extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    version: 1,
    savedAt: '2026-01-02T03:04:05.000Z',
    text: '<command>\r\n  <name>a&b</name>\r\n</command>\r\n',
    encoding: 'latin1',
    target: 'ossec@3.7',
    role: 'manager',
    original,
    ...extra,
  });
}

/** What a save plan writes, read back as storage would hand it over. */
function stored(state: RestoredState): DraftBundle {
  let id = 0;
  const plan = planSave(state, emptyLayout(), () => id++, '2026-01-01T00:00:00.000Z');
  const records = new Map(plan.puts);
  const pick = (prefix: string) =>
    new Map(
      [...records]
        .filter(([k]) => k.startsWith(prefix))
        .map(([k, v]) => [Number(k.slice(prefix.length)), structuredClone(v)]),
    );
  return {
    meta: structuredClone(records.get(KEYS.draft)),
    snapshots: pick('snapshot:'),
    originals: pick('original:'),
  };
}

describe('reading a stored draft', () => {
  it('migrates the localStorage draft of format 1 forward, keeping its text, encoding, target, role and original', () => {
    const parsed = legacyBundle(legacy());
    if (!('bundle' in parsed)) throw new Error('not read');
    const read = readDraft(parsed.bundle);
    expect(read.problems).toEqual([]);
    expect(read.keepAside).toBe(false);
    expect(read.restored).toMatchObject({
      present: {
        text: '<command>\r\n  <name>a&b</name>\r\n</command>\r\n',
        encoding: 'latin1',
        original,
      },
      past: [],
      future: [],
      target: 'ossec@3.7',
      role: 'manager',
    });
    expect(read.restored?.present.documentId).toMatch(/\S/);
  });

  it('restores a format 1 draft with an unknown field and asks for the stored copy to be kept aside', () => {
    const parsed = legacyBundle(legacy({ pinned: true }));
    if (!('bundle' in parsed)) throw new Error('not read');
    const read = readDraft(parsed.bundle);
    expect(read.restored?.present.text).toContain('a&b');
    expect(read.keepAside).toBe(true);
    expect(read.problems.join(' ')).toMatch(/does not know \(pinned\)/);
  });

  it('refuses, and keeps aside, a draft of a newer format, a damaged one and one of the wrong shape', () => {
    expect(legacyBundle('{"version":1,')).toEqual({ reason: 'it is not valid JSON (damaged)' });
    const cases: Array<[unknown, RegExp]> = [
      [{ ...JSON.parse(legacy()), version: 3 }, /newer version of AR Studio \(format 3/],
      [{ ...JSON.parse(legacy()), version: 0 }, /not one AR Studio ever wrote/],
      [{ text: 'x' }, /no version number/],
      ['a string', /not a record/],
      [{ ...JSON.parse(legacy()), encoding: 'utf-16' }, /field "encoding"/],
      [{ ...JSON.parse(legacy()), text: 42 }, /field "text"/],
    ];
    for (const [meta, reason] of cases) {
      const read = readDraft({ meta, snapshots: new Map(), originals: new Map() });
      expect(read.restored).toBeNull();
      expect(read.keepAside).toBe(true);
      expect(read.problems.join(' ')).toMatch(reason);
    }
  });

  it('reads back what a save wrote: the present, the undo and redo steps and the shared original', () => {
    const state: RestoredState = {
      present: { ...snap('abcXdef'), selected: 1, label: 'Edited timeout' },
      past: [snap(''), { ...snap('abcdef'), selected: null }, snap('other', 'doc-0', false)],
      future: [snap('abcXYdef'), snap('abcXYZdef')],
      target: 'wazuh@4.14',
      role: 'agent',
    };
    const read = readDraft(stored(state));
    expect(read.problems).toEqual([]);
    expect(read.restored).toEqual(state);
    const restored = read.restored as RestoredState;
    expect(restored.past[0].original).toBe(restored.present.original);
  });

  it('keeps whether each state is a snippet, and reads a format 1 draft without the flag as a whole file', () => {
    const state: RestoredState = {
      present: { ...snap('<command/>'), snippet: true },
      past: [snap('<ossec_config/>')],
      future: [],
      target: 'wazuh@4.14',
      role: 'auto',
    };
    expect(readDraft(stored(state)).restored).toEqual(state);
    const snippetOf = (raw: string) => {
      const parsed = legacyBundle(raw);
      if (!('bundle' in parsed)) throw new Error('not read');
      return readDraft(parsed.bundle).restored?.present.snippet;
    };
    expect(snippetOf(legacy())).toBe(false);
    expect(snippetOf(legacy({ snippet: true }))).toBe(true);
  });

  it('round-trips any history through its delta records', () => {
    const text = fc.string({ maxLength: 30 });
    fc.assert(
      fc.property(
        text,
        fc.array(text, { maxLength: 6 }),
        fc.array(text, { maxLength: 6 }),
        (present, past, future) => {
          const state: RestoredState = {
            present: snap(present),
            past: past.map((t) => snap(t)),
            future: future.map((t) => snap(t, 'doc-2', false)),
            target: 'wazuh@4.14',
            role: 'auto',
          };
          expect(readDraft(stored(state)).restored).toEqual(state);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps the present and the history up to a damaged step, and says how many steps were lost', () => {
    const state: RestoredState = {
      present: snap('v3'),
      past: [snap('v0'), snap('v1'), snap('v2')],
      future: [],
      target: 'wazuh@4.14',
      role: 'auto',
    };
    const bundle = stored(state);
    const v1 = (bundle.meta as { past: Array<{ id: number }> }).past[1].id;
    bundle.snapshots.set(v1, { ...(bundle.snapshots.get(v1) as object), prefix: 99 });
    const read = readDraft(bundle);
    expect(read.restored?.present.text).toBe('v3');
    expect(read.restored?.past.map((s) => s.text)).toEqual(['v2']);
    expect(read.problems.join(' ')).toMatch(/2 undo steps .* could not be read/);
    expect(read.keepAside).toBe(true);
  });

  it('refuses a draft whose present is missing, and restores one whose original is damaged without it', () => {
    const bundle = stored({ present: snap('x'), past: [], future: [], target: 'wazuh@4.14', role: 'auto' });
    const broken = { ...bundle, snapshots: new Map() };
    expect(readDraft(broken).problems.join(' ')).toMatch(/current text is missing or damaged/);
    const [originalId] = bundle.originals.keys();
    const noOriginal = { ...bundle, originals: new Map([[originalId, { version: 2 }]]) };
    const read = readDraft(noOriginal);
    expect(read.restored?.present).toMatchObject({ text: 'x', original: null });
    expect(read.keepAside).toBe(true);
  });

  it('reads the Recent list, and tells an unknown field from a broken entry', () => {
    const entry = {
      documentId: 'a',
      name: 'ossec.conf',
      savedAt: '2026-01-01T00:00:00Z',
      size: 10,
      blocks: 2,
    };
    expect(readRecentIndex({ version: 2, entries: [entry] })).toMatchObject({ ok: true, unknownFields: [] });
    expect(readRecentIndex({ version: 2, entries: [{ ...entry, colour: 'red' }] })).toMatchObject({
      ok: true,
      unknownFields: ['entries.0.colour'],
      value: { entries: [entry] },
    });
    expect(readRecentIndex({ version: 2, entries: [{ ...entry, size: -1 }] })).toMatchObject({ ok: false });
  });
});
