import { useState } from 'react';
import { failureLine } from '../../platform/describeError';
import { useStore } from '../../store';
import { Button, Select, TextField } from '../../ui';
import './budgets.css';

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

const NO_CONVERSION = 'none';

/**
 * The user's exchange rates: nothing is converted without one. Totals may also be shown in one
 * chosen currency, always marked converted; budgets count another currency only through these.
 */
export function RatesSection() {
  const rates = useStore((s) => s.exchangeRates);
  const settings = useStore((s) => s.costSettings);
  const saveExchangeRate = useStore((s) => s.saveExchangeRate);
  const deleteExchangeRate = useStore((s) => s.deleteExchangeRate);
  const saveCostSettings = useStore((s) => s.saveCostSettings);
  const [from, setFrom] = useState('EUR');
  const [to, setTo] = useState('USD');
  const [rate, setRate] = useState('');
  const [asOf, setAsOf] = useState(today);
  const [error, setError] = useState<string | null>(null);

  const currencies = [...new Set(['USD', 'EUR', 'GBP', ...rates.flatMap((r) => [r.from, r.to])])].sort();
  const add = async () => {
    const value = Number(rate.replace(',', '.'));
    if (rate.trim() === '' || !Number.isFinite(value)) {
      setError('Type the rate as a number, e.g. 1.08 (1 EUR = 1.08 USD).');
      return;
    }
    const result = await saveExchangeRate({ from: from.trim(), to: to.trim(), rate: value, asOf });
    if (result.ok) {
      setRate('');
      setError(null);
    } else setError(failureLine(result.error));
  };

  return (
    <section className="budget-subsection" aria-labelledby="rates-title">
      <h3 id="rates-title" className="budget-subtitle">
        Exchange rates
      </h3>
      <p className="field-hint">
        Totals stay one figure per currency. With a rate, a budget also counts spend in the other currency,
        and totals can be shown converted too (marked so, with the rate).
      </p>
      {rates.length > 0 ? (
        <ul className="rate-list" aria-label="Your exchange rates">
          {rates.map((r) => (
            <li key={r.id} className="rate-row num">
              <span>
                1 {r.from} = {r.rate.toLocaleString(undefined, { maximumSignificantDigits: 8 })} {r.to}
              </span>
              <span className="field-hint">as of {r.asOf}</span>
              <Button
                size="sm"
                variant="quiet"
                aria-label={`Delete the ${r.from} to ${r.to} rate of ${r.asOf}`}
                onPress={() => void deleteExchangeRate(r.id)}
              >
                Delete
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <form
        className="rate-form"
        aria-label="Add an exchange rate"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <TextField label="1 of" value={from} onChange={(v) => setFrom(v.toUpperCase())} maxLength={3} />
        <TextField label="equals" value={rate} onChange={setRate} inputMode="decimal" placeholder="1.08" />
        <TextField label="of" value={to} onChange={(v) => setTo(v.toUpperCase())} maxLength={3} />
        <TextField label="As of" value={asOf} onChange={setAsOf} placeholder="YYYY-MM-DD" maxLength={10} />
        <Button type="submit" size="sm">
          Add rate
        </Button>
      </form>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <Select<string>
        label="Also show totals converted to"
        size="sm"
        className="rate-convert"
        value={settings?.convertTo ?? NO_CONVERSION}
        options={[
          { id: NO_CONVERSION, label: 'No conversion' },
          ...currencies.map((c) => ({ id: c, label: c })),
        ]}
        onChange={(id) => void saveCostSettings({ convertTo: id === NO_CONVERSION ? null : id })}
        hint="Only through your rates; a currency with no rate is left out and named."
      />
    </section>
  );
}
