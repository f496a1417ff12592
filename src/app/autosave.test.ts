import { afterEach, describe, expect, it, vi } from 'vitest';
import { SAVE_DELAY_MS, startAutosave } from './autosave';
import { createDocumentStore } from './document-store';
import { DRAFT_KEY, loadDraft } from './draft-storage';

afterEach(() => {
  vi.useRealTimers();
  localStorage.clear();
});

describe('autosave', () => {
  it('saves shortly after a change and on pagehide', () => {
    vi.useFakeTimers();
    const store = createDocumentStore({
      present: { text: '', encoding: 'utf-8', snippet: false, original: null },
      target: 'wazuh@4.14',
      role: 'auto',
    });
    const results: Array<string | null> = [];
    const stop = startAutosave(store, localStorage, (r) => results.push(r));
    store.commit({ text: '<command/>' }, { label: 'x' });
    expect(localStorage.getItem(DRAFT_KEY)).toBeNull();
    vi.advanceTimersByTime(SAVE_DELAY_MS);
    expect(loadDraft(localStorage).draft?.snapshot.text).toBe('<command/>');
    store.setTarget('ossec@3.7');
    window.dispatchEvent(new Event('pagehide'));
    expect(loadDraft(localStorage).draft?.target).toBe('ossec@3.7');
    expect(results).toEqual([null, null]);
    stop();
  });
});
