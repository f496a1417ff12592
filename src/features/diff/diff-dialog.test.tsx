import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type ConfigDocument, readDocument, removeBlock, setField } from '../../core';
import { DiffDialog } from './diff-dialog';

afterEach(cleanup);

beforeAll(() => {
  Element.prototype.scrollIntoView = () => undefined;
});

const text =
  '<ossec_config>\r\n  <command>\r\n    <name>host-deny</name>\r\n    <executable>host-deny</executable>\r\n  </command>\r\n  <command>\r\n    <name>route-null</name>\r\n    <executable>route-null</executable>\r\n  </command>\r\n  <active-response>\r\n    <command>host-deny</command>\r\n    <location>local</location>\r\n    <level>7</level>\r\n  </active-response>\r\n</ossec_config>\r\n';
const original = { name: 'ossec.conf', text, encoding: 'latin1' as const };
const imported = readDocument(text, 'latin1');

function setup(doc: ConfigDocument) {
  const onEdit = vi.fn();
  const onStatus = vi.fn();
  render(
    <DiffDialog open onClose={vi.fn()} original={original} doc={doc} onEdit={onEdit} onStatus={onStatus} />,
  );
  return { onEdit, onStatus };
}

describe('DiffDialog', () => {
  it('lists the changed and removed blocks and reverts one through an edit', () => {
    const draft = removeBlock(setField(imported, 2, 'level', '10'), 1);
    const { onEdit } = setup(draft);
    const list = screen.getByRole('list', { name: /Blocks/ });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      expect.stringMatching(/removed.*was line 6.*command route-null/),
      expect.stringMatching(/changed.*line 10 → 6.*response host-deny/),
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Show the lines of response host-deny' }));
    expect(document.activeElement?.id).toBe('diff-hunk-0');
    expect(document.activeElement?.textContent).toContain('<level>10</level>');
    fireEvent.click(screen.getByRole('button', { name: 'Revert response host-deny (changed)' }));
    const [change, label] = onEdit.mock.calls[0];
    expect(label).toBe('Reverted response host-deny');
    const reverted = change(draft) as ConfigDocument;
    expect(reverted.text).toBe(removeBlock(imported, 1).text);
    fireEvent.click(screen.getByRole('button', { name: 'Revert command route-null (removed)' }));
    expect((onEdit.mock.calls[1][0](draft) as ConfigDocument).text).toBe(
      setField(imported, 2, 'level', '10').text,
    );
  });

  it('shows the lines side by side or unified', () => {
    setup(setField(imported, 2, 'level', '10'));
    expect(screen.getByText('@@ -10,6 +10,6 @@')).toBeTruthy();
    const split = screen.getByRole('table', { name: /side by side/ });
    expect(within(split).getAllByRole('row')).toHaveLength(7);
    fireEvent.click(screen.getByLabelText('Unified'));
    const unified = screen.getByRole('table', { name: /unified/ });
    expect(within(unified).getAllByText(/^(Removed|Added):$/)).toHaveLength(2);
  });

  it('downloads the patch in the file’s own encoding', async () => {
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:patch';
    });
    URL.revokeObjectURL = vi.fn();
    const draft = setField(imported, 0, 'executable', 'h\u00f4te-deny');
    const { onStatus } = setup(draft);
    fireEvent.click(screen.getByRole('button', { name: 'Download .diff' }));
    const bytes = new Uint8Array(await blobs[0].arrayBuffer());
    expect(bytes).toContain(0xf4);
    expect(new TextDecoder('latin1').decode(bytes)).toBe(
      '--- ossec.conf\n+++ ossec.conf\n@@ -1,7 +1,7 @@\n <ossec_config>\r\n   <command>\r\n     <name>host-deny</name>\r\n-    <executable>host-deny</executable>\r\n+    <executable>h\u00f4te-deny</executable>\r\n   </command>\r\n   <command>\r\n     <name>route-null</name>\r\n',
    );
    expect(onStatus).toHaveBeenCalledWith(expect.stringMatching(/patch -p0 < ossec\.conf\.diff/));
  });

  it('says so when nothing changed', () => {
    setup(imported);
    expect(screen.getByText('The draft is the file as imported.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Download .diff' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
