import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_DOCUMENT_BYTES } from '../../core';
import { ImportDialog } from './import-dialog';
import { readImportBytes, readImportText } from './read-import';

afterEach(cleanup);

const conf =
  '<ossec_config>\n  <command>\n    <name>a</name>\n  </command>\n  <active-response>\n    <command>a</command>\n  </active-response>\n</ossec_config>\n';

function setup() {
  const onImport = vi.fn();
  render(
    <ImportDialog
      open
      onClose={vi.fn()}
      droppedFile={null}
      diagnose={(doc) => doc.problems}
      onImport={onImport}
    />,
  );
  return onImport;
}

describe('ImportDialog', () => {
  it('summarises a chosen file and opens it', async () => {
    const onImport = setup();
    const file = new File([conf], 'ossec.conf');
    fireEvent.change(screen.getByLabelText('A file'), { target: { files: [file] } });
    const summary = await screen.findByTestId('import-summary');
    expect(summary.textContent).toMatch(/1 command, 1 active response, 0 errors/);
    fireEvent.click(screen.getByRole('button', { name: 'Open as the document' }));
    expect(onImport).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'ossec.conf', text: conf }),
      'replace',
    );
  });

  it('reads pasted text as it comes, shows its problems with line and column, and opens it at once', async () => {
    const onImport = setup();
    const pasted = '<command>\n  <name>firewall-drop</command>\n</command>\n';
    fireEvent.change(screen.getByLabelText('Pasted XML'), { target: { value: pasted } });
    await waitFor(() => expect(screen.getByTestId('import-summary').textContent).toMatch(/1 error/));
    expect(screen.getByText(/line 2:/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add its blocks to this document' }));
    expect(onImport).toHaveBeenCalledWith(expect.objectContaining({ text: pasted }), 'append');
  });

  it('refuses a paste over the size limit with the limit in the message, and keeps the box as it was', () => {
    setup();
    const box = screen.getByLabelText('Pasted XML') as HTMLTextAreaElement;
    fireEvent.change(box, { target: { value: '<command/>' } });
    fireEvent.change(box, { target: { value: 'x'.repeat(MAX_DOCUMENT_BYTES + 1) } });
    expect(screen.getByRole('alert').textContent).toMatch(
      /^The pasted text is 16,777,217 bytes \(16\.0 MB\); AR Studio reads documents of up to 16,777,216 bytes/,
    );
    expect(box.value).toBe('<command/>');
    expect(readImportText('é'.repeat(MAX_DOCUMENT_BYTES / 2 + 1), 'Pasted').ok).toBe(false);
  });

  it('shows hidden characters in a file name and in problems spelt out', async () => {
    setup();
    const text = '<ossec_config><command><name>deny\u202Egnp.exe</name></command></ossec_config>';
    fireEvent.change(screen.getByLabelText('A file'), {
      target: { files: [new File([text], 'evil\u202Efnoc.conf')] },
    });
    const summary = await screen.findByTestId('import-summary');
    expect(summary.textContent).toContain('evil⟨U+202E⟩fnoc.conf');
    expect(summary.textContent).not.toContain('\u202E');
  });

  it('refuses huge input and garbage without throwing', () => {
    const huge = readImportBytes(new Uint8Array(17 * 1024 * 1024), 'huge.conf');
    expect(huge.ok).toBe(false);
    const garbage = readImportBytes(
      new Uint8Array([0xff, 0x00, 0xc3, 0x28, 0x3c, 0x3c, 0x2f]),
      'garbage.bin',
    );
    expect(garbage.ok).toBe(true);
  });
});
