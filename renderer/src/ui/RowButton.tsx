import { forwardRef } from 'react';
import type { ButtonHTMLAttributes } from 'react';
import { buttonClass, type ButtonSize, type ButtonVariant } from './Button';

export interface RowButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'> {
  variant?: Exclude<ButtonVariant, 'bare'>;
  size?: ButtonSize;
}

/**
 * A `Button` look on the platform's own button, for controls repeated on every row of a long
 * list (a message's Copy, Edit, Regenerate, Delete). React Aria's button sets up press, hover and
 * focus tracking as it mounts; dragging the scrollbar of a 10,000-message thread mounts dozens
 * per frame, and that showed in the scroll's frames. A native button is already reachable and
 * operable by keyboard and named for screen readers; its focus ring is `:focus-visible`.
 */
export const RowButton = forwardRef<HTMLButtonElement, RowButtonProps>(function RowButton(
  { variant = 'quiet', size = 'sm', className, ...props },
  ref,
) {
  const base = buttonClass(variant, size);
  return <button ref={ref} type="button" {...props} className={className ? `${base} ${className}` : base} />;
});
