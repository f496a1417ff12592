import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../model/read';
import { corpusFiles, ownTarget } from '../test-support/corpus';
import { decodeBytes } from '../xml/encoding';
import { cleanedPatch } from './clean';
import { migrationMarkdown, migrationTextLines } from './format';
import { migrate } from './migrate';
import { definitionProblems, monitorProblems } from './server-rules';
import type { Migration, ReportItem } from './types';

/** The six documented examples of the seed, each command and response pair as one 4.x ossec.conf. */
const SEED = readFileSync(resolve(process.cwd(), '../shared/seed/active-response-examples.txt'), 'utf8');
const SNIPPETS = [...SEED.matchAll(/```\n([\s\S]*?)```/g)].map((m) => m[1]);
const EXAMPLES = Array.from({ length: 6 }, (_, i) => ({
  name: `seed-${i + 1}`,
  text: `<ossec_config>\n${SNIPPETS[2 * i]}${SNIPPETS[2 * i + 1]}</ossec_config>\n`,
  from: 'wazuh@4.14',
  role: 'manager' as const,
}));

/** Stock files migrate from their own version; the community's are 4.x managers (one is OSSEC's). */
const CORPUS = corpusFiles()
  .filter((f) => !f.name.startsWith('templated/'))
  .map((f) => ({
    name: f.name.replaceAll('/', '__'),
    text: decodeBytes(f.bytes).text,
    from: ownTarget(f.name)?.target ?? (f.name.includes('OSSEC') ? 'ossec@3.7' : 'wazuh@4.14'),
    role: ownTarget(f.name)?.role ?? ('auto' as const),
    // A fragment of the corpus is what it says: a snippet of an ossec.conf, not a whole file.
    snippet: f.name.startsWith('fragments/'),
  }));

const REASON = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const KINDS = ['exact', 'dropped', 'suggestion', 'placeholder', 'lost', 'rewrite', 'impossible'];

function checkItem(item: ReportItem) {
  expect(KINDS).toContain(item.kind);
  expect(item.reason).toMatch(REASON);
  expect(item.subject.length).toBeGreaterThan(0);
  expect(item.text.length).toBeGreaterThan(20);
}

/** The golden form: everything but the cleaned text, which the diff determines. */
function golden(m: Migration, name: string) {
  const { cleaned, ...rest } = m;
  return {
    ...rest,
    cleaned: { removed: cleaned.removed, diff: cleanedPatch(cleaned, name) },
  };
}

describe('migrate: golden outputs', () => {
  it('reads the six seed examples and the corpus', () => {
    expect(SNIPPETS).toHaveLength(12);
    expect(CORPUS.length).toBeGreaterThanOrEqual(50);
  });

  for (const input of [...EXAMPLES, ...CORPUS]) {
    it(`${input.name} (from ${input.from})`, async () => {
      const doc = readDocument(input.text, 'utf-8', 'snippet' in input && input.snippet);
      const m = migrate(doc, { from: input.from, role: input.role });
      for (const r of m.responses) {
        expect(r.items.length).toBeGreaterThan(0);
        r.items.forEach(checkItem);
        if (r.status === 'cannot-migrate') expect(r.definition).toBeUndefined();
        if (r.definition && r.monitor) {
          expect(definitionProblems(r.definition)).toEqual([]);
          expect(monitorProblems(r.monitor, r.definition.config_id)).toEqual([]);
        } else expect(r.status).toBe('cannot-migrate');
        if (r.checklist.length > 0) expect(r.items.some((i) => i.reason === 'custom-script')).toBe(true);
      }
      m.notes.forEach(checkItem);
      let kept = '';
      let at = 0;
      for (const range of m.cleaned.removed) {
        kept += input.text.slice(at, range.start);
        at = range.end;
      }
      expect(m.cleaned.text).toBe(kept + input.text.slice(at));
      await expect(`${JSON.stringify(golden(m, input.name), null, 2)}\n`).toMatchFileSnapshot(
        `golden/${input.name}.json`,
      );
      expect(migrationTextLines(m, input.name).length).toBeGreaterThan(0);
      expect(migrationMarkdown(m, input.name)).toContain(`# ${input.name}`);
    });
  }
});
