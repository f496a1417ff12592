import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from './app';
import { openDrafts } from './drafts/draft-session';
import { DraftsProvider } from './drafts/drafts-context';
import { claimTab } from './drafts/tab-lock';
import { StoreProvider } from './store-context';

afterEach(() => {
  cleanup();
  localStorage.clear();
});

const HOST_DENY = `<command>
  <name>host-deny</name>
  <executable>host-deny</executable>
  <timeout_allowed>yes</timeout_allowed>
</command>
<active-response>
  <command>host-deny</command>
  <location>local</location>
  <level>7</level>
  <timeout>600</timeout>
</active-response>
`;

async function setup(text = HOST_DENY) {
  let clock = 0;
  const drafts = await openDrafts({
    db: null,
    local: null,
    tab: await claimTab({ locks: undefined, channel: null }),
    defaultTarget: 'wazuh@4.14',
    clock: () => (clock += 5000),
  });
  const { store } = drafts;
  store.replace(
    {
      present: { text, encoding: 'utf-8', snippet: false, original: null, documentId: 'first' },
      past: [],
      future: [],
      target: 'wazuh@4.14',
      role: 'auto',
    },
    'Opened',
  );
  render(
    <QueryClientProvider client={new QueryClient()}>
      <StoreProvider store={store}>
        <DraftsProvider drafts={drafts}>
          <App />
        </DraftsProvider>
      </StoreProvider>
    </QueryClientProvider>,
  );
  return store;
}

describe('App', () => {
  it('turns a form edit into a one-block text edit, and Ctrl+Z brings back the exact text', async () => {
    const store = await setup();
    const blocks = screen.getByRole('listbox', { name: /Blocks/ });
    fireEvent.click(within(blocks).getAllByRole('option')[1]);
    expect(screen.getAllByText('stateful')).toHaveLength(2);
    fireEvent.change(screen.getByLabelText('Timeout', { selector: 'input' }), { target: { value: '900' } });
    expect(store.getState().present.text).toBe(HOST_DENY.replace('<timeout>600', '<timeout>900'));
    act(() => {
      fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
    });
    expect(store.getState().present.text).toBe(HOST_DENY);
    act(() => {
      fireEvent.keyDown(window, { key: 'z', ctrlKey: true, shiftKey: true });
    });
    expect(store.getState().present.text).toContain('<timeout>900</timeout>');
  });

  it('adds, duplicates, moves and deletes blocks, each one undo step', async () => {
    const store = await setup();
    fireEvent.click(screen.getByRole('button', { name: 'Add command' }));
    expect(store.getState().present.text).toContain('<name>new-command</name>');
    const blocks = screen.getByRole('listbox', { name: /Blocks/ });
    expect(within(blocks).getAllByRole('option')).toHaveLength(3);
    fireEvent.keyDown(within(blocks).getAllByRole('option')[1], { key: 'ArrowDown', altKey: true });
    fireEvent.click(screen.getByRole('button', { name: 'Delete the selected block' }));
    expect(within(blocks).getAllByRole('option')).toHaveLength(2);
    act(() => store.undo());
    act(() => store.undo());
    act(() => store.undo());
    expect(store.getState().present.text).toBe(HOST_DENY);
  });

  it('keeps the form on the last readable text while the XML has an error', async () => {
    const store = await setup();
    fireEvent.click(within(screen.getByRole('listbox', { name: /Blocks/ })).getAllByRole('option')[1]);
    act(() =>
      store.commit({ text: HOST_DENY.replace('<level>7</level>', '<level>7</lvl>') }, { label: 'typing' }),
    );
    expect(screen.getByTestId('xml-error').textContent).toMatch(/Line 9/);
    const level = screen.getByLabelText('Level', { selector: 'input' }) as HTMLInputElement;
    expect(level.value).toBe('7');
    expect(level.readOnly).toBe(true);
  });

  it('keeps the document "New" replaced in Recent and opens it again as one undoable step', async () => {
    const store = await setup();
    fireEvent.click(screen.getByRole('button', { name: 'New' }));
    expect(store.getState().present.text).toBe('');
    act(() => store.commit({ text: '<command>\n</command>\n' }, { label: 'typed' }));
    fireEvent.click(screen.getByRole('button', { name: 'Recent' }));
    const list = screen.getByRole('list', { name: 'Recent documents' });
    const entry = within(list).getByRole('button', { name: /Untitled draft \(host-deny\)/ });
    expect(entry.textContent).toMatch(/just now · 265 B · 2 blocks/);
    await act(async () => fireEvent.click(entry));
    expect(store.getState().present.text).toBe(HOST_DENY);
    expect(screen.getByRole('status').textContent).toMatch(/Opened Untitled draft \(host-deny\) from Recent/);
    // The document it replaced went to Recent first; one undo brings it back.
    fireEvent.click(screen.getByRole('button', { name: 'Recent' }));
    expect(
      within(screen.getByRole('list', { name: 'Recent documents' })).getAllByRole('button'),
    ).toHaveLength(1);
    act(() => store.undo());
    expect(store.getState().present.text).toBe('<command>\n</command>\n');
  });

  it('changes nothing while another tab edits the draft', async () => {
    const store = await setup();
    act(() => store.setReadOnly(true));
    expect(screen.getByRole('button', { name: 'New' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: 'Import' })).toHaveProperty('disabled', true);
    fireEvent.click(within(screen.getByRole('listbox', { name: /Blocks/ })).getAllByRole('option')[1]);
    const level = screen.getByLabelText('Level', { selector: 'input' }) as HTMLInputElement;
    expect(level.readOnly).toBe(true);
    act(() => {
      fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
    });
    expect(store.getState().present.text).toBe(HOST_DENY);
    // A file dropped on the page is not offered for import: the status bar says why.
    const file = new File(['<ossec_config/>'], 'other.conf');
    await act(async () => {
      fireEvent.drop(window, { dataTransfer: { types: ['Files'], files: [file] } });
    });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe(
      'other.conf is not opened: another tab is editing this draft. Take over editing, then import it again.',
    );
  });
});
