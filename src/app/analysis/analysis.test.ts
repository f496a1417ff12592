import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHECK_BUDGET_MS, type CheckOutcome, createAnalysis } from './analysis';
import type { AnalysisMessage, AnalysisReply } from './analysis-protocol';

/** A worker the test answers by hand: what was posted, whether it was ended. */
class FakeWorker {
  static made: FakeWorker[] = [];
  posted: AnalysisMessage[] = [];
  terminated = false;
  onmessage: ((event: { data: AnalysisReply }) => void) | null = null;
  constructor() {
    FakeWorker.made.push(this);
  }
  postMessage(message: AnalysisMessage) {
    this.posted.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  reply(reply: AnalysisReply) {
    this.onmessage?.({ data: reply });
  }
}

const request = (text: string) => ({
  text,
  encoding: 'utf-8' as const,
  snippet: false,
  target: 'wazuh@4.14',
  role: 'auto' as const,
  original: null,
});

const checks = (text: string) => ({
  text,
  diagnostics: [],
  responses: [],
  groups: [],
  items: [],
  changed: [],
});

beforeEach(() => {
  FakeWorker.made = [];
  vi.stubGlobal('Worker', FakeWorker);
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('createAnalysis', () => {
  it('runs one check at a time; a newer request replaces the waiting one, and only its answer is given', () => {
    const analysis = createAnalysis();
    const [checker] = FakeWorker.made;
    const seen: string[] = [];
    const done = (outcome: CheckOutcome) =>
      seen.push(outcome.kind === 'checked' ? outcome.checks.text : outcome.kind);
    analysis.check(request('a'), done);
    analysis.check(request('b'), done);
    analysis.check(request('c'), done);
    expect(checker.posted.map((m) => m.kind === 'check' && m.request.text)).toEqual(['a']);
    checker.reply({ id: checker.posted[0].id, kind: 'checked', checks: checks('a') });
    expect(checker.posted.map((m) => m.kind === 'check' && m.request.text)).toEqual(['a', 'c']);
    // An answer to a request no longer running is dropped.
    checker.reply({ id: checker.posted[0].id, kind: 'checked', checks: checks('a') });
    checker.reply({ id: checker.posted[1].id, kind: 'checked', checks: checks('c') });
    expect(seen).toEqual(['a', 'c']);
    analysis.dispose();
  });

  it('stops a check that runs past its budget, says so, and goes on with a fresh worker', () => {
    const analysis = createAnalysis();
    const [checker] = FakeWorker.made;
    const outcomes: CheckOutcome[] = [];
    analysis.check(request('stuck'), (outcome) => outcomes.push(outcome));
    analysis.check(request('next'), (outcome) => outcomes.push(outcome));
    vi.advanceTimersByTime(CHECK_BUDGET_MS + 1);
    expect(outcomes).toEqual([{ kind: 'over-budget', budgetMs: CHECK_BUDGET_MS }]);
    expect(checker.terminated).toBe(true);
    const fresh = FakeWorker.made.at(-1) as FakeWorker;
    expect(fresh).not.toBe(checker);
    expect(fresh.posted.map((m) => m.kind === 'check' && m.request.text)).toEqual(['next']);
    fresh.reply({ id: fresh.posted[0].id, kind: 'checked', checks: checks('next') });
    expect(outcomes.at(-1)).toEqual({ kind: 'checked', checks: checks('next') });
    analysis.dispose();
  });

  it('plays alerts in a worker of their own, so a long simulation never holds up the checks', () => {
    const analysis = createAnalysis();
    const [checker, simulator] = FakeWorker.made;
    const played: unknown[] = [];
    analysis.simulate(
      {
        text: '',
        encoding: 'utf-8',
        snippet: false,
        target: 'wazuh@4.14',
        alert: { ruleId: 1, level: 3, groups: '' },
      },
      (outcome) => played.push(outcome),
    );
    analysis.check(request('a'), () => {});
    expect(simulator.posted).toHaveLength(1);
    expect(checker.posted).toHaveLength(1);
    vi.advanceTimersByTime(60_000);
    expect(played).toEqual([{ kind: 'failed', message: expect.stringMatching(/took longer than \d+ s/) }]);
    analysis.dispose();
  });
});
