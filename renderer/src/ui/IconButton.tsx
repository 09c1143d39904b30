import { forwardRef } from 'react';
import type { ReactNode } from 'react';
import { Button, type ButtonProps } from './Button';

export interface IconButtonProps extends Omit<ButtonProps, 'children' | 'aria-label' | 'title'> {
  /** What the button does, in words: its accessible name, and its hover hint unless `tooltip` says more. */
  label: string;
  /** The hover hint when it says more than the label (a shortcut); `false` for none. */
  tooltip?: string | false;
  children: ReactNode;
}

/**
 * A square button showing only an icon. The label is required, so no icon button is ever
 * nameless to a screen reader (Signal's axo checks the same of every trigger). The hint is one
 * prop, so a richer tooltip replaces the native one here, once, for every icon button.
 */
export const IconButton = forwardRef<HTMLButtonElement, IconButtonProps>(function IconButton(
  { label, tooltip, variant = 'quiet', className, children, ...props },
  ref,
) {
  return (
    <Button
      ref={ref}
      {...props}
      variant={variant}
      aria-label={label}
      title={tooltip === false ? undefined : (tooltip ?? label)}
      className={[variant === 'bare' ? '' : 'btn-icon', className ?? ''].join(' ').trim()}
    >
      {children}
    </Button>
  );
});
