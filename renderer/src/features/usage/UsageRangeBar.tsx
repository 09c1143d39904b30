import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store';
import type { RangePreset } from '../../store/usage/range';
import { customRangeError, RANGE_LABELS } from '../../store/usage/range';

const PRESETS: RangePreset[] = ['today', '7d', '30d', 'all', 'custom'];

/** Today / 7 / 30 days / all time / custom dates. */
export function UsageRangeBar() {
  const preset = useStore((s) => s.usagePreset);
  const custom = useStore(useShallow((s) => s.usageCustom));
  const setUsageRange = useStore((s) => s.setUsageRange);
  const error = preset === 'custom' ? customRangeError(custom) : null;
  return (
    <div className="usage-range">
      <div className="segmented" role="group" aria-label="Date range">
        {PRESETS.map((p) => (
          <button
            key={p}
            type="button"
            className={p === preset ? 'segment is-on' : 'segment'}
            aria-pressed={p === preset}
            onClick={() => setUsageRange(p)}
          >
            {RANGE_LABELS[p]}
          </button>
        ))}
      </div>
      {preset === 'custom' ? (
        <div className="usage-custom-range">
          <label className="visually-hidden" htmlFor="usage-from">
            From
          </label>
          <input
            id="usage-from"
            type="date"
            className="input num"
            value={custom.from}
            max={custom.to}
            onChange={(e) => setUsageRange('custom', { ...custom, from: e.target.value })}
          />
          <span aria-hidden="true">–</span>
          <label className="visually-hidden" htmlFor="usage-to">
            To
          </label>
          <input
            id="usage-to"
            type="date"
            className="input num"
            value={custom.to}
            min={custom.from}
            onChange={(e) => setUsageRange('custom', { ...custom, to: e.target.value })}
          />
          {error ? (
            <span className="field-error" role="alert">
              {error}
            </span>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
