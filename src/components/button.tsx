import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { cx } from './cx';
import { focusRing } from './focus-ring';

type Variant = 'primary' | 'secondary' | 'ghost';

const variants: Record<Variant, string> = {
  primary:
    'bg-blue-600 text-white hover:bg-blue-700 border-blue-700 dark:bg-blue-500 dark:text-zinc-950 dark:hover:bg-blue-400 dark:border-blue-400',
  secondary:
    'bg-white text-zinc-800 hover:bg-zinc-50 border-zinc-300 dark:bg-zinc-800 dark:text-zinc-100 dark:hover:bg-zinc-700 dark:border-zinc-700',
  ghost:
    'bg-transparent text-zinc-700 hover:bg-zinc-100 border-transparent dark:text-zinc-300 dark:hover:bg-zinc-800',
};

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
  size?: 'sm' | 'md';
  icon?: ReactNode;
  /**
   * Below 1536 px wide only the icon shows (a crowded toolbar); the text stays the button's name and
   * its tooltip.
   */
  collapse?: boolean;
}

export function Button({
  variant = 'secondary',
  size = 'md',
  icon,
  collapse = false,
  className,
  children,
  ...rest
}: ButtonProps) {
  const name = collapse && typeof children === 'string' ? children : undefined;
  return (
    <button
      type="button"
      aria-label={name}
      title={name}
      className={cx(
        'inline-flex shrink-0 items-center justify-center gap-1.5 rounded-md border font-medium whitespace-nowrap transition-colors',
        'disabled:cursor-not-allowed disabled:opacity-50',
        size === 'sm' ? 'h-7 px-2 text-xs' : 'h-8 px-3 text-[13px]',
        name !== undefined && (size === 'sm' ? 'max-2xl:px-1.5' : 'max-2xl:px-2'),
        variants[variant],
        focusRing,
        className,
      )}
      {...rest}
    >
      {icon}
      {name !== undefined ? <span className="max-2xl:hidden">{children}</span> : children}
    </button>
  );
}

export interface IconButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children'> {
  /** Names the button for screen readers and shows as its tooltip. */
  label: string;
  icon: ReactNode;
  variant?: Variant;
  size?: 'sm' | 'md';
}

export function IconButton({
  label,
  icon,
  variant = 'ghost',
  size = 'md',
  className,
  ...rest
}: IconButtonProps) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      className={cx(
        'inline-flex shrink-0 items-center justify-center rounded-md border transition-colors',
        'disabled:cursor-not-allowed disabled:opacity-40',
        size === 'sm' ? 'size-6' : 'size-8',
        variants[variant],
        focusRing,
        className,
      )}
      {...rest}
    >
      {icon}
    </button>
  );
}
