import type { Capabilities } from '../../../../main/contract';
import type { CapabilityKey } from './capabilities';
import { CAPABILITY_LABELS } from './capabilities';
import { CapabilityIcon } from './CapabilityIcon';
import { IconButton } from '../../ui/IconButton';
import './models.css';

interface Props {
  capability: CapabilityKey;
  capabilities: Capabilities;
  overridden: boolean;
  disabled: boolean;
  onToggle: () => void;
}

/** One capability flag as a pressed/unpressed button; a dot marks a value the user set. */
export function CapabilityToggle(props: Props) {
  const on = props.capabilities[props.capability];
  const label = CAPABILITY_LABELS[props.capability];
  const state = `${on ? 'on' : 'off'}${props.overridden ? ', set by you' : ''}`;
  return (
    <IconButton
      variant="bare"
      className={`models-cap-toggle${on ? ' is-on' : ''}${props.overridden ? ' is-overridden' : ''}`}
      aria-pressed={on}
      label={`${label}: ${state}`}
      tooltip={`${label}: ${state}. Click to ${props.overridden ? 'restore the default' : on ? 'turn off' : 'turn on'}.`}
      isDisabled={props.disabled}
      onPress={props.onToggle}
    >
      <CapabilityIcon capability={props.capability} />
    </IconButton>
  );
}
