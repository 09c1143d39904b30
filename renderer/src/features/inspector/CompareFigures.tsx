import type { Message } from '../../../../main/contract/chat';
import { formatCost, formatCredits } from '../../parts/usage';
import type { RunFigures } from './compareDiff';
import { runFigures } from './compareDiff';
import { formatDuration } from './responseFacts';

const dash = (value: number | null, show: (v: number) => string): string =>
  value === null ? '—' : show(value);

const ROWS: { key: string; label: string; read(f: RunFigures): string }[] = [
  { key: 'tokens', label: 'tokens', read: (f) => dash(f.tokens, (v) => v.toLocaleString()) },
  { key: 'first', label: 'first token', read: (f) => dash(f.firstTokenMs, formatDuration) },
  { key: 'latency', label: 'latency', read: (f) => dash(f.totalMs, formatDuration) },
  // Cost from the price table when the model has a price, else what the provider charged in credits.
  {
    key: 'cost',
    label: 'cost',
    read: (f) => (f.cost !== null ? formatCost(f.cost) : dash(f.credits, formatCredits)),
  },
];

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
            <td>{row.read(before)}</td>
            <td className={row.read(before) !== row.read(after) ? 'is-changed' : undefined}>
              {row.read(after)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
