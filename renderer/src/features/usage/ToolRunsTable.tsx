import type { McpLedgerRun } from '../../../../main/contract';
import { formatDateTime, formatDuration } from '../../parts/usage';
import { Button } from '../../ui/Button';
import { openRun } from './openRun';
import { formatChars, RUN_STATUS_CHIP, RUN_STATUS_LABELS } from './toolRuns';

/** One row per tool run, newest first; the thread opens the answer that called the tool. */
export function ToolRunsTable({ rows }: { rows: McpLedgerRun[] }) {
  return (
    <div className="usage-table-wrap scroll">
      <table className="usage-table usage-tool-runs-table" data-testid="usage-tool-runs-rows">
        <thead>
          <tr>
            <th scope="col">Started</th>
            <th scope="col">Server</th>
            <th scope="col">Tool</th>
            <th scope="col">Thread</th>
            <th scope="col">Status</th>
            <th scope="col" className="is-num">
              Duration
            </th>
            <th scope="col" className="is-num">
              Result
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-testid="usage-tool-run">
              <td className="num usage-nowrap">{formatDateTime(r.startedAt)}</td>
              <td>
                <bdi className="mono">{r.serverName}</bdi>
              </td>
              <td>
                <bdi className="mono">{r.tool}</bdi>
              </td>
              <td className="usage-tool-run-thread">
                {r.threadId !== null && r.threadTitle !== null ? (
                  <Button
                    variant="bare"
                    className="usage-link usage-tool-run-link"
                    title={`${r.threadTitle}: ${r.messageId !== null ? 'open the answer that called this tool' : 'open this thread'}`}
                    onPress={() => void openRun(r)}
                  >
                    <bdi>{r.threadTitle}</bdi>
                  </Button>
                ) : (
                  <span className="field-hint">{r.threadId === null ? '—' : 'deleted thread'}</span>
                )}
              </td>
              <td>
                <span className={RUN_STATUS_CHIP[r.status]} title={r.error ?? undefined}>
                  {RUN_STATUS_LABELS[r.status]}
                </span>
              </td>
              <td className="is-num num">
                {r.status === 'denied' || r.status === 'canned' ? '—' : formatDuration(r.durationMs)}
              </td>
              <td className="is-num num">{r.resultChars !== null ? formatChars(r.resultChars) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
