import { type ReactNode, useEffect, useId, useRef } from 'react';
import { IconButton } from './button';
import { cx } from './cx';
import { Icon } from './icon';

export interface DialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: string;
  children: ReactNode;
  footer?: ReactNode;
  /** `full` nearly fills the window, for views that need the width (a side-by-side diff). */
  size?: 'md' | 'lg' | 'xl' | 'full';
}

/**
 * A modal on the native <dialog>: the browser supplies the focus trap, Escape, the inert background
 * and the top layer, which a hand-rolled overlay would have to imitate.
 */
export function Dialog({ open, onClose, title, description, children, footer, size = 'md' }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return;
    // The page may unmount the dialog rather than close it; focus then goes back to what opened it.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      className={cx(
        'm-auto max-h-[85dvh] w-[calc(100%-1.5rem)] flex-col overflow-hidden rounded-lg border p-0 shadow-2xl open:flex',
        'border-zinc-200 bg-white text-zinc-900 backdrop:bg-[rgb(9_9_11/0.55)] dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100',
        size === 'md' && 'max-w-lg',
        size === 'lg' && 'max-w-3xl',
        size === 'xl' && 'max-w-5xl',
        size === 'full' && 'h-[85vh] max-w-[min(96vw,1440px)]',
      )}
    >
      {open && (
        <>
          <header className="flex items-start gap-3 border-b border-zinc-200 px-4 py-3 sm:px-5 dark:border-zinc-800">
            <div className="min-w-0 flex-1">
              <h2 id={titleId} className="text-[15px] font-semibold">
                {title}
              </h2>
              {description && (
                <p id={descriptionId} className="mt-0.5 text-[13px] text-zinc-600 dark:text-zinc-400">
                  {description}
                </p>
              )}
            </div>
            <IconButton label="Close" icon={<Icon name="x" />} onClick={onClose} />
          </header>
          <div className="relative min-h-0 flex-1 overflow-auto px-4 py-4 sm:px-5">{children}</div>
          {footer && (
            <footer className="flex flex-wrap items-center justify-end gap-2 border-t border-zinc-200 bg-zinc-50 px-4 py-3 sm:px-5 dark:border-zinc-800 dark:bg-zinc-950/40">
              {footer}
            </footer>
          )}
        </>
      )}
    </dialog>
  );
}
