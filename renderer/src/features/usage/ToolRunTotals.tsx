import type { McpRunTotals, McpToolTotals } from '../../../../main/contract';
import { formatDuration, formatInteger } from '../../parts/usage';
import { Button } from '../../ui/Button';

export interface ToolKey {
  serverName: string;
  tool: string;
}

/** A tool whose calls were all denied or canned ran for no time at all: '—', not "0 ms". */
const p95Text = (totals: McpRunTotals) => (totals.p95Ms !== null ? formatDuration(totals.p95Ms) : '—');

/** "12 runs · 2 failed · 4.1 s running · p95 0.9 s": the whole filter's runs in one line. */
export function runTotalsLine(totals: McpRunTotals): string {
  return [
    `${formatInteger(totals.runs)} ${totals.runs === 1 ? 'run' : 'runs'}`,
    `${formatInteger(totals.errors)} failed`,
    `${formatDuration(totals.totalMs)} running`,
    `p95 ${p95Text(totals)}`,
  ].join(' · ');
}

/** Runs, failures, time and p95 per server and tool; a tool's name shows only its runs. */
export function ToolRunTotals({
  groups,
  onPick,
}: {
  groups: McpToolTotals[];
  onPick: (key: ToolKey) => void;
}) {
  return (
    <div className="usage-table-wrap scroll">
      <table className="usage-table" data-testid="usage-tool-totals">
        <thead>
          <tr>
            <th scope="col">Server</th>
            <th scope="col">Tool</th>
            <th scope="col" className="is-num">
              Runs
            </th>
            <th scope="col" className="is-num">
              Failed
            </th>
            <th scope="col" className="is-num">
              Total time
            </th>
            <th scope="col" className="is-num">
              p95
            </th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={`${g.serverName}\u0000${g.tool}`}>
              <td>
                <bdi className="mono">{g.serverName}</bdi>
              </td>
              <td>
                <Button
                  variant="bare"
                  className="usage-link mono"
                  title={`Show only the runs of ${g.tool}`}
                  onPress={() => onPick({ serverName: g.serverName, tool: g.tool })}
                >
                  <bdi>{g.tool}</bdi>
                </Button>
              </td>
              <td className="is-num num">{formatInteger(g.runs)}</td>
              <td className={`is-num num${g.errors > 0 ? ' usage-tool-failed' : ''}`}>
                {formatInteger(g.errors)}
              </td>
              <td className="is-num num">{g.p95Ms !== null ? formatDuration(g.totalMs) : '—'}</td>
              <td className="is-num num">{p95Text(g)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
