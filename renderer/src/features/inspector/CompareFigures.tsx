import type { Message } from '../../../../main/contract/chat';
import { formatCost } from '../usage/format';
import type { RunFigures } from './compareDiff';
import { runFigures } from './compareDiff';
import { formatDuration } from './responseFacts';

const ROWS: { key: keyof RunFigures; label: string; show(value: number): string }[] = [
  { key: 'tokens', label: 'tokens', show: (v) => v.toLocaleString() },
  { key: 'firstTokenMs', label: 'first token', show: formatDuration },
  { key: 'totalMs', label: 'latency', show: formatDuration },
  { key: 'cost', label: 'cost', show: (v) => formatCost(v) },
];

const shown = (row: (typeof ROWS)[number], figures: RunFigures): string => {
  const value = figures[row.key];
  return value === null ? '—' : row.show(value);
};

/** Tokens, latency and cost of a re-run beside the original's, in tabular figures. */
export function CompareFigures({ original, rerun }: { original: Message; rerun: Message }) {
  const before = runFigures(original);
  const after = runFigures(rerun);
  return (
    <table className="compare-figures num" aria-label="Figures against the original">
      <thead>
        <tr>
          <th scope="col" />
          <th scope="col">original</th>
          <th scope="col">this run</th>
        </tr>
      </thead>
      <tbody>
        {ROWS.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            <td>{shown(row, before)}</td>
            <td className={shown(row, before) !== shown(row, after) ? 'is-changed' : undefined}>
              {shown(row, after)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
