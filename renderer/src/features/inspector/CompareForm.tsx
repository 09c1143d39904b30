import { useId, useState } from 'react';
import type { Message } from '../../../../main/contract/chat';
import { useStore } from '../../store';
import { ModelPickerButton } from '../../parts/models';
import type { CompareParam } from '../../store/inspector/compare';
import { COMPARE_PARAMS, describeChange, parseCompareValue, sentValue } from '../../store/inspector/compare';
import { failureLine } from '../../platform/describeError';
import { Select } from '../../ui';

type Change = 'param' | 'model';

/** Choose the one thing to change: a parameter's value, or the model. */
export function CompareForm({
  threadId,
  message,
  onStarted,
}: {
  threadId: string;
  message: Message;
  onStarted(): void;
}) {
  const ids = useId();
  const runCompare = useStore((s) => s.runCompare);
  const selectMessage = useStore((s) => s.selectMessage);
  const [change, setChange] = useState<Change>('param');
  const [key, setKey] = useState<CompareParam['key']>('temperature');
  const [text, setText] = useState('');
  const [target, setTarget] = useState<{ providerId: string; model: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const sent = sentValue(message.meta?.requestBody, key);
  const parsed = parseCompareValue(key, text);
  const ready = change === 'param' ? parsed.ok : target !== null;
  const streaming = message.status === 'streaming';

  const run = async () => {
    if (!ready || busy) return;
    setBusy(true);
    setError(null);
    // Pin the original so this tab keeps showing it beside its re-runs.
    selectMessage(message.id);
    const request =
      change === 'param' && parsed.ok
        ? { params: { [key]: parsed.value }, label: describeChange({ param: { key, value: parsed.value } }) }
        : {
            params: {},
            providerId: target?.providerId,
            model: target?.model,
            label: describeChange({ model: target?.model }),
          };
    const failure = await runCompare({ threadId, messageId: message.id, ...request });
    setBusy(false);
    if (failure) setError(failureLine(failure));
    else onStarted();
  };

  return (
    <form
      className="inspector-compare-form"
      aria-label="Compare"
      onSubmit={(e) => {
        e.preventDefault();
        void run();
      }}
    >
      <div className="inspector-compare-kinds" role="radiogroup" aria-label="What to change">
        <label className="inspector-radio">
          <input
            type="radio"
            name={`${ids}-change`}
            checked={change === 'param'}
            onChange={() => setChange('param')}
          />
          One parameter
        </label>
        <label className="inspector-radio">
          <input
            type="radio"
            name={`${ids}-change`}
            checked={change === 'model'}
            onChange={() => setChange('model')}
          />
          Another model
        </label>
      </div>
      {change === 'param' ? (
        <div className="inspector-compare-param">
          <Select<CompareParam['key']>
            label="Parameter"
            mono
            options={COMPARE_PARAMS.map((p) => ({ id: p.key, label: p.label }))}
            value={key}
            onChange={setKey}
          />
          <div className="field">
            <label htmlFor={`${ids}-value`}>New value</label>
            <input
              id={`${ids}-value`}
              className="input num"
              inputMode="decimal"
              value={text}
              placeholder={COMPARE_PARAMS.find((p) => p.key === key)?.hint}
              aria-invalid={text !== '' && !parsed.ok}
              onChange={(e) => setText(e.target.value)}
            />
          </div>
          <span className="field-hint inspector-compare-sent">
            Sent:{' '}
            <span className="mono">
              {sent === null ? 'not sent (provider default)' : JSON.stringify(sent)}
            </span>
          </span>
          {text !== '' && !parsed.ok ? <span className="field-error">{parsed.message}</span> : null}
        </div>
      ) : (
        <div className="field">
          <span className="label">Model</span>
          <ModelPickerButton
            providerId={target?.providerId ?? message.providerId}
            model={target?.model ?? null}
            onChange={(providerId, model) => setTarget({ providerId, model })}
          />
        </div>
      )}
      <button type="submit" className="btn btn-primary" disabled={!ready || busy || streaming}>
        {busy ? 'Starting…' : 'Run comparison'}
      </button>
      {streaming ? <span className="field-hint">Wait for this answer to finish first.</span> : null}
      {error ? (
        <div className="banner banner-error" role="alert">
          {error}
        </div>
      ) : null}
    </form>
  );
}
