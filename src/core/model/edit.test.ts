import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentArbitrary, editableValueArbitrary, fieldNameArbitrary } from '../test-support/documents';
import { PROPERTY_TEST_TIMEOUT } from '../test-support/timeouts';
import {
  applyOps,
  duplicateBlock,
  EditError,
  insertBlock,
  insertBlocksText,
  moveBlock,
  removeBlock,
  removeField,
  setField,
} from './edit';
import { fieldValue } from './fields';
import { readDocument } from './read';
import type { Block, BlockSpec, ConfigDocument } from './types';

const RUNS = { numRuns: 1000 };

const plain = (doc: ConfigDocument) =>
  JSON.parse(
    JSON.stringify({ blocks: doc.blocks, topLevel: doc.topLevel, shape: doc.shape, problems: doc.problems }),
  );
const blockText = (doc: ConfigDocument, block: Block) => doc.text.slice(block.start, block.end);
/** Every block's text except one, in order. */
const otherTexts = (doc: ConfigDocument, except: number) =>
  doc.blocks.filter((b) => b.index !== except).map((b) => blockText(doc, b));

const withBlocks = documentArbitrary.map((text) => readDocument(text)).filter((doc) => doc.blocks.length > 0);

describe('document API', () => {
  it(
    'reads what it writes: an unedited document is the same text',
    () => {
      fc.assert(
        fc.property(documentArbitrary, (text) => {
          const doc = readDocument(text);
          expect(doc.text).toBe(text);
          expect(doc.problems).toEqual([]);
        }),
        RUNS,
      );
    },
    PROPERTY_TEST_TIMEOUT,
  );

  it(
    'after a field edit, reading again gives exactly the new value and leaves every other block alone',
    () => {
      fc.assert(
        fc.property(withBlocks, fc.nat(), editableValueArbitrary, fc.nat(), (doc, pick, value, fieldPick) => {
          const block = doc.blocks[pick % doc.blocks.length];
          const field = fc.sample(fieldNameArbitrary(block.kind), { seed: fieldPick, numRuns: 1 })[0];
          const edited = setField(doc, block.index, field, value);
          const reread = readDocument(edited.text);
          expect(plain(edited)).toEqual(plain(reread));
          expect(fieldValue(reread.blocks[block.index], field)).toBe(value);
          expect(otherTexts(reread, block.index)).toEqual(otherTexts(doc, block.index));
          expect(edited.text.slice(0, block.start)).toBe(doc.text.slice(0, block.start));
          expect(edited.text.slice(reread.blocks[block.index].end)).toBe(doc.text.slice(block.end));
        }),
        RUNS,
      );
    },
    PROPERTY_TEST_TIMEOUT,
  );

  it(
    'removing a field removes every occurrence and nothing outside the block',
    () => {
      fc.assert(
        fc.property(withBlocks, fc.nat(), fc.nat(), (doc, pick, fieldPick) => {
          const block = doc.blocks[pick % doc.blocks.length];
          const field = fc.sample(fieldNameArbitrary(block.kind), { seed: fieldPick, numRuns: 1 })[0];
          const edited = removeField(doc, block.index, field);
          expect(plain(edited)).toEqual(plain(readDocument(edited.text)));
          expect(fieldValue(edited.blocks[block.index], field)).toBeUndefined();
          expect(otherTexts(edited, block.index)).toEqual(otherTexts(doc, block.index));
        }),
        RUNS,
      );
    },
    PROPERTY_TEST_TIMEOUT,
  );

  const specArbitrary: fc.Arbitrary<BlockSpec> = fc
    .constantFrom<'command' | 'active-response'>('command', 'active-response')
    .chain((kind) =>
      fc
        .array(fc.tuple(fieldNameArbitrary(kind), editableValueArbitrary), { minLength: 1, maxLength: 5 })
        .map((fields) => ({ kind, fields: fields.map(([name, value]) => ({ name, value })) })),
    );

  it(
    'inserts a block that reads back as written and keeps the others',
    () => {
      fc.assert(
        fc.property(documentArbitrary, specArbitrary, (text, spec) => {
          const doc = readDocument(text);
          const { doc: next, index } = insertBlock(doc, spec);
          expect(next.problems).toEqual([]);
          expect(next.blocks).toHaveLength(doc.blocks.length + 1);
          const inserted = next.blocks[index];
          expect(inserted.kind).toBe(spec.kind);
          expect(inserted.children.map((c) => [c.name, c.value])).toEqual(
            spec.fields.map((f) => [f.name, f.value]),
          );
          expect(otherTexts(next, index)).toEqual(doc.blocks.map((b) => blockText(doc, b)));
        }),
        RUNS,
      );
    },
    PROPERTY_TEST_TIMEOUT,
  );

  it(
    'removes, duplicates and moves blocks, leaving every other block byte for byte',
    () => {
      fc.assert(
        fc.property(withBlocks, fc.nat(), fc.nat(), (doc, pick, target) => {
          const i = pick % doc.blocks.length;
          const texts = doc.blocks.map((b) => blockText(doc, b));

          const removed = removeBlock(doc, i);
          expect(removed.blocks.map((b) => blockText(removed, b))).toEqual(texts.filter((_, k) => k !== i));

          const { doc: duplicated, index } = duplicateBlock(doc, i);
          expect(index).toBe(i + 1);
          expect(duplicated.blocks.map((b) => blockText(duplicated, b))).toEqual([
            ...texts.slice(0, i + 1),
            texts[i],
            ...texts.slice(i + 1),
          ]);

          const to = target % doc.blocks.length;
          const moved = moveBlock(doc, i, to);
          const expected = texts.filter((_, k) => k !== i);
          expected.splice(to, 0, texts[i]);
          expect(moved.blocks.map((b) => blockText(moved, b))).toEqual(expected);
          expect(moved.problems).toEqual([]);
        }),
        RUNS,
      );
    },
    PROPERTY_TEST_TIMEOUT,
  );
});

describe('document API in detail', () => {
  const server = [
    '<ossec_config>',
    '  <command>',
    '    <name>host-deny</name>',
    '    <executable>host-deny.sh</executable>',
    '    <expect>srcip</expect>',
    '  </command>',
    '',
    '  <active-response>',
    '    <!-- keep this comment -->',
    '    <command>host-deny</command>',
    '    <location>local</location>',
    '    <level>7</level>',
    '  </active-response>',
    '</ossec_config>',
    '',
  ].join('\r\n');

  it('adds a missing field in the field order, in the file indentation and line endings', () => {
    const doc = setField(readDocument(server), 1, 'timeout', '600');
    expect(doc.text).toContain('    <level>7</level>\r\n    <timeout>600</timeout>\r\n  </active-response>');
    expect(doc.text).toContain('<!-- keep this comment -->');
    const command = setField(doc, 0, 'timeout_allowed', 'yes');
    expect(command.text).toContain(
      '<expect>srcip</expect>\r\n    <timeout_allowed>yes</timeout_allowed>\r\n  </command>',
    );
  });

  it('writes values exactly as the daemon reads them, without entities', () => {
    const doc = setField(readDocument(server), 1, 'rules_group', 'a&b|c>d');
    expect(doc.text).toContain('<rules_group>a&b|c>d</rules_group>');
    expect(fieldValue(doc.blocks[1], 'rules_group')).toBe('a&b|c>d');
  });

  it('refuses values the dialect cannot carry', () => {
    const doc = readDocument(server);
    expect(() => setField(doc, 1, 'level', '<7')).toThrow(EditError);
    expect(() => setField(doc, 1, 'level', 'C:\\dir\\')).toThrow(EditError);
  });

  it('edits the last of repeated elements, the one the daemon uses', () => {
    const doc = readDocument('<ossec_config><command><name>a</name><name>b</name></command></ossec_config>');
    expect(setField(doc, 0, 'name', 'c').text).toBe(
      '<ossec_config><command><name>a</name><name>c</name></command></ossec_config>',
    );
  });

  it('turns a self-closing element into one with a value', () => {
    const doc = readDocument('<command>\n  <name>m</name>\n  <expect />\n</command>\n');
    expect(setField(doc, 0, 'expect', 'srcip').text).toBe(
      '<command>\n  <name>m</name>\n  <expect>srcip</expect>\n</command>\n',
    );
  });

  it('puts a new command before the first response that uses it, and the response after it', () => {
    const doc = readDocument(server);
    const withResponse = insertBlock(doc, {
      kind: 'active-response',
      fields: [
        { name: 'command', value: 'firewall-drop' },
        { name: 'location', value: 'all' },
      ],
    }).doc;
    const { doc: next, index } = insertBlock(withResponse, {
      kind: 'command',
      fields: [
        { name: 'name', value: 'firewall-drop' },
        { name: 'executable', value: 'firewall-drop' },
      ],
    });
    expect(index).toBe(1);
    expect(next.blocks.map((b) => b.kind)).toEqual([
      'command',
      'command',
      'active-response',
      'active-response',
    ]);
  });

  it('gives an empty document one root', () => {
    const { doc } = insertBlock(readDocument(''), {
      kind: 'command',
      fields: [{ name: 'name', value: 'x' }],
    });
    expect(doc.text).toBe('<ossec_config>\n  <command>\n    <name>x</name>\n  </command>\n</ossec_config>\n');
    expect(doc.shape).toBe('config');
  });

  it('keeps a fragment a fragment', () => {
    const { doc } = insertBlock(readDocument('<command>\n\t<name>a</name>\n</command>\n'), {
      kind: 'command',
      fields: [{ name: 'name', value: 'b' }],
    });
    expect(doc.text).toBe(
      '<command>\n\t<name>a</name>\n</command>\n<command>\n\t<name>b</name>\n</command>\n',
    );
    expect(doc.shape).toBe('fragment');
  });
});

describe('setField on an element that holds elements', () => {
  it('keeps a definition put in a response and writes the value after it, where the daemon reads it', () => {
    const text =
      '<ossec_config>\n  <active-response>\n    <command>\n      <name>a</name>\n      <executable>a.sh</executable>\n    </command>\n  </active-response>\n</ossec_config>\n';
    const next = setField(readDocument(text), 0, 'command', 'a');
    expect(next.text).toBe(text.replace('    </command>\n', '    </command>\n    <command>a</command>\n'));
    expect(fieldValue(next.blocks[0], 'command')).toBe('a');
    expect(next.nested).toHaveLength(1);
    // Removing <command> removes the value, never the definition.
    expect(removeField(next, 0, 'command').text).toBe(text);
    expect(removeField(readDocument(text), 0, 'command').text).toBe(text);
  });
});

describe('the blank-line rhythm of the file', () => {
  const spaced = [
    '<ossec_config>',
    '  <command>',
    '    <name>a</name>',
    '  </command>',
    '',
    '  <command>',
    '    <name>b</name>',
    '  </command>',
    '',
    '  <active-response>',
    '    <command>a</command>',
    '  </active-response>',
    '</ossec_config>',
    '',
  ].join('\r\n');
  const tight = spaced.replaceAll('\r\n\r\n', '\r\n');
  const command = { kind: 'command' as const, fields: [{ name: 'name', value: 'c' }] };

  it('puts one blank line around a new block when the file does, none when it does not', () => {
    const added = insertBlock(readDocument(spaced), command).doc.text;
    expect(added).toContain(
      '</command>\r\n\r\n  <command>\r\n    <name>c</name>\r\n  </command>\r\n\r\n  <active',
    );
    expect(insertBlock(readDocument(tight), command).doc.text).toContain(
      '</command>\r\n  <command>\r\n    <name>c</name>\r\n  </command>\r\n  <active',
    );
    const first = insertBlock(readDocument(spaced), command, { before: 0 }).doc.text;
    expect(first).toContain(
      '<ossec_config>\r\n  <command>\r\n    <name>c</name>\r\n  </command>\r\n\r\n  <command>',
    );
    expect(duplicateBlock(readDocument(spaced), 2).doc.text).toContain(
      '  </active-response>\r\n\r\n  <active-response>\r\n    <command>a</command>\r\n  </active-response>\r\n</ossec_config>',
    );
  });

  it('leaves no double blank line, and none against the root, after a delete', () => {
    const without = (i: number) => removeBlock(readDocument(spaced), i).text;
    expect(without(1)).toBe(spaced.replace('  <command>\r\n    <name>b</name>\r\n  </command>\r\n\r\n', ''));
    expect(without(0)).toBe(spaced.replace('  <command>\r\n    <name>a</name>\r\n  </command>\r\n\r\n', ''));
    expect(without(2)).toBe(
      spaced.replace('\r\n\r\n  <active-response>\r\n    <command>a</command>\r\n  </active-response>', ''),
    );
    expect(removeBlock(readDocument(tight), 1).text).toBe(
      tight.replace('  <command>\r\n    <name>b</name>\r\n  </command>\r\n', ''),
    );
  });

  it('moves a block and keeps the rhythm on both sides', () => {
    const moved = moveBlock(readDocument(spaced), 2, 0).text;
    expect(moved).toBe(
      [
        '<ossec_config>',
        '  <active-response>',
        '    <command>a</command>',
        '  </active-response>',
        '',
        '  <command>',
        '    <name>a</name>',
        '  </command>',
        '',
        '  <command>',
        '    <name>b</name>',
        '  </command>',
        '</ossec_config>',
        '',
      ].join('\r\n'),
    );
  });
});

describe('insertBlocksText', () => {
  const pair =
    '<command>\n  <name>firewall-drop</command>\n</command>\n<active-response>\n  <command>x</command>\n</active-response>\n';
  const one = '<command>\n  <name>b</name>\n</command>\n';

  it('makes an empty document the text itself, defects included, read as the snippet it is', () => {
    const { doc, index } = insertBlocksText(readDocument(''), pair);
    expect(doc.text).toBe(pair);
    expect(index).toBe(0);
    expect(doc.snippet).toBe(true);
    // Edits keep it a snippet; reading it as a file is an operation of its own, undone like any other.
    expect(setField(doc, 1, 'location', 'local').snippet).toBe(true);
    expect(applyOps(doc, [{ op: 'readAs', snippet: false }]).snippet).toBe(false);
    expect(applyOps(doc, [{ op: 'readAs', snippet: false }]).text).toBe(pair);
  });

  it('reuses a command the file already defines and inserts only what is missing', () => {
    const stock =
      '<ossec_config>\n  <command>\n    <name>firewall-drop</name>\n    <executable>firewall-drop</executable>\n    <timeout_allowed>yes</timeout_allowed>\n  </command>\n</ossec_config>\n';
    const template =
      '<command>\n  <name>firewall-drop</name>\n  <executable>firewall-drop</executable>\n  <timeout_allowed>yes</timeout_allowed>\n</command>\n<active-response>\n  <command>firewall-drop</command>\n  <location>all</location>\n  <timeout>700</timeout>\n</active-response>\n';
    const { doc, index, reused } = insertBlocksText(readDocument(stock), template, { reuseCommands: true });
    expect(reused).toEqual(['firewall-drop']);
    expect(doc.blocks.map((b) => b.kind)).toEqual(['command', 'active-response']);
    expect(index).toBe(1);
    expect(doc.text).toBe(
      stock.replace(
        '  </command>\n',
        '  </command>\n  <active-response>\n    <command>firewall-drop</command>\n    <location>all</location>\n    <timeout>700</timeout>\n  </active-response>\n',
      ),
    );
    // Without the option (a documented example, another file's blocks) the text goes in whole.
    expect(insertBlocksText(readDocument(stock), template).doc.blocks).toHaveLength(3);
    // Only a definition the daemon reads counts: one outside the root is no reason to leave it out.
    const outside = `${stock}<command><name>host-deny</name><executable>host-deny</executable></command>\n`;
    const hostDeny =
      '<command>\n  <name>host-deny</name>\n  <executable>host-deny</executable>\n</command>\n';
    expect(insertBlocksText(readDocument(outside), hostDeny, { reuseCommands: true }).reused).toEqual([]);
    // Nothing left to insert: the document is unchanged.
    const same = insertBlocksText(readDocument(stock), template.split('<active-response>')[0], {
      reuseCommands: true,
    });
    expect(same).toMatchObject({ index: -1, reused: ['firewall-drop'] });
    expect(same.doc.text).toBe(stock);
  });

  it('goes after the last block, in the file indentation and line endings', () => {
    const doc = readDocument(
      '<ossec_config>\r\n  <command>\r\n    <name>a</name>\r\n  </command>\r\n  <global/>\r\n</ossec_config>\r\n',
    );
    const { doc: next, index } = insertBlocksText(doc, one);
    expect(next.text).toBe(
      '<ossec_config>\r\n  <command>\r\n    <name>a</name>\r\n  </command>\r\n  <command>\r\n    <name>b</name>\r\n  </command>\r\n  <global/>\r\n</ossec_config>\r\n',
    );
    expect(index).toBe(1);
    expect(fieldValue(next.blocks[1], 'name')).toBe('b');
  });

  it('leaves blanks after the last block on its own line', () => {
    const doc = readDocument(
      '<ossec_config>\n  <command>\n    <name>a</name>\n  </command>  \n</ossec_config>\n',
    );
    expect(insertBlocksText(doc, one).doc.text).toBe(
      '<ossec_config>\n  <command>\n    <name>a</name>\n  </command>  \n  <command>\n    <name>b</name>\n  </command>\n</ossec_config>\n',
    );
  });

  it('goes into the first root when there are no blocks yet', () => {
    const doc = readDocument(
      '<ossec_config>\n  <global/>\n</ossec_config>\n<ossec_config>\n</ossec_config>\n',
    );
    expect(insertBlocksText(doc, one).doc.text).toBe(
      '<ossec_config>\n  <global/>\n  <command>\n    <name>b</name>\n  </command>\n</ossec_config>\n<ossec_config>\n</ossec_config>\n',
    );
  });

  it('gives the first inserted block even when the text opens with a comment', () => {
    const doc = readDocument(
      '<ossec_config>\n  <command>\n    <name>a</name>\n  </command>\n</ossec_config>\n',
    );
    const { doc: next, index } = insertBlocksText(
      doc,
      '<!-- from the team -->\n<command><name>x</name></command>\n',
    );
    expect(index).toBe(1);
    expect(next.blocks[index].kind).toBe('command');
  });

  it('appends to a fragment, keeping its lack of a final line break', () => {
    const { doc, index } = insertBlocksText(readDocument('<command>\n  <name>a</name>\n</command>'), one);
    expect(doc.text).toBe('<command>\n  <name>a</name>\n</command>\n<command>\n  <name>b</name>\n</command>');
    expect(index).toBe(1);
  });

  it('keeps a broken example broken: the text goes in as written', () => {
    const doc = readDocument(
      '<ossec_config>\n  <command>\n    <name>a</name>\n  </command>\n</ossec_config>\n',
    );
    const { doc: next, index } = insertBlocksText(doc, pair);
    expect(next.text).toContain('    <name>firewall-drop</command>\n');
    expect(next.xmlError?.message).toBe("XMLERR: Element 'name' not closed.");
    expect(index).toBe(1);
  });
});
