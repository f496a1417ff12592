import { describe, expect, it } from 'vitest';
import { corpusFiles } from '../test-support/corpus';
import { decodeBytes, encodeText } from '../xml/encoding';
import { positionAt } from '../xml/positions';
import { activeResponseOf, commandOf } from './fields';
import { readDocument } from './read';

describe('readDocument', () => {
  it('finds only the direct children of <ossec_config>, not <localfile><command>', () => {
    const doc = readDocument(
      [
        '<ossec_config>',
        '  <localfile><log_format>command</log_format><command>df -P</command></localfile>',
        '  <command><name>a</name><executable>a.sh</executable></command>',
        '  <wodle name="command"><command>ls</command></wodle>',
        '</ossec_config>',
        '<ossec_config>',
        '  <active-response><command>a</command><location>local</location></active-response>',
        '</ossec_config>',
      ].join('\n'),
    );
    expect(doc.shape).toBe('config');
    expect(doc.blocks.map((b) => [b.kind, b.topLevelIndex, b.inConfigRoot])).toEqual([
      ['command', 0, true],
      ['active-response', 1, true],
    ]);
    expect(commandOf(doc.blocks[0])).toEqual({ name: 'a', executable: 'a.sh' });
    expect(activeResponseOf(doc.blocks[1])).toEqual({ command: 'a', location: 'local' });
    expect(positionAt(doc.text, doc.blocks[1].start)).toEqual({ line: 7, column: 3 });
  });

  it('reads a root-less fragment and keeps stray blocks of a full file apart', () => {
    expect(readDocument('<command><name>x</name></command>').shape).toBe('fragment');
    const mixed = readDocument(
      '<ossec_config></ossec_config>\n<active-response><command>x</command></active-response>',
    );
    expect(mixed.shape).toBe('config');
    expect(mixed.blocks[0].inConfigRoot).toBe(false);
    expect(
      readDocument('<agent_config><active-response><disabled>no</disabled></active-response></agent_config>')
        .shape,
    ).toBe('agent-config');
  });

  it('detects the file layout', () => {
    const doc = readDocument(
      '<ossec_config>\r\n\t<command>\r\n\t\t<name>x</name>\r\n\t</command>\r\n</ossec_config>',
    );
    expect(doc.layout).toEqual({
      eol: '\r\n',
      indentUnit: '\t',
      blockIndent: '\t',
      childIndent: '\t\t',
      finalNewline: false,
      lineBreaks: { lf: 4, crlf: 4 },
    });
  });

  it('reports the documented firewall-drop defect at its line and column', () => {
    const text = [
      '<command>',
      '  <name>firewall-drop</command>',
      '  <executable>firewall-drop.sh</executable>',
      '  <expect>srcip</expect>',
      '</command>',
    ].join('\n');
    const doc = readDocument(text);
    expect(doc.problems).toHaveLength(1);
    expect(doc.problems[0]).toMatchObject({ code: 'X1', severity: 'error', line: 2, column: 22 });
    expect(doc.problems[0].message).toBe('<name> is closed by </command>: the daemon refuses the file.');
    expect(doc.problems[0].daemonMessage).toContain("XMLERR: Element 'name' not closed.");
    expect(commandOf(doc.blocks[0])).toMatchObject({ name: 'firewall-drop', executable: 'firewall-drop.sh' });
  });

  it('reports unclosed tags, unclosed comments, CDATA, declarations and garbage without throwing', () => {
    const cases: Array<[string, string]> = [
      ['<ossec_config>\n  <command>\n', 'X1'],
      ['<ossec_config><!-- open\n</ossec_config>', 'X1'],
      ['<ossec_config><command><name><![CDATA[x]]></name></command></ossec_config>', 'X1'],
      ['<?xml version="1.0"?>\n<ossec_config/>', 'X1'],
    ];
    for (const [text, code] of cases) {
      const doc = readDocument(text);
      expect(doc.problems.map((p) => p.code)).toContain(code);
      expect(doc.problems[0].line).toBeGreaterThan(0);
    }
    expect(readDocument('<ossec_config><!DOCTYPE x !></ossec_config>').problems[0]).toMatchObject({
      code: 'X2',
      severity: 'warning',
    });
    expect(readDocument('').problems).toEqual([]);
    let seed = 7;
    for (let i = 0; i < 200; i++) {
      const bytes = new Uint8Array(64).map(() => {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        return seed & 0xff;
      });
      const { text, encoding } = decodeBytes(bytes);
      expect(() => readDocument(text, encoding)).not.toThrow();
    }
  });

  it('never decodes a byte it cannot give back', () => {
    const latin1 = new Uint8Array([0x3c, 0x61, 0x3e, 0xe9, 0xff, 0x3c, 0x2f, 0x61, 0x3e]);
    const decoded = decodeBytes(latin1);
    expect(decoded.encoding).toBe('latin1');
    expect(decoded.problem).toMatch(/not valid UTF-8/);
    expect(encodeText(decoded.text, decoded.encoding)).toEqual(latin1);
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, 0x3c, 0x61, 0x2f, 0x3e]);
    expect(encodeText(decodeBytes(bom).text, 'utf-8')).toEqual(bom);
  });
});

describe('the corpus of real files', () => {
  const files = corpusFiles();

  it('has files to read', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  for (const file of files) {
    it(`${file.name} reads and exports byte for byte`, () => {
      const { text, encoding } = decodeBytes(file.bytes);
      const doc = readDocument(text, encoding);
      expect(encodeText(doc.text, doc.encoding)).toEqual(file.bytes);
      const errors = doc.problems.filter((p) => p.severity === 'error');
      if (file.name.startsWith('templated/')) return;
      if (file.name.includes('EvilTom1')) {
        // This admin's file starts with <?xml version="1.0" encoding="UTF-8"?>, which the daemons refuse (reference §13).
        expect(errors.map((p) => p.message)).toEqual([expect.stringContaining('XML declaration')]);
        return;
      }
      expect(errors).toEqual([]);
    });
  }
});
