import { describe, expect, it } from 'vitest';
import { deriveResponses, findAgentGroups, positionAt, readDocument, spreadToAgents } from '../core';
import { blockListItems, createLineOf, definedCommands, freshCommandName } from './document-view';

const doc = readDocument(`<command>
  <name>new-command</name>
  <executable>host-deny</executable>
  <timeout_allowed>yes</timeout_allowed>
</command>
<active-response>
  <command>new-command</command>
  <location>local</location>
  <level>7</level>
  <timeout>600</timeout>
</active-response>
`);

describe('document view', () => {
  it('describes each block for the list', () => {
    const items = blockListItems(
      doc,
      [{ code: 'C3', severity: 'info', message: 'm', blockIndex: 0, line: 1, column: 1, offset: 0 }],
      deriveResponses(doc, 'wazuh@4.14'),
    );
    expect(items[0]).toMatchObject({ title: 'new-command', detail: 'host-deny', mode: null });
    expect(items[0].problems.info).toBe(1);
    expect(items[1]).toMatchObject({ detail: 'local · level ≥ 7', mode: 'stateful' });
  });

  it('shows a group of responses for different agents as the row of its first member', () => {
    const grouped = spreadToAgents(doc, 1, ['001', '002', '003']).doc;
    const problem = (blockIndex: number) => ({
      code: 'A6',
      severity: 'warning' as const,
      message: 'm',
      blockIndex,
      line: 1,
      column: 1,
      offset: 0,
    });
    const items = blockListItems(
      grouped,
      [problem(2), problem(3)],
      deriveResponses(grouped, 'wazuh@4.14'),
      findAgentGroups(grouped),
    );
    expect(items[1]).toMatchObject({
      detail: '001, 002, 003 · level ≥ 7',
      group: { agents: ['001', '002', '003'], members: [1, 2, 3] },
    });
    expect(items[1].problems.warning).toBe(2);
    expect(items.slice(2).map((item) => item.memberOf)).toEqual([1, 1]);
  });

  it('names commands and finds a fresh name', () => {
    expect(definedCommands(doc)).toEqual(['new-command']);
    expect(freshCommandName(doc)).toBe('new-command-2');
  });
});

describe('createLineOf', () => {
  it('answers as positionAt does, whether the text before the offset changed or not', () => {
    const lineOf = createLineOf();
    const text = 'a\r\nb\rc\nd<x>';
    const at = text.indexOf('<');
    const asks: [string, number][] = [
      [text, at],
      [`${text}<y/>`, at],
      [`\n${text}`, at],
      [`\n${text}`, at + 1],
      ['a\rb', 1],
      ['a\r\nb', 1],
      ['a\rb', 2],
      ['a\nb', 2],
    ];
    for (const [t, offset] of asks) expect(lineOf(t, offset)).toBe(positionAt(t, offset).line);
  });
});
