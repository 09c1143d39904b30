import { useEffect, useState } from 'react';
import type { UsageSummary } from '../../../../main/contract';
import { useStore } from '../../store';
import { formatAgo } from '../../platform/time';
import { useClock } from '../../platform/clock';
import { formatCredits } from '../../parts/usage';
import { lowBalances } from './series';
import { failureLine } from '../../platform/describeError';

/** Remaining credits per provider (where the provider reports them) and the low-balance threshold. */
export function BalancesPanel({ balances }: { balances: UsageSummary['balances'] }) {
  const threshold = useStore((s) => s.lowBalanceCredits);
  const saveLowBalance = useStore((s) => s.saveLowBalance);
  const loadUsageSettings = useStore((s) => s.loadUsageSettings);
  const [edited, setText] = useState<string | null>(null);
  const text = edited ?? (threshold === null ? '' : String(threshold));
  const [error, setError] = useState<string | null>(null);
  const now = useClock(60_000);

  useEffect(() => {
    if (threshold === null) void loadUsageSettings();
  }, [threshold, loadUsageSettings]);

  if (balances.length === 0) return null;
  const low = new Set(lowBalances(balances, threshold ?? 0).map((b) => b.providerId));
  const save = async () => {
    const value = Number(text);
    if (text.trim() === '' || !Number.isFinite(value) || value < 0) {
      setError('Enter a number of credits, 0 or more.');
      return;
    }
    setError(null);
    const result = await saveLowBalance(value);
    if (result.ok) setText(null);
    else setError(failureLine(result.error));
  };

  return (
    <section className="usage-card usage-balances" aria-labelledby="usage-balances-title">
      <h2 id="usage-balances-title" className="usage-card-title">
        Remaining credits
      </h2>
      <ul className="usage-balance-list">
        {balances.map((b) => {
          const isLow = threshold !== null && low.has(b.providerId);
          return (
            <li key={b.providerId ?? b.providerName} className="usage-balance">
              <span className="usage-balance-name">{b.providerName}</span>
              <span className={`num usage-balance-value${isLow ? ' is-low' : ''}`}>
                {formatCredits(b.creditsRemaining)}
              </span>
              <span className="field-hint">as of {formatAgo(b.at, now)}</span>
              {isLow ? <span className="chip chip-warn">low balance</span> : null}
            </li>
          );
        })}
      </ul>
      <form
        className="usage-threshold"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label htmlFor="usage-threshold">Warn at or below</label>
        <input
          id="usage-threshold"
          className="input num"
          inputMode="decimal"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <span className="field-hint" title="Until you set one: a tenth of the first balance seen">
          credits
        </span>
        <button type="submit" className="btn" disabled={text === String(threshold)}>
          Save
        </button>
        {error ? (
          <span className="field-error" role="alert">
            {error}
          </span>
        ) : null}
      </form>
    </section>
  );
}
