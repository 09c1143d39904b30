import { useState } from 'react';
import { failureLine } from '../../platform/describeError';
import { useStore } from '../../store';
import { Button, TextField } from '../../ui';
import './budgets.css';

/**
 * The bundled price catalogue prices well-known models when neither the provider nor the user
 * gave a price: its date, its age, and a warning past the user's limit with how to override it.
 */
export function CatalogueSection() {
  const catalogue = useStore((s) => s.catalogue);
  const saveCostSettings = useStore((s) => s.saveCostSettings);
  const [days, setDays] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (catalogue === null) return null;
  const save = async () => {
    const n = Number(days);
    if (!Number.isInteger(n) || n < 1) {
      setError('Type a whole number of days, 1 or more.');
      return;
    }
    const result = await saveCostSettings({ staleAfterDays: n });
    if (result.ok) {
      setDays(null);
      setError(null);
    } else setError(failureLine(result.error));
  };
  return (
    <section className="budget-subsection" aria-labelledby="catalogue-title" data-testid="catalogue-age">
      <h3 id="catalogue-title" className="budget-subtitle">
        Price catalogue
      </h3>
      <p
        className={catalogue.stale ? 'catalogue-stale' : 'field-hint'}
        role={catalogue.stale ? 'note' : undefined}
      >
        Costs the provider does not report, for models you have no price for, come from the bundled catalogue
        of {catalogue.asOf} ({catalogue.ageDays} days old, {catalogue.models} models).
        {catalogue.stale
          ? ` It is older than ${catalogue.staleAfterDays} days: prices may have changed. Add your own price for the model under Prices on this screen; yours always wins.`
          : ' Your own prices under Prices always win.'}
      </p>
      <form
        className="rate-form"
        aria-label="Catalogue age limit"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <TextField
          label="Warn when older than (days)"
          className="catalogue-days"
          value={days ?? String(catalogue.staleAfterDays)}
          onChange={setDays}
          inputMode="numeric"
          error={error}
        />
        {days !== null ? (
          <Button type="submit" size="sm">
            Save
          </Button>
        ) : null}
      </form>
    </section>
  );
}
