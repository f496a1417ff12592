import { describe, expect, it } from 'vitest';
import { replaceText, setField } from '../model/edit';
import { readDocument } from '../model/read';
import { resolveRole } from './role';

const manager = `<ossec_config>
  <command>
    <name>a</name>
    <executable>a.sh</executable>
  </command>

  <active-response>
    <command>a</command>
    <location>local</location>
  </active-response>
</ossec_config>
`;

describe('resolveRole', () => {
  it('reads a <client> section as an agent file, however the text came to hold it', () => {
    const doc = readDocument(manager, 'utf-8');
    expect(resolveRole(doc)).toBe('manager');
    const edited = setField(doc, 0, 'executable', 'b.sh');
    expect(resolveRole(edited)).toBe('manager');
    const gap = edited.text.indexOf('\n\n  <active-response>') + 1;
    const typed = replaceText(edited, gap, gap, '  <client><server>x</server></client>\n');
    expect(typed.text).toContain('<client>');
    expect(resolveRole(typed)).toBe('agent');
    const start = typed.text.indexOf('  <client>');
    const removed = replaceText(typed, start, typed.text.indexOf('</client>') + '</client>\n'.length, '');
    expect(resolveRole(removed)).toBe('manager');
    expect(resolveRole(setField(removed, 1, 'location', 'all'))).toBe('manager');
    expect(resolveRole(readDocument(typed.text, 'utf-8'))).toBe('agent');
    expect(resolveRole(typed, 'manager')).toBe('manager');
  });
});
