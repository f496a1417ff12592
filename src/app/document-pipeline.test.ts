import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseTarget, readDocument, setField, validate } from '../core';
import { SNIPPET_ADVICE } from '../features/import-export/read-import';
import { type CheckRequest, createChecks } from './analysis/analyse';
import type { Analysis, CheckOutcome } from './analysis/analysis';
import { CHECK_PAUSE_MS, createDocumentPipeline } from './document-pipeline';
import { createDocumentStore } from './document-store';

const TEXT = `<ossec_config>
  <command>
    <name>host-deny</name>
    <executable>host-deny</executable>
    <timeout_allowed>yes</timeout_allowed>
  </command>
  <active-response>
    <command>host-deny</command>
    <location>local</location>
    <level>7</level>
    <timeout>600</timeout>
  </active-response>
  <active-response>
    <command>missing</command>
    <location>local</location>
    <level>9</level>
  </active-response>
</ossec_config>
`;

function store(text = TEXT) {
  return createDocumentStore({
    present: { text, encoding: 'utf-8', snippet: false, original: null },
    target: 'wazuh@4.14',
    role: 'auto',
  });
}

/** The analysis as the page has it without workers: the same checks, answered at once. */
function immediate(): Analysis & { requests: CheckRequest[] } {
  const run = createChecks();
  const requests: CheckRequest[] = [];
  return {
    immediate: true,
    requests,
    check(request, done) {
      requests.push(request);
      done({ kind: 'checked', checks: run(request) });
    },
    simulate() {},
    dispose() {},
  };
}

/** An analysis that answers when the test says so, as a worker does. */
function later() {
  const run = createChecks();
  const waiting: { request: CheckRequest; done: (outcome: CheckOutcome) => void }[] = [];
  const analysis: Analysis = {
    immediate: false,
    check: (request, done) => waiting.push({ request, done }),
    simulate() {},
    dispose() {},
  };
  const answer = () => {
    const next = waiting.shift();
    next?.done({ kind: 'checked', checks: run(next.request) });
  };
  return { analysis, waiting, answer };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('document pipeline', () => {
  it('reads the store’s text and shows the checks of it', () => {
    const s = store();
    const pipeline = createDocumentPipeline(s, immediate());
    const view = pipeline.getView();
    expect(view.doc.text).toBe(TEXT);
    const expected = validate(readDocument(TEXT, 'utf-8', false), {
      target: parseTarget('wazuh@4.14'),
      role: 'auto',
      snippetAdvice: SNIPPET_ADVICE,
    });
    expect(view.checks.diagnostics).toEqual(expected);
    expect(view.items.map((item) => item.title)).toEqual(['host-deny', 'host-deny', 'missing']);
    expect(view.status).toEqual({ kind: 'current' });
  });

  it('uses the document an edit produced instead of reading the text again', () => {
    const s = store();
    const pipeline = createDocumentPipeline(s, immediate());
    const edited = setField(pipeline.getView().doc, 1, 'timeout', '900');
    pipeline.adopt(edited);
    s.commit({ text: edited.text }, { label: 'Edited timeout' });
    expect(pipeline.getView().doc).toBe(edited);
  });

  it('finds the agent groups again after an edit, unless the edit cannot change them', () => {
    vi.useFakeTimers();
    const s = store();
    // Checks that never answer: the groups seen are the pipeline's own.
    const pipeline = createDocumentPipeline(s, later().analysis);
    const groups = pipeline.getView().groups;
    const kept = setField(pipeline.getView().doc, 1, 'timeout', '900');
    pipeline.adopt(kept, { groupsKept: true });
    s.commit({ text: kept.text }, { label: 'Edited timeout' });
    expect(pipeline.getView().groups).toBe(groups);
    const moved = setField(pipeline.getView().doc, 1, 'location', 'defined-agent');
    pipeline.adopt(moved);
    s.commit({ text: moved.text }, { label: 'Edited location' });
    expect(pipeline.getView().groups).not.toBe(groups);
  });

  it('keeps the last readable document while the text does not read', () => {
    const s = store();
    const pipeline = createDocumentPipeline(s, immediate());
    const readable = pipeline.getView().doc;
    s.commit({ text: TEXT.replace('</command>', '</commnd>') }, { label: 'Broke it' });
    expect(pipeline.getView().doc.xmlError).not.toBeNull();
    expect(pipeline.getView().readable).toBe(readable);
  });

  it('keeps the rows an edit did not change, so the list redraws only the changed one', () => {
    const s = store();
    const pipeline = createDocumentPipeline(s, immediate());
    const before = pipeline.getView().items;
    s.commit({ text: TEXT.replace('<level>9</level>', '<level>10</level>') }, { label: 'Edited level' });
    const after = pipeline.getView().items;
    expect(after[0]).toBe(before[0]);
    expect(after[1]).toBe(before[1]);
    expect(after[2]).not.toBe(before[2]);
    expect(after[2].detail).toContain('level ≥ 10');
  });

  it('asks for checks once the typing pauses, with the latest text, and shows the answer when it comes', () => {
    vi.useFakeTimers();
    const s = store();
    const { analysis, waiting, answer } = later();
    const pipeline = createDocumentPipeline(s, analysis);
    answer();
    let text = TEXT;
    for (const digit of ['1', '2', '3']) {
      text = text.replace('<level>7', `<level>7${digit}`);
      s.commit({ text }, { label: 'Typed', coalesceKey: 'level' });
      vi.advanceTimersByTime(CHECK_PAUSE_MS / 2);
    }
    expect(waiting).toEqual([]);
    expect(pipeline.getView().status).toEqual({ kind: 'running' });
    vi.advanceTimersByTime(CHECK_PAUSE_MS);
    expect(waiting.map((w) => w.request.text)).toEqual([text]);
    expect(pipeline.getView().checks.text).toBe(TEXT);
    answer();
    expect(pipeline.getView().checks.text).toBe(text);
    expect(pipeline.getView().status).toEqual({ kind: 'current' });
  });

  it('shows checks made elsewhere for the text the store takes next, without asking for them again', () => {
    const s = store();
    const { analysis, waiting, answer } = later();
    const pipeline = createDocumentPipeline(s, analysis);
    answer();
    const opened = TEXT.replace('<level>9</level>', '<level>12</level>');
    const request = {
      text: opened,
      encoding: 'utf-8' as const,
      snippet: false,
      target: 'wazuh@4.14',
      role: 'auto' as const,
      original: opened,
    };
    const checks = createChecks()(request);
    pipeline.remember(request, checks);
    s.commit(
      { text: opened, original: { name: 'opened.conf', text: opened, encoding: 'utf-8' } },
      { label: 'Opened' },
    );
    expect(pipeline.getView().checks).toBe(checks);
    expect(pipeline.getView().status).toEqual({ kind: 'current' });
    expect(waiting).toEqual([]);
  });

  it('says when the checks ran past their budget, and keeps the last ones', () => {
    const s = store();
    const { analysis, waiting, answer } = later();
    const pipeline = createDocumentPipeline(s, analysis);
    answer();
    const shown = pipeline.getView().checks;
    s.setTarget('ossec@3.7');
    waiting.shift()?.done({ kind: 'over-budget', budgetMs: 20_000 });
    expect(pipeline.getView().status).toEqual({ kind: 'over-budget', budgetMs: 20_000 });
    expect(pipeline.getView().checks).toBe(shown);
  });
});
