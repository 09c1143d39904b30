import { useLayoutEffect, useRef } from 'react';
import { useStore } from '../../store';
import { ToastRegion } from '../../ui';

const GAP = 16;

/**
 * The toasts of uiSlice in the bottom-right corner, newest last: over the inspector's foot when it
 * is docked there, never over the thread list they often refer to. With no inspector on the right
 * the message box reaches that corner, so they sit just above it instead.
 */
export function ToastView() {
  const toasts = useStore((s) => s.toasts);
  const dismiss = useStore((s) => s.dismissToast);
  const clearOfComposer = useStore((s) => s.screen === 'chat' && !s.inspectorOpen);
  const ref = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const stack = ref.current;
    if (!stack) return;
    const composer = clearOfComposer ? document.querySelector('.composer') : null;
    const bottom = composer ? window.innerHeight - composer.getBoundingClientRect().top + GAP / 2 : GAP;
    stack.style.setProperty('--toasts-bottom', `${Math.max(GAP, Math.round(bottom))}px`);
  }, [toasts, clearOfComposer]);

  return <ToastRegion ref={ref} toasts={toasts} onDismiss={dismiss} />;
}
