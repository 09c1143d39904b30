import type { Preset } from '../../../../main/contract';
import { AUTH_KIND_LABELS } from './credential';
import './presets.css';

interface Props {
  presets: Preset[];
  onPick: (preset: Preset) => void;
  autoFocus?: boolean;
}

/** The obvious first step: one large button per preset, each saying what it needs. */
export function PresetChooser({ presets, onPick, autoFocus = false }: Props) {
  return (
    <ul className="providers-presets" aria-label="Provider presets">
      {presets.map((preset, index) => (
        <li key={preset.id}>
          <button
            type="button"
            className="providers-preset"
            autoFocus={autoFocus && index === 0}
            onClick={() => onPick(preset)}
            aria-describedby={`preset-${preset.id}-desc`}
          >
            <span className="providers-preset-name">{preset.name}</span>
            <span className="providers-preset-auth">
              {preset.authKinds.map((k) => AUTH_KIND_LABELS[k]).join(' · ')}
            </span>
            <span id={`preset-${preset.id}-desc`} className="providers-preset-desc">
              {preset.description}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
