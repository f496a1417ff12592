import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DraftNotices } from './draft-notices';

afterEach(cleanup);

const handlers = () => ({ onTakeOver: vi.fn(), onDownload: vi.fn(), onDelete: vi.fn(), onDismiss: vi.fn() });

describe('draft notices', () => {
  it('shows nothing while this tab edits and everything was restored', () => {
    const { container } = render(
      <DraftNotices notices={[]} tab={{ role: 'editing', why: 'started' }} {...handlers()} />,
    );
    expect(container.innerHTML).toBe('');
  });

  it('offers the download and the delete only where there is something to download or delete', () => {
    const on = handlers();
    render(
      <DraftNotices
        notices={[
          { id: 'kept', message: 'The saved draft could not be read.', canDownload: true, canDelete: true },
          { id: 'said', message: 'Two undo steps were lost.', canDownload: false, canDelete: false },
        ]}
        tab={{ role: 'editing', why: 'started' }}
        {...on}
      />,
    );
    const [kept, said] = screen.getAllByRole('alert');
    expect(kept.textContent).toContain('could not be read');
    fireEvent.click(screen.getByRole('button', { name: 'Download what was stored' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete the kept copy' }));
    expect(on.onDownload).toHaveBeenCalledWith('kept');
    expect(on.onDelete).toHaveBeenCalledWith('kept');
    expect(said.querySelectorAll('button')).toHaveLength(1);
    fireEvent.click(screen.getAllByRole('button', { name: 'Dismiss this message' })[1]);
    expect(on.onDismiss).toHaveBeenCalledWith('said');
  });

  it('says another tab edits, or took over, and offers to take over', () => {
    const on = handlers();
    const { rerender } = render(
      <DraftNotices notices={[]} tab={{ role: 'waiting', why: 'started' }} {...on} />,
    );
    expect(screen.getByRole('status').textContent).toMatch(/^Another tab is editing this draft/);
    rerender(<DraftNotices notices={[]} tab={{ role: 'waiting', why: 'taken' }} {...on} />);
    expect(screen.getByRole('status').textContent).toMatch(/^Another tab took over editing/);
    fireEvent.click(screen.getByRole('button', { name: 'Take over editing' }));
    expect(on.onTakeOver).toHaveBeenCalled();
  });
});
