import type { BalanceStretch, Reconciliation } from '../../../../main/contract';
import { useStore } from '../../store';
import { formatAmount } from '../../store/budgets/format';
import { Button } from '../../ui';
import './budgets.css';

const credits = (n: number) => formatAmount(n, 'credits');
const when = (at: number) =>
  new Date(at).toLocaleString(undefined, {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });

/** One stretch between two readings where the balance fell by more than the app recorded. */
function Stretch({ stretch }: { stretch: BalanceStretch }) {
  const openThread = useStore((s) => s.openThread);
  const setScreen = useStore((s) => s.setScreen);
  return (
    <li className="balance-stretch">
      <p className="balance-stretch-head num">
        {when(stretch.from.at)} → {when(stretch.to.at)}: the balance fell {credits(stretch.balanceDrop)}, the
        app recorded {credits(stretch.recorded)}{' '}
        <strong className={stretch.kind === 'gap' ? 'balance-gap' : undefined}>
          {stretch.kind === 'gap'
            ? `${credits(stretch.gap)} more charged`
            : `${credits(-stretch.gap)} less charged than recorded`}
        </strong>
      </p>
      {stretch.kind === 'gap' && stretch.requests.length === 0 ? (
        <p className="field-hint">
          Unexplained: no request in this stretch went without a recorded charge. Another app using the same
          key, or a charge the provider made on its own?
        </p>
      ) : null}
      {stretch.requests.length > 0 ? (
        <>
          <p className="field-hint">
            {stretch.requests.length === 1 ? 'A request' : `${stretch.requests.length} requests`} in this
            stretch recorded no charge and may explain it:
          </p>
          <ul className="balance-requests">
            {stretch.requests.map((r) => (
              <li key={r.id} className="num">
                {when(r.at)} · {r.model} · {r.status} · {r.totalTokens.toLocaleString()} tokens
                {r.threadId !== null ? (
                  <Button
                    size="sm"
                    variant="quiet"
                    aria-label={`Open the message of the ${r.status} request at ${when(r.at)}`}
                    onPress={() => {
                      setScreen('chat');
                      void openThread(r.threadId as string, r.messageId ?? undefined);
                    }}
                  >
                    Open
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </li>
  );
}

function Provider({ r }: { r: Reconciliation }) {
  const matched = r.stretches.length === 0;
  return (
    <li className="balance-provider">
      <p className="balance-provider-head">
        <span className="budget-name">{r.providerName || 'Provider'}</span>{' '}
        <span className="field-hint num">
          {r.readings} balance readings; fell {credits(r.balanceDrop)}, recorded {credits(r.recorded)}
        </span>{' '}
        <span className={`chip${matched ? '' : ' chip-warn'}`}>
          {matched
            ? 'matches the ledger'
            : r.gap > 0
              ? `${credits(r.gap)} charged beyond the ledger`
              : `${credits(-r.gap)} fewer charged than recorded`}
        </span>
      </p>
      {r.stretches.length > 0 ? (
        <ul className="balance-stretches">
          {r.stretches.map((s) => (
            <Stretch key={`${s.from.usageId}-${s.to.usageId}`} stretch={s} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/**
 * The provider's own balance against the ledger over the last 30 days: between each two readings
 * the balance should fall by what the app recorded. Top-ups are left out.
 */
export function BalanceCheck() {
  const reconciliations = useStore((s) => s.reconciliations).filter((r) => r.readings >= 2);
  if (reconciliations.length === 0) return null;
  return (
    <section className="budget-subsection" aria-labelledby="balance-check-title" data-testid="balance-check">
      <h3 id="balance-check-title" className="budget-subtitle">
        Balance check (last 30 days)
      </h3>
      <ul className="balance-list">
        {reconciliations.map((r) => (
          <Provider key={r.providerId ?? ''} r={r} />
        ))}
      </ul>
    </section>
  );
}
