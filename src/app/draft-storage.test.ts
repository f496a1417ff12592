import { describe, expect, it } from 'vitest';
import { DRAFT_KEY, type Draft, loadDraft, migrateDraft, saveDraft } from './draft-storage';

function memory(): Storage {
  const items = new Map<string, string>();
  return {
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
    clear: () => items.clear(),
    key: (i) => [...items.keys()][i] ?? null,
    get length() {
      return items.size;
    },
  };
}

const draft: Draft = {
  snapshot: {
    text: '<command>\r\n  <name>a&b</name>\r\n</command>\r\n',
    encoding: 'latin1',
    snippet: true,
    original: { name: 'ossec.conf', text: '<ossec_config/>', encoding: 'latin1' },
  },
  target: 'ossec@3.7',
  role: 'manager',
};

describe('draft storage', () => {
  it('round-trips a draft with its target, role and original', () => {
    const storage = memory();
    expect(saveDraft(storage, draft)).toBeNull();
    expect(JSON.parse(storage.getItem(DRAFT_KEY) ?? '')).toMatchObject({ version: 1 });
    expect(loadDraft(storage)).toEqual({ draft, problem: null });
  });

  it('reads a version 1 draft saved before snippets as a whole file', () => {
    const storage = memory();
    saveDraft(storage, draft);
    const older = JSON.parse(storage.getItem(DRAFT_KEY) ?? '');
    delete older.snippet;
    storage.setItem(DRAFT_KEY, JSON.stringify(older));
    expect(loadDraft(storage).draft?.snapshot.snippet).toBe(false);
  });

  it('starts empty without a message when nothing was saved', () => {
    expect(loadDraft(memory())).toEqual({ draft: null, problem: null });
  });

  it('tolerates damaged and foreign payloads', () => {
    const storage = memory();
    storage.setItem(DRAFT_KEY, '{not json');
    expect(loadDraft(storage).draft).toBeNull();
    expect(loadDraft(storage).problem).toMatch(/damaged/);
    storage.setItem(DRAFT_KEY, JSON.stringify({ version: 99, text: 1 }));
    expect(loadDraft(storage).problem).toMatch(/not recognised/);
    expect(migrateDraft(null)).toBeNull();
  });

  it('reports storage that refuses to save or to read', () => {
    const full = {
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(saveDraft(full, draft)).toMatch(/too large/);
    const locked = {
      getItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(loadDraft(locked).problem).toMatch(/refused/);
  });
});
