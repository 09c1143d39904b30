/** Colours the charts take from the theme's CSS variables, so light and dark both read well. */
export interface ChartTheme {
  /** Canvas text cannot inherit CSS fonts, so the UI font stack is passed explicitly. */
  fontFamily: string;
  text: string;
  muted: string;
  grid: string;
  background: string;
  tooltipBackground: string;
  accent: string;
  ok: string;
  warn: string;
  danger: string;
  subtle: string;
  palette: string[];
  other: string;
}

/** Distinct at a glance in both themes; the ninth stack ("Other models") is neutral grey. */
const LIGHT_PALETTE = [
  '#4f5bd5',
  '#1f9e94',
  '#e08a2e',
  '#c2508a',
  '#7d5fd3',
  '#2f8fd0',
  '#7fa32f',
  '#cf5a48',
];
const DARK_PALETTE = ['#8790f5', '#4cc7bb', '#f0a456', '#e27fb0', '#a98ef0', '#64b3ec', '#a8cc5a', '#ee8576'];

export const LIGHT_THEME: ChartTheme = {
  fontFamily: 'system-ui, sans-serif',
  text: '#1b1c20',
  muted: '#5f6270',
  grid: '#e2e3e8',
  background: 'transparent',
  tooltipBackground: '#ffffff',
  accent: '#4f5bd5',
  ok: '#1d7f4e',
  warn: '#a86400',
  danger: '#c9352b',
  subtle: '#8b8e9b',
  palette: LIGHT_PALETTE,
  other: '#a3a5b1',
};

export function readChartTheme(root: Element, dark: boolean): ChartTheme {
  const css = getComputedStyle(root);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    fontFamily: v('--font-ui', LIGHT_THEME.fontFamily),
    text: v('--fg', LIGHT_THEME.text),
    muted: v('--fg-muted', LIGHT_THEME.muted),
    grid: v('--border', LIGHT_THEME.grid),
    background: 'transparent',
    tooltipBackground: v('--bg-elev', LIGHT_THEME.tooltipBackground),
    accent: v('--accent', LIGHT_THEME.accent),
    ok: v('--ok', LIGHT_THEME.ok),
    warn: v('--warn', LIGHT_THEME.warn),
    danger: v('--danger', LIGHT_THEME.danger),
    subtle: v('--fg-subtle', LIGHT_THEME.subtle),
    palette: dark ? DARK_PALETTE : LIGHT_PALETTE,
    other: dark ? '#5d606c' : LIGHT_THEME.other,
  };
}
