import { describe, expect, it } from 'vitest';
import { FINISH_TEST_TIMEOUT_MS, finishes } from '../test-support/finishes';
import { DEFAULT_MAX_TEXT, readOsXml } from './os-xml';
import { positionAt } from './positions';

function only(text: string) {
  const result = readOsXml(text);
  return { ...result, root: result.roots[0] };
}

describe('readOsXml follows the daemon dialect', () => {
  it('keeps whitespace in values and never decodes entities', () => {
    const { root, error } = only('<a><b> host-deny </b><c>&amp;&lt;x&#65;</c><d>a & b > c</d></a>');
    expect(error).toBeNull();
    expect(root.children.map((c) => c.value)).toEqual([' host-deny ', '&amp;&lt;x&#65;', 'a & b > c']);
  });

  it('drops a comment inside a value and joins the halves', () => {
    const { root } = only('<a><b>fire<!-- note -->wall</b></a>');
    expect(root.children[0].value).toBe('firewall');
  });

  it('accepts `--` inside a comment, as the stock OSSEC files have', () => {
    const { error, roots, comments } = only('<!-- every 20 hours -- default --><a><b>1</b></a>');
    expect(error).toBeNull();
    expect(roots).toHaveLength(1);
    expect(comments).toEqual([{ start: 0, end: 34 }]);
  });

  it('ends a comment at `!>` and at `--->`', () => {
    expect(only('<!-- x !><a/>').roots.map((r) => r.name)).toEqual(['a']);
    expect(only('<!-- x ---><a/>').roots.map((r) => r.name)).toEqual(['a']);
  });

  it('reads CDATA as a comment: unclosed when no `-->` follows', () => {
    const { error } = only('<a><b><![CDATA[x]]></b></a>');
    expect(error?.message).toBe('XMLERR: Comment not closed.');
    expect(error?.offset).toBe(6);
  });

  it('swallows everything up to the next `-->` after a CDATA', () => {
    const { root, error } = only('<a><b>1<![CDATA[x]]></b> -->2</b><d>1</d></a>');
    expect(error).toBeNull();
    expect(root.children.map((c) => [c.name, c.value])).toEqual([
      ['b', '12'],
      ['d', '1'],
    ]);
  });

  it('refuses a mismatched closing tag at the closing tag (the documented firewall-drop example)', () => {
    const text =
      '<command>\n  <name>firewall-drop</command>\n  <executable>firewall-drop.sh</executable>\n</command>\n';
    const { error, root } = only(text);
    expect(error?.message).toBe("XMLERR: Element 'name' not closed.");
    expect(positionAt(text, error?.offset ?? -1)).toEqual({ line: 2, column: 22 });
    // Recovery reads on: the typo closes <name>, the rest of the block is still there.
    expect(root.children.map((c) => [c.name, c.value])).toEqual([
      ['name', 'firewall-drop'],
      ['executable', 'firewall-drop.sh'],
    ]);
  });

  it('unwinds to the named ancestor when a closing tag was left out', () => {
    const text =
      '<r><command><name>x\n<executable>y</executable></command><command><name>z</name></command></r>';
    const { error, root } = only(text);
    expect(error?.message).toBe("XMLERR: Element 'name' not closed.");
    expect(root.children.map((c) => c.name)).toEqual(['command', 'command']);
  });

  it('reports an unclosed element at its open tag', () => {
    const { error } = only('<ossec_config>\n  <command>\n');
    expect(error?.message).toBe('XMLERR: End of file and some elements were not closed.');
    expect(error?.offset).toBe(17);
  });

  it('refuses an XML declaration the way the daemon does', () => {
    expect(only('<?xml version="1.0"?>\n<a/>').error?.message).toBe(
      "XMLERR: Bad attribute closing for 'version'='1.0'.",
    );
    expect(only('<?xml version="1.0" encoding="UTF-8"?><a/>').error?.message).toBe(
      "XMLERR: Bad attribute closing for 'encoding'='UTF-8'.",
    );
  });

  it('reads on past a refused declaration so the roots after it are still found', () => {
    const { roots } = only('<?xml version="1.0"?>\n<ossec_config><command/></ossec_config>');
    expect(roots.map((r) => r.name)).toEqual(['?xml', 'ossec_config']);
  });

  it('ignores attributes, loose text and text before the root', () => {
    const { roots, error } = only('\uFEFFjunk <a x="1" y=\'2\'>text<b z="3">1</b>more</a>');
    expect(error).toBeNull();
    expect(roots[0].attributeCount).toBe(2);
    expect(roots[0].children[0].value).toBe('1');
  });

  it('keeps the content after the last nested element only', () => {
    expect(only('<a><name>x<b/>y</name></a>').root.children[0].value).toBe('y');
    expect(only('<a><name><b>q</b></name></a>').root.children[0].value).toBe('');
    // `<b />` leaves its `>` unread: the daemon takes it as text of the parent.
    expect(only('<a><name><b /></name></a>').root.children[0].value).toBe('>');
  });

  it('treats `\\<` as text and `\\\\<` as a tag (Wazuh), or as text again (OSSEC)', () => {
    expect(only('<a><b>x\\<y</b></a>').root.children[0].value).toBe('x\\<y');
    expect(only('<a><b>x\\\\</b></a>').root.children[0].value).toBe('x\\\\');
    expect(readOsXml('<a><b>x\\\\</b></a>', 8192, 'sticky').error?.message).toBe(
      "XMLERR: Element 'b' not closed.",
    );
  });

  it('knows self-closing forms and empty values', () => {
    const { root } = only('<a><e/><f /><g></g></a>');
    expect(root.children.map((c) => [c.name, c.selfClosing, c.value])).toEqual([
      ['e', true, ''],
      ['f', true, ''],
      ['g', false, ''],
    ]);
    expect(root.children[1].end).toBe(root.children[2].start);
  });

  it('reads several roots and stops on a stray closing tag', () => {
    expect(only('<a/><b></b>').roots.map((r) => r.name)).toEqual(['a', 'b']);
    expect(only('<a/></b>').error?.message).toBe('XMLERR: Element not opened.');
  });

  it('is case-sensitive and refuses a closing tag with a space', () => {
    expect(only('<a><B>1</b></a>').error?.message).toBe("XMLERR: Element 'B' not closed.");
    expect(only('<a><b>1</b ></a>').error?.message).toBe("XMLERR: Element 'b' not closed.");
  });

  it('stops at the nesting limit without exhausting the stack', () => {
    const deep = '<a>'.repeat(5000);
    expect(only(deep).error?.message).toBe('XMLERR: Max recursion level reached');
  });

  it('reports an overlong value', () => {
    expect(only(`<a><b>${'x'.repeat(20480)}</b></a>`).error?.message).toBe('XMLERR: String overflow.');
    expect(only(`<a><b>${'x'.repeat(20479)}</b></a>`).error).toBeNull();
  });

  it('stops an overlong value or name on the character that reaches the limit', () => {
    const value = readOsXml(`<a><b>${'x'.repeat(30)}</b></a>`, 10);
    expect(value.error).toMatchObject({ message: 'XMLERR: String overflow.', offset: 6 + 10 });
    const name = readOsXml(`<a><${'n'.repeat(30)}>1</${'n'.repeat(30)}></a>`, 10);
    expect(name.error).toMatchObject({ message: 'XMLERR: String overflow.', offset: 4 + 10 });
    const afterComment = readOsXml(`<a><b>${'x'.repeat(6)}<!-- c -->${'y'.repeat(6)}</b></a>`, 10);
    expect(afterComment.error?.offset).toBe(6 + 6 + 10 + 4);
  });

  it('keeps reading a value far past the limit, and reports the overflow where it starts', () => {
    const long = 'x'.repeat(100_000);
    const value = readOsXml(`<ossec_config><command><name>${long}</name></command></ossec_config>`);
    expect(value.error).toMatchObject({ message: 'XMLERR: String overflow.', offset: 29 + DEFAULT_MAX_TEXT });
    expect(value.roots[0].children[0].children[0].value).toHaveLength(long.length);
  });

  // Each of these once took quadratic time: a 4 MB value took minutes.
  it('reads values, names and comments megabytes long in one pass', {
    timeout: FINISH_TEST_TIMEOUT_MS,
  }, async () => {
    await finishes(`
      import { readOsXml } from './src/core/xml/os-xml.ts';
      const long = 'x'.repeat(4 * 1024 * 1024);
      readOsXml('<ossec_config><command><name>' + long + '</name></command></ossec_config>');
      readOsXml('<a><' + long + '>1</' + long + '></a>');
      readOsXml('<!a!>' + '<!b!>'.repeat(1_000_000) + '<a/>');
    `);
  });

  it('accepts an empty text and never throws on garbage', () => {
    expect(only('').roots).toEqual([]);
    expect(only('   \n').error).toBeNull();
    for (const garbage of [
      '<',
      '<a',
      '<a b',
      '<a b=',
      '<a b="',
      '</',
      '<!',
      '<!-',
      '\u0000<\u0001>',
      '<<<>>>',
      '<a/><',
    ]) {
      expect(() => readOsXml(garbage)).not.toThrow();
    }
  });

  it('describes attribute problems like the daemon', () => {
    expect(only('<a b></a>').error?.message).toBe("XMLERR: Attribute 'b' has no value.");
    expect(only('<a b=1></a>').error?.message).toBe("XMLERR: Attribute 'b' not followed by a \" or '.");
    expect(only('<a b="1" b="2"></a>').error?.message).toBe("XMLERR: Attribute 'b' already defined.");
    expect(only('<a b="1></a>').error?.message).toBe("XMLERR: Attribute 'b' not closed.");
  });
});
