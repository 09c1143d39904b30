import { useEffect, useId, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store';
import { errorLine } from '../../platform/describeError';
import { AlertDialog } from '../../ui';
import { formatDay } from '../../parts/usage';
import { dayKey } from '../../store/usage/range';
import type { PriceText } from '../../store/usage/prices';
import { blankPrice, parsePrice, priceToText, sortPrices } from '../../store/usage/prices';
import { PriceRowEditor } from './PriceRowEditor';
import './usageTables.css';

/** The user's price table: cost is computed from the price valid at each request's time. */
export function PricesEditor() {
  const prices = useStore(useShallow((s) => s.prices));
  const providers = useStore(useShallow((s) => s.providers));
  const knownModels = useStore(useShallow((s) => s.usageKnownModels));
  const loadPrices = useStore((s) => s.loadPrices);
  const savePrice = useStore((s) => s.savePrice);
  const deletePrice = useStore((s) => s.deletePrice);
  const toast = useStore((s) => s.toast);
  const [adding, setAdding] = useState<PriceText | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const listId = useId();

  useEffect(() => {
    void loadPrices();
  }, [loadPrices]);

  const sorted = useMemo(() => sortPrices(prices), [prices]);
  const providerOptions = providers.map((p) => ({ id: p.id, name: p.name }));
  const doomed = prices.find((p) => p.id === deleting);

  const save = async (text: PriceText): Promise<string | null> => {
    const parsed = parsePrice(text);
    if (!parsed.ok) return Object.values(parsed.errors)[0] ?? 'Check the row.';
    const result = await savePrice(parsed.value);
    if (!result.ok) return errorLine(result.error);
    if (text.id === undefined) setAdding(null);
    return null;
  };

  return (
    <section className="usage-card" aria-labelledby="usage-prices-title">
      <header className="usage-card-header">
        <h2 id="usage-prices-title" className="usage-card-title">
          Prices <span className="field-hint">· per 1M tokens, for providers that don’t report credits</span>
        </h2>
        <button
          type="button"
          className="btn"
          disabled={adding !== null}
          onClick={() => setAdding(blankPrice(Date.now()))}
        >
          + Add price
        </button>
      </header>
      <datalist id={listId}>
        {knownModels.map((m) => (
          <option key={m} value={m} />
        ))}
      </datalist>
      {sorted.length === 0 && adding === null ? (
        <p className="field-hint">
          No prices yet. Add one per model to see costs; a new row with a later date records a price change
          without rewriting the past.
        </p>
      ) : (
        <div className="usage-table-wrap scroll">
          <table className="usage-table usage-prices">
            <thead>
              <tr>
                <th scope="col">Provider</th>
                <th scope="col">Model</th>
                <th scope="col">Input / 1M</th>
                <th scope="col">Output / 1M</th>
                <th scope="col">Currency</th>
                <th scope="col">Valid from</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {adding ? (
                <PriceRowEditor
                  key="new"
                  initial={adding}
                  isNew
                  providers={providerOptions}
                  modelsListId={listId}
                  onSave={save}
                  onCancel={() => setAdding(null)}
                />
              ) : null}
              {sorted.map((p) => (
                <PriceRowEditor
                  key={JSON.stringify(p)}
                  initial={priceToText(p)}
                  isNew={false}
                  providers={providerOptions}
                  modelsListId={listId}
                  onSave={save}
                  onDelete={() => setDeleting(p.id)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {doomed ? (
        <AlertDialog
          title="Delete this price?"
          confirmLabel="Delete price"
          danger
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            setDeleting(null);
            void deletePrice(doomed.id).then((r) => {
              if (!r.ok) toast('error', errorLine(r.error));
            });
          }}
        >
          <p>
            {doomed.model}, valid from {formatDay(dayKey(doomed.validFrom))}. Other prices for this model stay
            as they are.
          </p>
        </AlertDialog>
      ) : null}
    </section>
  );
}
