import { describe, expect, it } from 'vitest';
import { FINISH_TEST_TIMEOUT_MS, finishes } from '../../test-support/finishes';
import { conf, findings, HOST_DENY, response } from '../testing';

describe('H4 loose text', () => {
  it('warns that a block "commented out" with # is live', () => {
    const text = `<ossec_config>\n${HOST_DENY}\n#  <active-response>\n#    <command>host-deny</command>\n#    <location>local</location><level>3</level>\n#  </active-response>\n</ossec_config>\n`;
    const found = findings('H4', text);
    expect(found.map((d) => [d.severity, d.blockIndex])).toEqual([['warning', 1]]);
  });

  it('hints that loose text inside a block is ignored', () => {
    const text = conf(
      HOST_DENY,
      response({ command: 'host-deny', location: 'local', level: '3' }).replace(
        '</level>',
        '</level> # Fail2ban',
      ),
    );
    const [d] = findings('H4', text);
    expect(d.severity).toBe('info');
    expect(d.message).toContain("'# Fail2ban'");
  });

  it('does not fire on comments and blanks', () => {
    const text = conf(
      HOST_DENY.replace('<name>', '<!-- stock --> <name>'),
      response({ command: 'host-deny', location: 'local', level: '3' }),
    );
    expect(findings('H4', text)).toEqual([]);
  });

  // Each of these once took quadratic time: comments that no `-->` closes, and blocks on one long line.
  it('reads many comments and a one-line file in one pass', { timeout: FINISH_TEST_TIMEOUT_MS }, async () => {
    await finishes(`
      import { readDocument } from './src/core/model/read.ts';
      import { h4LooseText } from './src/core/validation/rules/h4-loose-text.ts';
      // H4 looks at the text and the blocks only.
      const h4 = (text) => { const doc = readDocument(text); h4LooseText.check({ doc, blocks: doc.blocks }); };
      h4('<ossec_config><command>' + '<!-- a !>'.repeat(1_000_000) + 'x<name>a</name></command></ossec_config>');
      h4('<ossec_config>' + '<command><name>a</name></command>'.repeat(100_000) + '</ossec_config>');
    `);
  });

  it('sees a # before a block on its own line only', () => {
    const marked = (prefix: string) =>
      findings('H4', `<ossec_config>\n${prefix}${HOST_DENY}\n</ossec_config>`);
    expect(marked(' \t# ').map((d) => d.severity)).toEqual(['warning']);
    expect(marked('x # ')).toEqual([]);
    expect(marked('## ')).toEqual([]);
  });
});
