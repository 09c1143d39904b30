import { STEP_MIX } from './probability';
import './logprobs.css';

const LABELS = ['≥ 90%', '70–90%', '45–70%', '20–45%', '< 20%'];

/** The colour key: five steps from sure (no tint) to unsure. */
export function TokenLegend() {
  return (
    <span className="tokens-legend" aria-label="Colour key">
      {STEP_MIX.map((mix, i) => (
        <span key={mix} className="tokens-legend-step">
          <span
            className="tokens-swatch"
            style={{
              backgroundColor:
                mix === 0 ? 'transparent' : `color-mix(in oklab, var(--logprob-doubt) ${mix}%, transparent)`,
            }}
          />
          <span className="num">{LABELS[i]}</span>
        </span>
      ))}
    </span>
  );
}
