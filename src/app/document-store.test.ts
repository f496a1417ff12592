import { describe, expect, it } from 'vitest';
import { BURST_MS, createDocumentStore, HISTORY_CHARS, HISTORY_LIMIT } from './document-store';

function store() {
  let clock = 0;
  const s = createDocumentStore(
    {
      present: { text: 'a', encoding: 'utf-8', snippet: false, original: null },
      target: 'wazuh@4.14',
      role: 'auto',
    },
    () => clock,
  );
  return { s, tick: (ms: number) => (clock += ms) };
}

describe('document store', () => {
  it('undoes and redoes every commit', () => {
    const { s, tick } = store();
    s.commit({ text: 'ab' }, { label: 'one' });
    tick(5000);
    s.commit({ text: 'abc' }, { label: 'two' });
    s.undo();
    expect(s.getState().present.text).toBe('ab');
    s.undo();
    expect(s.getState().present.text).toBe('a');
    s.undo();
    expect(s.getState().present.text).toBe('a');
    s.redo();
    s.redo();
    expect(s.getState().present.text).toBe('abc');
  });

  it('keeps whether the text is a snippet with each step, so undo and redo restore it', () => {
    const { s } = store();
    s.commit({ text: '<command/>', snippet: true }, { label: 'Inserted a template' });
    s.commit({ snippet: false }, { label: 'Read it as a whole file' });
    expect(s.getState().past).toHaveLength(2);
    s.undo();
    expect(s.getState().present).toMatchObject({ text: '<command/>', snippet: true });
    s.undo();
    expect(s.getState().present).toMatchObject({ text: 'a', snippet: false });
    s.redo();
    expect(s.getState().present.snippet).toBe(true);
    s.redo();
    expect(s.getState().present).toMatchObject({ text: '<command/>', snippet: false });
  });

  it('coalesces a typing burst on one key into one undo step', () => {
    const { s, tick } = store();
    s.commit({ text: 'a6' }, { label: 'timeout', coalesceKey: 'field:1:timeout' });
    tick(100);
    s.commit({ text: 'a60' }, { label: 'timeout', coalesceKey: 'field:1:timeout' });
    tick(100);
    s.commit({ text: 'a600' }, { label: 'timeout', coalesceKey: 'field:1:timeout' });
    s.undo();
    expect(s.getState().present.text).toBe('a');
  });

  it('starts a new step after a pause, another key, or an undo', () => {
    const { s, tick } = store();
    s.commit({ text: 'a1' }, { label: 'x', coalesceKey: 'k' });
    tick(BURST_MS + 1);
    s.commit({ text: 'a12' }, { label: 'x', coalesceKey: 'k' });
    s.commit({ text: 'a12z' }, { label: 'y', coalesceKey: 'other' });
    s.undo();
    expect(s.getState().present.text).toBe('a12');
    s.commit({ text: 'a12q' }, { label: 'x', coalesceKey: 'other' });
    s.undo();
    expect(s.getState().present.text).toBe('a12');
    s.undo();
    expect(s.getState().present.text).toBe('a1');
  });

  it('ignores a commit that changes nothing and drops the redo branch on a new edit', () => {
    const { s } = store();
    s.commit({ text: 'a' }, { label: 'same' });
    expect(s.getState().past).toHaveLength(0);
    s.commit({ text: 'b' }, { label: 'b' });
    s.undo();
    s.commit({ text: 'c' }, { label: 'c' });
    expect(s.getState().future).toHaveLength(0);
  });

  it('restores the imported original together with the text it came with', () => {
    const { s } = store();
    const original = { name: 'ossec.conf', text: '<ossec_config/>', encoding: 'latin1' as const };
    s.commit({ text: original.text, encoding: 'latin1', original }, { label: 'Import' });
    s.undo();
    expect(s.getState().present).toMatchObject({
      text: 'a',
      encoding: 'utf-8',
      snippet: false,
      original: null,
    });
  });

  it('keeps the history within its step and size limits', () => {
    const { s, tick } = store();
    for (let i = 0; i < HISTORY_LIMIT + 10; i++) {
      tick(5000);
      s.commit({ text: `t${i}` }, { label: 'x' });
    }
    expect(s.getState().past).toHaveLength(HISTORY_LIMIT);
    const big = 'x'.repeat(HISTORY_CHARS / 2);
    s.commit({ text: `${big}1` }, { label: 'x' });
    s.commit({ text: `${big}2` }, { label: 'x' });
    s.commit({ text: `${big}3` }, { label: 'x' });
    const past = s.getState().past;
    expect(past.reduce((n, p) => n + p.text.length, 0)).toBeLessThanOrEqual(HISTORY_CHARS);
    expect(past.at(-1)?.text).toBe(`${big}2`);
  });

  it('gives each document an identity that edits keep and undo brings back', () => {
    const { s, tick } = store();
    const first = s.getState().present.documentId;
    expect(first).toMatch(/\S/);
    s.commit({ text: 'ab' }, { label: 'edit' });
    expect(s.getState().present.documentId).toBe(first);
    tick(5000);
    s.commit({ text: '', documentId: 'other' }, { label: 'New document' });
    s.undo();
    expect(s.getState().present).toMatchObject({ text: 'ab', documentId: first });
  });

  it('changes nothing while read-only, and takes a whole stored state in place', () => {
    const { s } = store();
    s.commit({ text: 'ab' }, { label: 'x' });
    s.setReadOnly(true);
    s.commit({ text: 'abc' }, { label: 'x' });
    s.undo();
    s.setTarget('ossec@3.7');
    s.setRole('agent');
    expect(s.getState()).toMatchObject({
      readOnly: true,
      target: 'wazuh@4.14',
      role: 'auto',
      present: { text: 'ab' },
    });
    const present = {
      text: 'stored',
      encoding: 'utf-8' as const,
      snippet: false,
      original: null,
      documentId: 'd',
    };
    const past = [{ ...present, text: 'older' }];
    s.replace({ present, past, future: [], target: 'ossec@3.7', role: 'agent' }, 'Loaded');
    expect(s.getState()).toMatchObject({
      present,
      past,
      target: 'ossec@3.7',
      lastChange: 'Loaded',
      readOnly: true,
    });
    s.setReadOnly(false);
    s.undo();
    expect(s.getState().present.text).toBe('older');
  });

  it('brings the selection back with the text, and says what was undone or redone', () => {
    const { s, tick } = store();
    s.select(2);
    s.commit({ text: 'moved', selected: 0 }, { label: 'Moved a block' });
    expect(s.getState().lastChange).toBe('Moved a block');
    tick(5000);
    s.select(1);
    s.undo();
    expect(s.getState().present).toMatchObject({ text: 'a', selected: 2 });
    expect(s.getState().lastChange).toBe('Undid: Moved a block');
    s.redo();
    expect(s.getState().present).toMatchObject({ text: 'moved', selected: 1 });
    expect(s.getState().lastChange).toBe('Redid: Moved a block');
    const changes = s.getState().changes;
    s.select(0);
    expect(s.getState().changes).toBe(changes);
    expect(s.getState().past).toHaveLength(1);
  });
});
