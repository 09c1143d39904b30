import { useSyncExternalStore } from 'react';

/**
 * Narrower than the three panes side by side with a conversation of 560 px or more
 * (64 rail + 264 threads + 560 + 340 inspector = 1228): the inspector stops taking a column.
 */
const NARROW_QUERY = '(max-width: 1227px)';

const subscribe = (onChange: () => void) => {
  const query = window.matchMedia(NARROW_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
};
const snapshot = () => window.matchMedia(NARROW_QUERY).matches;

/** Whether the window is too narrow for a docked inspector; follows resizes. */
export function useNarrowLayout(): boolean {
  return useSyncExternalStore(subscribe, snapshot);
}
