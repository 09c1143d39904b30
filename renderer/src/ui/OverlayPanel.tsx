import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { useInteractOutside, useOverlay } from 'react-aria';

export interface OverlayPanelProps {
  /** Esc pressed inside it ('escape'), or a press outside it and its trigger ('outside'). */
  onClose: (reason: 'escape' | 'outside') => void;
  /** The control that toggles the panel: pressing it is not "outside", and Esc returns focus to it. */
  trigger?: () => HTMLElement | null;
  /** Where focus goes after Esc when there is no trigger on screen. */
  onEscapeWithoutTrigger?: () => void;
  /**
   * The element to focus when the panel opens, asked again as the panel's content renders (a
   * React Aria collection renders its items after its first commit) until it answers.
   */
  initialFocus?: (panel: HTMLElement) => HTMLElement | null;
  className?: string;
  testId?: string;
  children: ReactNode;
}

/**
 * A non-modal panel over part of the window (the narrow window's inspector). Render it while it
 * is open. Unlike ui/Dialog and ui/PopoverDialog it traps nothing: no focus containment, the rest
 * of the window stays in the accessibility tree and scrollable, and a press outside does what it
 * says (focuses the composer, opens a thread) while it also closes the panel.
 *
 * Built on React Aria's `useOverlay` rather than a `Popover isNonModal`: a non-modal Popover does
 * not close on an outside press, positions itself against a trigger (this panel docks to an edge
 * and opens from a shortcut too), and closes whenever focus leaves it. `useOverlay` gives Esc with
 * React Aria's overlay stack: a menu, popover or dialog opened from inside takes its own Esc first.
 * Outside presses are told from inside ones through React's tree, so a menu or dialog the panel
 * opened (portalled to the body) counts as inside. One press outside while such a dismissable
 * menu or dialog is open closes both (React Aria's overlay stack is not exported to ask).
 */
export function OverlayPanel({
  onClose,
  trigger,
  onEscapeWithoutTrigger,
  initialFocus,
  className,
  testId,
  children,
}: OverlayPanelProps) {
  const ref = useRef<HTMLDivElement>(null);
  const pressedInside = useRef(false);
  // The latest callbacks, so the document listeners are added once per opening.
  const latest = useRef({ onClose, trigger, initialFocus });
  useEffect(() => {
    latest.current = { onClose, trigger, initialFocus };
  });

  const { overlayProps } = useOverlay(
    {
      isOpen: true,
      isDismissable: false,
      shouldCloseOnBlur: false,
      onClose: () => {
        const button = latest.current.trigger?.() ?? null;
        latest.current.onClose('escape');
        if (button?.isConnected) button.focus();
        else onEscapeWithoutTrigger?.();
      },
    },
    ref,
  );

  // React Aria's outside-press detection, without the propagation stop of a dismissable overlay
  // (that would swallow the press, so a button in the conversation would need a second click).
  useInteractOutside({
    ref,
    // At pointerdown, capture phase on the document, before React dispatches the press.
    onInteractOutsideStart: () => {
      pressedInside.current = false;
    },
    // At click: by now React has dispatched the pointerdown, through portals too.
    onInteractOutside: (e) => {
      if (pressedInside.current) return;
      const target = e.target instanceof Element ? e.target : null;
      if (target && latest.current.trigger?.()?.contains(target)) return;
      latest.current.onClose('outside');
    },
  });

  useEffect(() => {
    const panel = ref.current;
    const pick = latest.current.initialFocus;
    if (!panel || !pick) return;
    const tryFocus = () => {
      if (panel.contains(panel.ownerDocument.activeElement)) return true;
      const target = pick(panel);
      target?.focus();
      return target !== null;
    };
    if (tryFocus()) return;
    const observer = new MutationObserver(() => {
      if (tryFocus()) observer.disconnect();
    });
    observer.observe(panel, { childList: true, subtree: true, attributes: true });
    return () => observer.disconnect();
  }, []);

  return (
    <div
      {...overlayProps}
      ref={ref}
      className={className ? `ui-overlay-panel ${className}` : 'ui-overlay-panel'}
      data-testid={testId}
      // React events travel the component tree, portals included: a press in a menu or dialog
      // opened from the panel arrives here although its element is elsewhere in the page.
      onPointerDownCapture={() => {
        pressedInside.current = true;
      }}
    >
      {children}
    </div>
  );
}
