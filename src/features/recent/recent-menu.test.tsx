import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatAge, formatSize, RecentMenu } from './recent-menu';

afterEach(cleanup);

const now = new Date('2026-03-10T12:00:00Z');
const items = [
  { documentId: 'a', name: 'ossec.conf', savedAt: '2026-03-10T11:55:00Z', size: 12_800, blocks: 7 },
  {
    documentId: 'b',
    name: 'Untitled draft (host-deny)',
    savedAt: '2026-03-09T09:00:00Z',
    size: 265,
    blocks: 1,
  },
];

describe('Recent menu', () => {
  it('says when, how large and how many blocks', () => {
    expect(formatAge('2026-03-10T11:59:30Z', now)).toBe('just now');
    expect(formatAge('2026-03-10T11:55:00Z', now)).toBe('5 minutes ago');
    expect(formatAge('2026-03-10T09:00:00Z', now)).toBe('3 hours ago');
    expect(formatAge('2026-03-09T09:00:00Z', now)).toBe('yesterday');
    expect(formatAge('2026-01-02T09:00:00Z', now)).toBe('Jan 2, 2026');
    expect(formatAge('not a date', now)).toBe('at an unknown time');
    expect([formatSize(265), formatSize(12_800), formatSize(2_200_000)]).toEqual([
      '265 B',
      '12.5 KB',
      '2.1 MB',
    ]);
  });

  it('lists the documents and opens or forgets them', () => {
    const onOpen = vi.fn();
    const onClear = vi.fn();
    render(<RecentMenu items={items} limit={10} onOpen={onOpen} onClear={onClear} now={() => now} />);
    const button = screen.getByRole('button', { name: 'Recent' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(button);
    const list = screen.getByRole('list', { name: 'Recent documents' });
    const entries = within(list).getAllByRole('button');
    expect(entries.map((e) => e.textContent)).toEqual([
      'ossec.conf5 minutes ago · 12.5 KB · 7 blocks',
      'Untitled draft (host-deny)yesterday · 265 B · 1 block',
    ]);
    fireEvent.click(entries[1]);
    expect(onOpen).toHaveBeenCalledWith('b');
    expect(screen.queryByRole('list')).toBeNull();
    fireEvent.click(button);
    fireEvent.click(screen.getByRole('button', { name: 'Forget these documents' }));
    expect(onClear).toHaveBeenCalled();
  });

  it('explains what it will keep while it is empty', () => {
    render(<RecentMenu items={[]} limit={10} onOpen={() => {}} onClear={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Recent' }));
    expect(screen.getByText(/No earlier documents yet.*the last 10/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Forget these documents' })).toBeNull();
  });
});
