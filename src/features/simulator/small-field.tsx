import type { ReactNode } from 'react';
import { cx } from '../../components/cx';
import { inputClass } from '../../components/field';

/** The simulator's compact controls: one height and text size for inputs and selects. */
export const smallInputClass = cx(inputClass, 'h-7 text-xs');
export const smallSelectClass = cx(inputClass, 'h-7 px-1.5 font-sans text-xs');

/** A small label above its control, for the simulator's dense forms. */
export function SmallField({
  id,
  label,
  className,
  children,
}: {
  id: string;
  label: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={cx('grid min-w-0 content-start gap-0.5', className)}>
      <label htmlFor={id} className="text-[11px] font-medium text-zinc-700 dark:text-zinc-300">
        {label}
      </label>
      {children}
    </div>
  );
}
