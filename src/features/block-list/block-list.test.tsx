import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BlockList, type BlockListItem } from './block-list';

afterEach(cleanup);

const items: BlockListItem[] = [
  {
    index: 0,
    kind: 'command',
    title: 'host-deny',
    detail: 'host-deny',
    mode: null,
    ignored: false,
    problems: { error: 0, warning: 0, info: 1 },
  },
  {
    index: 1,
    kind: 'active-response',
    title: 'host-deny',
    detail: 'local · level ≥ 7',
    mode: 'stateful',
    ignored: false,
    problems: { error: 1, warning: 1, info: 0 },
  },
];

const handlers = () => ({
  onSelect: vi.fn(),
  onAdd: vi.fn(),
  onDuplicate: vi.fn(),
  onDelete: vi.fn(),
  onMove: vi.fn(),
});

function setup(readOnly = false) {
  const spies = handlers();
  render(<BlockList items={items} selected={1} readOnly={readOnly} {...spies} />);
  return spies;
}

describe('BlockList', () => {
  it('shows each block with its kind, mode and problem count', () => {
    setup();
    const options = screen.getAllByRole('option');
    expect(options).toHaveLength(2);
    expect(options[1].getAttribute('aria-selected')).toBe('true');
    expect(options[1].textContent).toContain('stateful');
    expect(options[1].textContent).toContain('2problems');
    // Only the rows in view are rendered, so each says where it stands in the whole list.
    expect(options.map((o) => [o.getAttribute('aria-posinset'), o.getAttribute('aria-setsize')])).toEqual([
      ['1', '2'],
      ['2', '2'],
    ]);
  });

  it('reorders with Alt+Arrow and selects with the arrows', () => {
    const h = setup();
    const options = screen.getAllByRole('option');
    fireEvent.keyDown(options[1], { key: 'ArrowUp', altKey: true });
    expect(h.onMove).toHaveBeenCalledWith(1, 0);
    fireEvent.keyDown(options[1], { key: 'ArrowUp' });
    expect(h.onSelect).toHaveBeenCalledWith(0);
    fireEvent.keyDown(options[0], { key: 'ArrowUp', altKey: true });
    expect(h.onMove).toHaveBeenCalledTimes(1);
  });

  it('adds, duplicates and deletes', () => {
    const h = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Add command' }));
    expect(h.onAdd).toHaveBeenCalledWith('command');
    fireEvent.click(screen.getByRole('button', { name: 'Duplicate the selected block' }));
    expect(h.onDuplicate).toHaveBeenCalledWith(1);
    fireEvent.click(screen.getByRole('button', { name: 'Delete the selected block' }));
    expect(h.onDelete).toHaveBeenCalledWith(1);
  });

  it('disables block edits while the XML does not read', () => {
    const h = setup(true);
    const del = screen.getByRole('button', { name: 'Delete the selected block' }) as HTMLButtonElement;
    expect(del.disabled).toBe(true);
    fireEvent.keyDown(screen.getAllByRole('option')[1], { key: 'ArrowUp', altKey: true });
    expect(h.onMove).not.toHaveBeenCalled();
  });

  it('spells out hidden characters in names and details', () => {
    const hidden: BlockListItem = { ...items[0], title: 'deny\u202Egnp.exe', detail: 'run\u200B.sh' };
    render(<BlockList items={[hidden]} selected={0} readOnly={false} {...handlers()} />);
    const row = screen.getByRole('option');
    expect(row.textContent).toContain('deny⟨U+202E⟩gnp.exe');
    expect(row.textContent).toContain('run⟨U+200B⟩.sh');
    expect(row.textContent).not.toMatch(/[\u202E\u200B]/);
  });

  it('shows a group of agents as one row: selecting a member selects it, the arrows skip the members', () => {
    const response = items[1];
    const grouped: BlockListItem[] = [
      items[0],
      { ...response, detail: '001, 002 · level ≥ 7', group: { agents: ['001', '002'], members: [1, 3] } },
      { ...response, index: 2, title: 'firewall-drop', detail: 'local' },
      { ...response, index: 3, memberOf: 1 },
    ];
    const handlers = {
      onSelect: vi.fn(),
      onAdd: vi.fn(),
      onDuplicate: vi.fn(),
      onDelete: vi.fn(),
      onMove: vi.fn(),
    };
    render(<BlockList items={grouped} selected={3} readOnly={false} {...handlers} />);
    const options = screen.getAllByRole('option');
    expect(options).toHaveLength(3);
    expect(options[1].getAttribute('aria-selected')).toBe('true');
    expect(options[1].textContent).toContain('2 agents');
    expect(screen.getByRole('button', { name: 'Delete the selected group of responses' })).toBeTruthy();
    expect(
      (screen.getByRole('button', { name: /Move the selected block up/ }) as HTMLButtonElement).disabled,
    ).toBe(true);
    fireEvent.keyDown(options[1], { key: 'ArrowDown' });
    expect(handlers.onSelect).toHaveBeenLastCalledWith(2);
    fireEvent.keyDown(options[2], { key: 'ArrowDown' });
    expect(handlers.onSelect).toHaveBeenLastCalledWith(2);
    // Moving a block down past a group lands after the group's last member.
    fireEvent.keyDown(options[0], { key: 'ArrowDown', altKey: true });
    expect(handlers.onMove).toHaveBeenLastCalledWith(0, 3);
  });
});
