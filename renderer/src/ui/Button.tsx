import { forwardRef, useCallback, useLayoutEffect, useRef } from 'react';
import { Button as AriaButton, type ButtonProps as AriaButtonProps } from 'react-aria-components';
import './button.css';

/**
 * `primary` for the one main action of a place, `secondary` (the default) for the others,
 * `quiet` for a transparent button that shows its frame only on hover (toolbars, rows, menu
 * triggers), `danger` for deleting, `bare` for a button styled entirely by its place (a table
 * header, a link-like word, a nav item): it only resets the browser's button look.
 */
export type ButtonVariant = 'primary' | 'secondary' | 'quiet' | 'danger' | 'bare';
export type ButtonSize = 'sm' | 'md';

export interface ButtonProps extends Omit<AriaButtonProps, 'className'> {
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
  /** A hover hint (a shortcut, a longer wording). React Aria's button passes no `title` through. */
  title?: string;
}

/** The class names of a look, for the few places that dress a non-button (a file input's label). */
export function buttonClass(variant: ButtonVariant = 'secondary', size: ButtonSize = 'md'): string {
  if (variant === 'bare') return 'ui-bare';
  return `btn${LOOK[variant]}${size === 'sm' ? ' btn-sm' : ''}`;
}

const LOOK: Record<Exclude<ButtonVariant, 'bare'>, string> = {
  primary: ' btn-primary',
  secondary: '',
  quiet: ' btn-ghost',
  danger: ' btn-danger',
};

/**
 * The app's button: React Aria's (press events that behave the same with mouse, touch, keyboard
 * and screen readers; `data-focus-visible` for the focus ring), in one of a few looks.
 */
export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { variant = 'secondary', size = 'md', className, title, ...props },
  ref,
) {
  const inner = useRef<HTMLButtonElement | null>(null);
  const setRef = useCallback(
    (element: HTMLButtonElement | null) => {
      inner.current = element;
      if (typeof ref === 'function') ref(element);
      else if (ref) ref.current = element;
    },
    [ref],
  );
  useLayoutEffect(() => {
    if (!inner.current) return;
    if (title) inner.current.title = title;
    else inner.current.removeAttribute('title');
  }, [title]);
  const base = buttonClass(variant, size);
  return <AriaButton ref={setRef} {...props} className={className ? `${base} ${className}` : base} />;
});
