import { useEffect, useState } from 'react';
import type { ChartTheme } from './chartTheme';
import { readChartTheme } from './chartTheme';

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** The chart colours for the current OS theme; charts repaint when the OS switches. */
export function useChartTheme(): ChartTheme {
  const [theme, setTheme] = useState(() =>
    readChartTheme(document.documentElement, window.matchMedia(DARK_QUERY).matches),
  );
  useEffect(() => {
    const media = window.matchMedia(DARK_QUERY);
    const update = () => setTheme(readChartTheme(document.documentElement, media.matches));
    media.addEventListener('change', update);
    return () => media.removeEventListener('change', update);
  }, []);
  return theme;
}
