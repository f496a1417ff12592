import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { arConfLines } from '../derive/ar-conf';
import { deriveResponses } from '../derive/responses';
import { applyOps } from '../model/edit';
import { readDocument } from '../model/read';
import type { ConfigDocument, Diagnostic } from '../model/types';
import { isAccepted, validate } from './validate';

/** The six documented examples of the seed, each command and response pair as one ossec.conf. */
const SEED = readFileSync(resolve(process.cwd(), '../shared/seed/active-response-examples.txt'), 'utf8');
const SNIPPETS = [...SEED.matchAll(/```\n([\s\S]*?)```/g)].map((m) => m[1]);
const EXAMPLES = Array.from(
  { length: 6 },
  (_, i) => `<ossec_config>\n${SNIPPETS[2 * i]}${SNIPPETS[2 * i + 1]}</ossec_config>\n`,
);

const OLD = ['ossec@2.8', 'ossec@3.7', 'ossec@4.2', 'wazuh@3.0', 'wazuh@3.13', 'wazuh@4.1'];
const NEW = ['wazuh@4.2', 'wazuh@4.14'];

function run(text: string, target: string): Diagnostic[] {
  return validate(readDocument(text), { target, role: 'manager' });
}

const codes = (found: Diagnostic[]) => found.map((d) => `${d.severity} ${d.code}`);

/** Applies every offered fix until none is left: the example "as corrected" for the target. */
function corrected(text: string, target: string): ConfigDocument {
  let doc = readDocument(text);
  for (let round = 0; round < 20; round++) {
    const fix = validate(doc, { target, role: 'manager' }).find((d) => d.fix)?.fix;
    if (!fix) return doc;
    doc = applyOps(doc, fix.ops);
  }
  throw new Error('fixes do not converge');
}

describe('the six documented examples (reference §8)', () => {
  it('reads six examples from the seed', () => {
    expect(SNIPPETS).toHaveLength(12);
  });

  it('Ex1 restart-ossec: valid up to 4.1; on 4.2+ expect is deprecated and the script is restart-wazuh', () => {
    for (const target of OLD) expect(codes(run(EXAMPLES[0], target))).toEqual([]);
    const found = run(EXAMPLES[0], 'wazuh@4.14');
    expect(codes(found)).toEqual(['info C9', 'info C11', 'info C3']);
    expect(found.find((d) => d.code === 'C11')?.fix?.ops[0]).toMatchObject({ value: 'restart-wazuh' });
    const [summary] = deriveResponses(readDocument(EXAMPLES[0]), 'wazuh@4.1', 'manager');
    expect(summary).toMatchObject({ stateful: false, arConfLine: 'restart-ossec0 - restart-ossec.sh - 0' });
  });

  it('Ex2 win_route-null: valid and stateful, may reach Linux agents; on 4.2+ the script is route-null.exe', () => {
    for (const target of OLD) expect(codes(run(EXAMPLES[1], target))).toEqual(['info H3']);
    expect(codes(run(EXAMPLES[1], 'wazuh@4.2'))).toEqual(['info C11', 'info C3', 'info H3']);
    expect(arConfLines(readDocument(EXAMPLES[1]), 'wazuh@4.1', 'manager')).toEqual([
      'win_route-null900 - route-null.cmd - 900',
    ]);
  });

  it('Ex2 with the U+2010 hyphens of the older docs page is refused (1230)', () => {
    const text = EXAMPLES[1]
      .replaceAll('active-response', 'active\u2010response')
      .replaceAll('route-null<', 'route\u2010null<');
    const found = run(text, 'wazuh@4.1');
    expect(isAccepted(found)).toBe(false);
    expect(found.find((d) => d.code === 'X3')?.daemonMessage).toBe(
      "(1230): Invalid element in the configuration: 'active\u2010response'.",
    );
    expect(found.some((d) => d.code === 'X2')).toBe(true);
  });

  it('Ex3 pf-block: accepted, but the comma group list never matches; a stateless block never lifts', () => {
    for (const target of [...OLD, ...NEW]) {
      const found = run(EXAMPLES[2], target);
      expect(isAccepted(found)).toBe(true);
      expect(found.find((d) => d.code === 'A11')?.fix?.ops[0]).toMatchObject({
        value: 'authentication_failed|authentication_failures',
      });
      expect(found.some((d) => d.code === 'A6' || d.code === 'A5')).toBe(false);
    }
    expect(codes(run(EXAMPLES[2], 'wazuh@4.14'))).toEqual(['info C11', 'info C3', 'info H1', 'warning A11']);
    expect(deriveResponses(readDocument(EXAMPLES[2]), 'wazuh@4.14', 'manager')[0].stateful).toBe(false);
  });

  it('Ex4 firewall-drop as documented: malformed XML (1226), then the unknown firewall-block (1303)', () => {
    for (const target of [...OLD, ...NEW]) {
      const found = run(EXAMPLES[3], target);
      expect(found[0]).toMatchObject({ code: 'X1', severity: 'error', line: 3 });
      expect(found[0].daemonMessage).toContain("XMLERR: Element 'name' not closed.");
      const unknown = found.find((d) => d.code === 'A2');
      expect(unknown?.daemonMessage).toContain("Invalid command 'firewall-block' in the active response.");
      expect(unknown?.fix?.ops[0]).toMatchObject({ op: 'setField', value: 'firewall-drop' });
    }
  });

  it('Ex4 once the XML and the name are fixed: 1305 refuses on OSSEC and Wazuh <3.7, warns from 3.7', () => {
    const text = EXAMPLES[3]
      .replace('firewall-drop</command>', 'firewall-drop</name>')
      .replace('firewall-block', 'firewall-drop');
    for (const target of ['ossec@2.8', 'ossec@3.7', 'ossec@4.2', 'wazuh@3.0', 'wazuh@3.6']) {
      expect(codes(run(text, target)).filter((c) => c.endsWith('A14'))).toEqual(['error A14']);
    }
    for (const target of ['wazuh@3.7', 'wazuh@4.1', 'wazuh@4.14']) {
      expect(codes(run(text, target)).filter((c) => c.endsWith('A14'))).toEqual(['warning A14']);
      expect(arConfLines(readDocument(text), target, 'manager')[0]).toMatch(
        /^firewall-drop0 - firewall-drop.sh - 0$/,
      );
    }
    const all = codes(run(text, 'wazuh@4.14'));
    expect(all).toEqual(expect.arrayContaining(['warning A11', 'warning A19', 'info C11', 'info H2']));
  });

  it('Ex5 host-deny: valid everywhere, stateful for 600 s', () => {
    for (const target of OLD) expect(codes(run(EXAMPLES[4], target))).toEqual([]);
    expect(codes(run(EXAMPLES[4], 'wazuh@4.14'))).toEqual(['info C11', 'info C3']);
    const [summary] = deriveResponses(readDocument(EXAMPLES[4]), 'ossec@3.7', 'manager');
    expect(summary).toMatchObject({ stateful: true, effectiveTimeout: 600 });
    expect(summary.summary).toBe(
      'Runs host-deny on the agent that raised the alert when a rule of level 7 or more fires; undone after 600 s.',
    );
  });

  it('Ex6 mail-test: valid with <expect />; a custom script, stateless, run on the manager', () => {
    for (const target of OLD) expect(codes(run(EXAMPLES[5], target))).toEqual(['info C11']);
    expect(codes(run(EXAMPLES[5], 'wazuh@4.14'))).toEqual(['info C11', 'info C3']);
    expect(arConfLines(readDocument(EXAMPLES[5]), 'ossec@2.8', 'manager')).toEqual([
      'mail-test0 - mail-test.sh - 0',
    ]);
  });

  it('every example, corrected by its one-click fixes (Ex4 after fixing its XML), is accepted with no warning but A19', () => {
    const texts = EXAMPLES.map((t, i) =>
      i === 3 ? t.replace('firewall-drop</command>', 'firewall-drop</name>') : t,
    );
    for (const target of [...OLD, ...NEW]) {
      for (const text of texts) {
        const found = validate(corrected(text, target), { target, role: 'manager' });
        expect(found.filter((d) => d.severity !== 'info' && d.code !== 'A19')).toEqual([]);
      }
    }
  });
});
