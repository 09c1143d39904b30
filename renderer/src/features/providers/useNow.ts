import { useEffect, useState } from 'react';
import { nextTickMs } from '../../platform/time';

/**
 * The current time, re-read only when a countdown towards `target` would change its text
 * (each second in the last minute, each minute before), so a page of countdowns stays idle.
 */
export function useNow(target: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (target === null) return;
    const timer = window.setTimeout(() => setNow(Date.now()), nextTickMs(target, now));
    return () => window.clearTimeout(timer);
  }, [target, now]);
  return now;
}
