import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SharedDraft } from '../../core';
import { OpenSharedDialog } from './open-shared-dialog';

afterEach(cleanup);

const draft: SharedDraft = {
  name: 'agent.conf',
  text: '<ossec_config>\n  <command>\n    <name>a</name>\n    <executable>a.sh</executable>\n  </command>\n  <active-response>\n    <command>b</command>\n    <location>local</location>\n  </active-response>\n</ossec_config>\n',
  encoding: 'utf-8',
  snippet: false,
  target: 'ossec@2.8',
  role: 'manager',
};

describe('OpenSharedDialog', () => {
  it('shows the import summary, checked as the link asks, before anything is replaced', () => {
    const onOpen = vi.fn();
    render(
      <OpenSharedDialog
        read={{ ok: true, draft, notes: [] }}
        currentTarget="wazuh@4.14"
        onOpen={onOpen}
        onClose={vi.fn()}
      />,
    );
    const summary = screen.getByTestId('import-summary');
    expect(summary.textContent).toMatch(/agent\.conf/);
    expect(summary.textContent).toMatch(/1 command, 1 active response, [1-9]\d* errors?/);
    expect(summary.textContent).toMatch(/Checked as OSSEC 2\.8, the manager role/);
    expect(onOpen).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Open as the document' }));
    expect(onOpen).toHaveBeenCalledWith(draft);
  });

  it('keeps the page’s target when the link names an unknown one, and says so', () => {
    render(
      <OpenSharedDialog
        read={{
          ok: true,
          draft: { ...draft, target: '' },
          notes: [
            "The link names a target this version does not know ('wazuh@9.9'); your current target is kept.",
          ],
        }}
        currentTarget="wazuh@4.14"
        onOpen={vi.fn()}
        onClose={vi.fn()}
      />,
    );
    expect(screen.getByText(/Checked as Wazuh 4\.14/)).toBeTruthy();
    expect(screen.getByText(/does not know \('wazuh@9\.9'\)/)).toBeTruthy();
  });

  it('reads a shared snippet as a snippet, and a shared root-less file as the daemon would', () => {
    const blocks = '<command>\n  <name>mine</name>\n  <executable>mine.sh</executable>\n</command>\n';
    for (const snippet of [true, false]) {
      render(
        <OpenSharedDialog
          read={{ ok: true, draft: { ...draft, text: blocks, target: 'wazuh@4.14', snippet }, notes: [] }}
          currentTarget="wazuh@4.14"
          onOpen={vi.fn()}
          onClose={vi.fn()}
        />,
      );
      expect(screen.getByTestId('import-summary').textContent).toMatch(
        snippet ? / 0 errors/ : / [1-9]\d* errors?/,
      );
      cleanup();
    }
  });

  it('offers to take over editing when another tab edits the draft', () => {
    const onOpen = vi.fn();
    render(
      <OpenSharedDialog
        read={{ ok: true, draft, notes: [] }}
        currentTarget="wazuh@4.14"
        readOnly
        onOpen={onOpen}
        onClose={vi.fn()}
      />,
    );
    expect(screen.getByText(/Another tab is editing your draft/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Take over editing and open' }));
    expect(onOpen).toHaveBeenCalledWith(draft);
  });

  it('says why a link cannot be opened and offers nothing to open', () => {
    const onClose = vi.fn();
    render(
      <OpenSharedDialog
        read={{ ok: false, message: 'This link is incomplete or damaged.' }}
        currentTarget="wazuh@4.14"
        onOpen={vi.fn()}
        onClose={onClose}
      />,
    );
    expect(screen.getByRole('alert').textContent).toBe('This link is incomplete or damaged.');
    expect(screen.getByText('Your draft was left as it was.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Open as the document' })).toBeNull();
    fireEvent.click(screen.getAllByRole('button', { name: 'Close' })[1]);
    expect(onClose).toHaveBeenCalled();
  });
});
