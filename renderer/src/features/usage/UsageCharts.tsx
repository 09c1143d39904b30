import { useMemo } from 'react';
import type { UsageStatus, UsageSummary } from '../../../../main/contract';
import { latencyOption, moneyOption, statusOption, tokensOption } from './chartOptions';
import type { DrillTarget } from '../../store/usage/filters';
import { formatInteger } from '../../parts/usage';
import type { TimeRange } from '../../store/usage/range';
import { dayKey } from '../../store/usage/range';
import {
  buildDailySeries,
  latencySeries,
  moneyMode,
  OTHER_MODELS,
  STATUS_LABELS,
  statusSeries,
} from './series';
import { UsageChart } from './UsageChart';
import { useChartTheme } from './useChartTheme';

interface Props {
  summary: UsageSummary;
  range: TimeRange;
  onDrill: (target: DrillTarget) => void;
  onStatus: (status: UsageStatus) => void;
  onModel: (model: string) => void;
}

const MONEY_TITLE = { cost: 'Cost', credits: 'Credits', both: 'Cost and credits', none: 'Cost' } as const;

/** The four charts. Series are built once per summary (main sends them pre-aggregated). */
export function UsageCharts({ summary, range, onDrill, onStatus, onModel }: Props) {
  const theme = useChartTheme();
  const daily = useMemo(
    () =>
      buildDailySeries(summary.daily, {
        fromDay: range.from > 0 ? dayKey(range.from) : null,
        toDay: dayKey(range.to - 1),
      }),
    [summary.daily, range.from, range.to],
  );
  const mode = moneyMode(summary.totals);
  const statuses = useMemo(() => statusSeries(summary.byStatus), [summary.byStatus]);
  const latency = useMemo(() => latencySeries(summary.latency), [summary.latency]);
  const tokens = useMemo(() => tokensOption(daily, theme), [daily, theme]);
  const money = useMemo(() => moneyOption(daily, mode, theme), [daily, mode, theme]);
  const status = useMemo(() => statusOption(statuses, theme), [statuses, theme]);
  const ttft = useMemo(() => latencyOption(latency, theme), [latency, theme]);
  const statusByLabel = new Map(statuses.map((s) => [STATUS_LABELS[s.status], s.status]));
  const per = daily.bucket === 7 ? 'per week' : 'per day';
  const moneyTitle = `${MONEY_TITLE[mode]} ${per}`;

  return (
    <div className="usage-charts">
      <figure className="usage-card usage-chart-card usage-chart-wide">
        <figcaption className="usage-card-title">
          Tokens {per} <span className="field-hint">· click a bar for its requests</span>
        </figcaption>
        <UsageChart
          option={tokens}
          testId="usage-chart-tokens"
          height={260}
          label={`Tokens ${per} by model, ${daily.days.length} bars, ${formatInteger(summary.totals.totalTokens)} tokens in total`}
          onClick={(c) =>
            onDrill({
              day: c.name,
              days: daily.bucket,
              model: c.seriesName === OTHER_MODELS ? null : c.seriesName,
            })
          }
        />
      </figure>
      <figure className="usage-card usage-chart-card">
        <figcaption className="usage-card-title">{moneyTitle}</figcaption>
        {mode === 'none' ? (
          <p className="usage-chart-empty">
            No cost or credits in this range. Add prices below, or use a provider that reports credits.
          </p>
        ) : (
          <UsageChart
            option={money}
            testId="usage-chart-money"
            height={220}
            label={moneyTitle}
            onClick={(c) => onDrill({ day: c.name, days: daily.bucket, model: null })}
          />
        )}
      </figure>
      <figure className="usage-card usage-chart-card">
        <figcaption className="usage-card-title">Requests by status</figcaption>
        <UsageChart
          option={status}
          testId="usage-chart-status"
          height={220}
          label={statuses.map((s) => `${STATUS_LABELS[s.status]}: ${s.requests}`).join(', ')}
          onClick={(c) => {
            const picked = statusByLabel.get(c.name);
            if (picked) onStatus(picked);
          }}
        />
      </figure>
      <figure className="usage-card usage-chart-card usage-chart-wide">
        <figcaption className="usage-card-title">Time to first token per model (p50 / p95)</figcaption>
        {latency.models.length === 0 ? (
          <p className="usage-chart-empty">No timed answers in this range.</p>
        ) : (
          <UsageChart
            option={ttft}
            testId="usage-chart-latency"
            height={Math.max(120, 48 + latency.models.length * 30)}
            label={`Time to first token for ${latency.models.length} models`}
            onClick={(c) => onModel(c.name)}
          />
        )}
      </figure>
    </div>
  );
}
