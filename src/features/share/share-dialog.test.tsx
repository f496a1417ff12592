import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeShareFragment, SHARE_LINK_LIMIT, type SharedDraft } from '../../core';
import { ShareDialog, shareUrl } from './share-dialog';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const draft: SharedDraft = {
  name: 'ossec.conf',
  text: '<ossec_config>\r\n  <!-- r\u00e9seau -->\r\n</ossec_config>\r\n',
  encoding: 'latin1',
  snippet: false,
  target: 'ossec@3.7',
  role: 'manager',
};

/** Text no compressor can shrink much: each line random. */
function incompressible(length: number): string {
  let seed = 7;
  let text = '';
  while (text.length < length) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    text += `<!-- ${seed.toString(36)} -->\n`;
  }
  return text;
}

describe('ShareDialog', () => {
  it('puts the draft in the link, shows it and copies it', async () => {
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const onStatus = vi.fn();
    render(<ShareDialog open onClose={vi.fn()} draft={draft} onStatus={onStatus} />);
    const field = (await screen.findByLabelText('Link')) as HTMLInputElement;
    expect(field.value).toMatch(/^http:\/\/localhost(:\d+)?\/#share=[A-Za-z0-9_-]+$/);
    const read = await decodeShareFragment(new URL(field.value).hash);
    expect(read).toEqual({ ok: true, draft, notes: [] });
    expect(screen.getByText(/OSSEC 3\.7, role manager/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(field.value));
    expect(await screen.findByText(/^Copied\./)).toBeTruthy();
    expect(onStatus).toHaveBeenCalledWith('Copied a link to this draft.');
  });

  it('selects the link for copying by hand when the browser refuses the clipboard', async () => {
    vi.stubGlobal('navigator', {
      ...navigator,
      clipboard: { writeText: vi.fn(async () => Promise.reject(new Error('denied'))) },
    });
    render(<ShareDialog open onClose={vi.fn()} draft={draft} onStatus={vi.fn()} />);
    await screen.findByLabelText('Link');
    fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(await screen.findByText(/refused clipboard access/)).toBeTruthy();
  });

  it('offers the file instead of a link over the stated size', async () => {
    const large = { ...draft, encoding: 'utf-8' as const, text: incompressible(60_000) };
    render(<ShareDialog open onClose={vi.fn()} draft={large} onStatus={vi.fn()} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/Links longer than 16,000 characters get cut off/);
    expect(screen.queryByLabelText('Link')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Copy link' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Download ossec.conf' })).toBeTruthy();
    expect(SHARE_LINK_LIMIT).toBe(16_000);
  });

  it('builds the link on the page’s own address', () => {
    expect(
      shareUrl('share=abc', { origin: 'https://intranet.example', pathname: '/ar-studio/', search: '?x=1' }),
    ).toBe('https://intranet.example/ar-studio/?x=1#share=abc');
  });
});
