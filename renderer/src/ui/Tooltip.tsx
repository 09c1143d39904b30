import type { ReactElement, ReactNode } from 'react';
import { Tooltip as AriaTooltip, TooltipTrigger } from 'react-aria-components';
import './Tooltip.css';

interface TooltipProps {
  /** What the tooltip says: a hint or a shortcut, never the control's only name. */
  label: ReactNode;
  /** A ui/Button or ui/IconButton (React Aria's focus and hover events open the tooltip). */
  children: ReactElement;
  placement?: 'top' | 'bottom' | 'left' | 'right';
  /** Hover delay before it shows; keyboard focus shows it at once. */
  delay?: number;
}

/**
 * A hint on hover or keyboard focus, tied to its control with aria-describedby; Esc hides it.
 * Unlike `title`, it shows for keyboard users and never covers the pointer.
 */
export function Tooltip({ label, children, placement = 'top', delay = 600 }: TooltipProps) {
  return (
    <TooltipTrigger delay={delay} closeDelay={100}>
      {children}
      <AriaTooltip placement={placement} offset={6} className="ui-tooltip">
        {label}
      </AriaTooltip>
    </TooltipTrigger>
  );
}
