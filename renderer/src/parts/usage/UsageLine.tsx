import type { Message } from '../../../../main/contract';
import { formatCost, formatCredits, formatDuration, formatInteger, formatRate } from '../../platform/format';
import { usageLineFigures } from './usageLine';
import './usageInline.css';

/** The small line under an answer: tokens in → out, time to first token, speed, and what it cost. */
export function UsageLine({ message }: { message: Message }) {
  if (message.role !== 'assistant' || message.status === 'streaming') return null;
  const f = usageLineFigures(message);
  const parts: { key: string; text: string; title: string }[] = [];
  if (f.promptTokens !== null && f.completionTokens !== null) {
    const shared = f.sharedBy !== null ? ` shared by ${f.sharedBy} answers` : '';
    parts.push({
      key: 'tokens',
      text: `${formatInteger(f.promptTokens)} → ${formatInteger(f.completionTokens)} tok${f.sharedBy !== null ? ' (shared)' : ''}`,
      title: `${formatInteger(f.promptTokens)} prompt tokens, ${formatInteger(f.completionTokens)} completion tokens${shared}`,
    });
  }
  if (f.cachedTokens)
    parts.push({
      key: 'cached',
      text: `${formatInteger(f.cachedTokens)} cached`,
      title: 'Prompt tokens the provider served from its cache',
    });
  if (f.reasoningTokens)
    parts.push({
      key: 'reasoning',
      text: `${formatInteger(f.reasoningTokens)} reasoning`,
      title: 'Completion tokens spent on reasoning',
    });
  if (f.ttftMs !== null)
    parts.push({ key: 'ttft', text: `TTFT ${formatDuration(f.ttftMs)}`, title: 'Time to first token' });
  if (f.tokensPerSecond !== null)
    parts.push({ key: 'rate', text: formatRate(f.tokensPerSecond), title: 'Generation speed' });
  if (f.credits !== null)
    parts.push({
      key: 'credits',
      text: formatCredits(f.credits),
      title: 'Credits consumed, as reported by the provider',
    });
  else if (f.cost !== null)
    parts.push({
      key: 'cost',
      text: formatCost(f.cost),
      title: f.costReported
        ? 'Cost reported by the provider'
        : f.fromCatalogue
          ? 'Cost at the list price of the bundled catalogue (no price of yours for this model)'
          : 'Cost from your price table',
    });
  if (parts.length === 0) return null;
  return (
    <div className="usage-line num" data-testid="usage-line">
      {parts.map((p, i) => (
        <span key={p.key} title={p.title}>
          {i > 0 ? (
            <span aria-hidden="true" className="usage-line-sep">
              ·
            </span>
          ) : null}
          {p.text}
        </span>
      ))}
      {f.estimated ? (
        <span
          className="chip usage-line-estimated"
          title="The provider did not report usage; tokens were counted locally"
        >
          estimated
        </span>
      ) : null}
    </div>
  );
}
