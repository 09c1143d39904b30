import type { ModelInfo } from '../../../../main/contract';
import type { CapabilityKey } from './capabilities';
import { CAPABILITY_ORDER, formatContextLength } from './capabilities';
import { CapabilityToggle } from './CapabilityToggle';
import { VisibleName, visibleText } from '../../platform/visibleName';
import './models.css';

interface Props {
  model: ModelInfo;
  busy: boolean;
  onToggle: (key: CapabilityKey) => void;
  onReset: () => void;
}

/** A model in the provider's list: its flags are buttons the user can override. */
export function ModelRow({ model, busy, onToggle, onReset }: Props) {
  return (
    <li className={model.allowed ? 'models-row' : 'models-row is-hidden'} aria-label={visibleText(model.id)}>
      <div className="models-row-main">
        <VisibleName className="mono models-row-id" name={model.id} />
        {model.confidential ? <span className="chip chip-confidential">confidential</span> : null}
        {model.contextLength !== null ? (
          <span className="chip num">{formatContextLength(model.contextLength)}</span>
        ) : null}
        {!model.allowed ? (
          <span className="chip chip-warn">{model.hiddenReason ?? 'not allowed by your token'}</span>
        ) : null}
      </div>
      <div className="models-row-caps" role="group" aria-label={`Capabilities of ${visibleText(model.id)}`}>
        {CAPABILITY_ORDER.map((key) => (
          <CapabilityToggle
            key={key}
            capability={key}
            capabilities={model.capabilities}
            overridden={model.overridden.includes(key)}
            disabled={busy}
            onToggle={() => onToggle(key)}
          />
        ))}
        {model.overridden.length > 0 ? (
          <button type="button" className="btn btn-ghost models-reset" disabled={busy} onClick={onReset}>
            Reset
          </button>
        ) : null}
      </div>
    </li>
  );
}
