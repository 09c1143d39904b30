import { useSyncExternalStore } from 'react';
import { NARROW_QUERY } from '../../paint/snapshot';

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
