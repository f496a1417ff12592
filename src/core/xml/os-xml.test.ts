import { describe, expect, it } from 'vitest';
import { FINISH_TEST_TIMEOUT_MS, finishes } from '../test-support/finishes';
import { readOsXml, UNLIMITED_NESTING, WAZUH_DIALECT, type XmlDialect } from './os-xml';
import { positionAt } from './positions';

/** OSSEC 3.7's reader: 8192 bytes, backslash runs keep escaping, no attribute or nesting limit. */
const OSSEC_37: XmlDialect = {
  maxText: 8192,
  backslashRuns: 'sticky',
  maxAttributeDepth: null,
  recursionMessage: null,
};

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

  it('keeps the value of the element a nested definition sits in, even where no list holds that element', () => {
    const { nestedCommands } = readOsXml(
      '<ossec_config><localfile><x><command><name>a</name></command>\n</x></localfile></ossec_config>',
    );
    expect(
      nestedCommands.map((nested) => [nested.parent?.name, nested.parent?.value, nested.ancestors]),
    ).toEqual([['x', '\n', ['ossec_config', 'localfile', 'x']]]);
  });

  it('treats `\\<` as text and `\\\\<` as a tag (Wazuh), or as text again (OSSEC)', () => {
    expect(only('<a><b>x\\<y</b></a>').root.children[0].value).toBe('x\\<y');
    expect(only('<a><b>x\\\\</b></a>').root.children[0].value).toBe('x\\\\');
    expect(readOsXml('<a><b>x\\\\</b></a>', OSSEC_37).error?.message).toBe("XMLERR: Element 'b' not closed.");
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

  it("stops at the nesting limit without exhausting the stack, in each product's words", () => {
    const deep = '<a>'.repeat(5000);
    expect(only(deep).error?.message).toBe('XMLERR: Max recursion level reached');
    // OSSEC 4.2's `_ReadElem()` ends the same message with a full stop.
    const ossec42 = { ...OSSEC_37, recursionMessage: 'XMLERR: Max recursion level reached.' };
    expect(readOsXml(deep, ossec42).error?.message).toBe('XMLERR: Max recursion level reached.');
    // Releases before the limit have none: the reader stops where the others do and says so.
    expect(readOsXml(deep, OSSEC_37).error?.message).toBe(UNLIMITED_NESTING);
    expect(only(`${'<a>'.repeat(1024)}${'</a>'.repeat(1024)}`).error).toBeNull();
    expect(only(`${'<a>'.repeat(1025)}${'</a>'.repeat(1025)}`).error?.message).toBe(
      'XMLERR: Max recursion level reached',
    );
  });

  it('reports an overlong value', () => {
    expect(only(`<a><b>${'x'.repeat(20480)}</b></a>`).error?.message).toBe('XMLERR: String overflow.');
    expect(only(`<a><b>${'x'.repeat(20479)}</b></a>`).error).toBeNull();
  });

  it('stops an overlong value or name on the character that reaches the limit', () => {
    const small = { ...WAZUH_DIALECT, maxText: 10 };
    const value = readOsXml(`<a><b>${'x'.repeat(30)}</b></a>`, small);
    expect(value.error).toMatchObject({ message: 'XMLERR: String overflow.', offset: 6 + 10 });
    const name = readOsXml(`<a><${'n'.repeat(30)}>1</${'n'.repeat(30)}></a>`, small);
    expect(name.error).toMatchObject({ message: 'XMLERR: String overflow.', offset: 4 + 10 });
    const afterComment = readOsXml(`<a><b>${'x'.repeat(6)}<!-- c -->${'y'.repeat(6)}</b></a>`, small);
    expect(afterComment.error?.offset).toBe(6 + 6 + 10 + 4);
  });

  it('keeps reading a value far past the limit, and reports the overflow where it starts', () => {
    const long = 'x'.repeat(100_000);
    const value = readOsXml(`<ossec_config><command><name>${long}</name></command></ossec_config>`);
    expect(value.error).toMatchObject({
      message: 'XMLERR: String overflow.',
      offset: 29 + WAZUH_DIALECT.maxText,
    });
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

  it('names only the attribute when its value overflows (test_node_attribute_value_overflow)', () => {
    const overflow = 'c'.repeat(WAZUH_DIALECT.maxText + 9);
    expect(only(`<test test="${overflow}">test</test>`).error?.message).toBe(
      "XMLERR: Overflow attempt at attribute 'test'.",
    );
    // `%.20s`: a long name is cut to its first 20 characters, in a value or in the name itself.
    expect(only(`<test ${'n'.repeat(25)}="${overflow}">test</test>`).error?.message).toBe(
      `XMLERR: Overflow attempt at attribute '${'n'.repeat(20)}'.`,
    );
    expect(only(`<test ${overflow}="test">test</test>`).error?.message).toBe(
      "XMLERR: Overflow attempt at attribute 'cccccccccccccccccccc'.",
    );
    expect(readOsXml(`<test test="${'c'.repeat(9000)}"/>`, OSSEC_37).error?.message).toBe(
      "XMLERR: Overflow attempt at attribute 'test'.",
    );
  });

  it('refuses a 49th attribute followed by whitespace on Wazuh 4.14.7 only (test_too_many_attributes)', () => {
    const attributes = (n: number, after: string) =>
      Array.from({ length: n }, (_, i) => `a${i}="v"`).join(' ') + after;
    // The daemon's own test: 50 attributes, each followed by a space.
    const theirs = `<root ${Array.from({ length: 50 }, (_, i) => `a${i}="v" `).join('')}/>`;
    expect(only(theirs).error?.message).toBe('XMLERR: Too many attributes.');
    // `_getattributes()` recurses once per attribute followed by whitespace; depth 49 is refused.
    expect(only(`<root ${attributes(49, ' ')}/>`).error?.message).toBe('XMLERR: Too many attributes.');
    expect(only(`<root ${attributes(49, '')}/>`).error).toBeNull();
    expect(only(`<root ${attributes(48, ' ')}/>`).error).toBeNull();
    expect(only(`<root ${attributes(49, '')}></root>`).error).toBeNull();
    // 4.14.6 and older, and OSSEC, read any number.
    expect(readOsXml(theirs, { ...WAZUH_DIALECT, maxAttributeDepth: null }).error).toBeNull();
    expect(readOsXml(theirs, OSSEC_37).error).toBeNull();
  });

  it('leaves `var` elements (any case) out of the tree, as OS_GetElementsbyNode does', () => {
    const text =
      '<var name="x">1</var><ossec_config><VAR>2</VAR><command><name>a</name><Var/></command></ossec_config>';
    const { roots, error, variables } = readOsXml(text);
    expect(error).toBeNull();
    expect(roots.map((r) => r.name)).toEqual(['ossec_config']);
    expect(roots[0].children.map((c) => c.name)).toEqual(['command']);
    expect(roots[0].children[0].children.map((c) => c.name)).toEqual(['name']);
    expect(variables.map((v) => text.slice(v.start, v.end))).toEqual([
      '<var name="x">1</var>',
      '<VAR>2</VAR>',
      '<Var/>',
    ]);
    // Still read: a `var` that is not well-formed stops the daemon like any element.
    expect(readOsXml('<var>1</vra>').error?.message).toBe("XMLERR: Element 'var' not closed.");
  });

  it('keeps `<command>` elements that hold elements below block level, with their ancestors', () => {
    const text =
      '<ossec_config><active-response><command><name>a</name></command></active-response>' +
      '<localfile><command>df -P</command></localfile><syscheck><command><name>b</name></command></syscheck>' +
      '<var><command><name>c</name></command></var></ossec_config><active-response><command><name>d</name></command></active-response>';
    const { nestedCommands } = readOsXml(text);
    expect(
      nestedCommands.map((n) => [n.ancestors, n.element.children.map((c) => `${c.name}=${c.value}`)]),
    ).toEqual([
      [['ossec_config', 'active-response'], ['name=a']],
      [['ossec_config', 'syscheck'], ['name=b']],
      [['active-response'], ['name=d']],
    ]);
  });

  it('describes attribute problems like the daemon', () => {
    expect(only('<a b></a>').error?.message).toBe("XMLERR: Attribute 'b' has no value.");
    expect(only('<a b=1></a>').error?.message).toBe("XMLERR: Attribute 'b' not followed by a \" or '.");
    expect(only('<a b="1" b="2"></a>').error?.message).toBe("XMLERR: Attribute 'b' already defined.");
    expect(only('<a b="1></a>').error?.message).toBe("XMLERR: Attribute 'b' not closed.");
  });
});
