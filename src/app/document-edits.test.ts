import { describe, expect, it } from 'vitest';
import { EditError, setField } from '../core';
import type { Analysis } from './analysis/analysis';
import { applyEdit, READ_ONLY_STATUS, selectedBlock } from './document-edits';
import { createDocumentPipeline } from './document-pipeline';
import { createDocumentStore } from './document-store';

const TEXT = `<command>
  <name>host-deny</name>
  <executable>host-deny</executable>
</command>
<active-response>
  <command>host-deny</command>
  <location>local</location>
  <level>7</level>
</active-response>
`;

/** Checks are beside the point here: they never answer. */
const silent: Analysis = { immediate: false, check() {}, simulate() {}, dispose() {} };

function setup() {
  const store = createDocumentStore({
    present: { text: TEXT, encoding: 'utf-8', snippet: false, original: null },
    target: 'wazuh@4.14',
    role: 'auto',
  });
  return { store, pipeline: createDocumentPipeline(store, silent) };
}

describe('applyEdit', () => {
  it('commits the edited document as one step, keeps the selection, and the pipeline shows that document', () => {
    const { store, pipeline } = setup();
    store.select(1);
    const outcome = applyEdit(store, pipeline, (d) => setField(d, 1, 'level', '10'), 'Edited level');
    expect('refused' in outcome).toBe(false);
    expect(store.getState().present.text).toContain('<level>10</level>');
    expect(store.getState().present.selected).toBe(1);
    expect(store.getState().past).toHaveLength(1);
    if (!('refused' in outcome)) expect(pipeline.getView().doc).toBe(outcome.doc);
  });

  it('refuses in a read-only tab and says why an edit failed, changing nothing', () => {
    const { store, pipeline } = setup();
    expect(
      applyEdit(
        store,
        pipeline,
        () => {
          throw new EditError('no such field');
        },
        'Broken',
      ),
    ).toEqual({ refused: 'no such field' });
    store.setReadOnly(true);
    expect(applyEdit(store, pipeline, (d) => setField(d, 1, 'level', '10'), 'Edited level')).toEqual({
      refused: READ_ONLY_STATUS,
    });
    expect(store.getState().present.text).toBe(TEXT);
  });

  it('starts a fresh document on its first block', () => {
    const { store, pipeline } = setup();
    expect(selectedBlock(store.getState(), pipeline.getView().doc)).toBe(0);
  });
});
