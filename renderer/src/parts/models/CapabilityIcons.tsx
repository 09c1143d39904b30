import type { Capabilities } from '../../../../main/contract';
import { CAPABILITY_LABELS, CAPABILITY_ORDER, capabilitySummary } from './capabilities';
import { CapabilityIcon } from './CapabilityIcon';
import './models.css';

/** Read-only row of the capabilities a model has (absent ones are not drawn). */
export function CapabilityIcons({ capabilities }: { capabilities: Capabilities }) {
  const present = CAPABILITY_ORDER.filter((k) => capabilities[k]);
  if (present.length === 0) return null;
  return (
    <span
      className="models-caps"
      role="img"
      aria-label={capabilitySummary(capabilities)}
      title={capabilitySummary(capabilities)}
    >
      {present.map((k) => (
        <span key={k} className="models-cap" data-capability={k} title={CAPABILITY_LABELS[k]}>
          <CapabilityIcon capability={k} />
        </span>
      ))}
    </span>
  );
}
