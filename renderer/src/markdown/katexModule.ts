// KaTeX with its style sheet, fetched together the first time a formula is rendered
// (./mathRender.ts): the sheet is a third of the first screen's CSS (its rules and twenty font
// faces), and every style sheet the page links is parsed and indexed before its first paint.
import 'katex/dist/katex.min.css';

export { default } from 'katex';
