import { X } from 'lucide-react';
import { Fragment } from 'react';
import type { ReactNode } from 'react';
import { IconButton } from '../../ui/IconButton';
import './settings.css';

interface Props {
  name: string;
  htmlFor?: string;
  hint: string;
  error?: string | undefined;
  /** The error paragraph's id, so the control can name it in aria-describedby. */
  errorId?: string;
  isSet: boolean;
  onClear: () => void;
  /** Wide controls (lists, JSON) go under the name instead of beside it. */
  stacked?: boolean;
  children: ReactNode;
}

/**
 * A parameter name that may wrap after `_` or `.` (frequency_ / penalty) rather than be cut short
 * with an ellipsis: the name is what the user types into the API, so all of it must show.
 */
function BreakableName({ name }: { name: string }) {
  const parts = name.split(/(?<=[_.])/u);
  return parts.map((part, i) => (
    <Fragment key={i}>
      {part}
      {i < parts.length - 1 ? <wbr /> : null}
    </Fragment>
  ));
}

/** One parameter: its API name, the control, a clear button when set (unset = not sent), its error. */
export function ParamRow({
  name,
  htmlFor,
  hint,
  error,
  errorId,
  isSet,
  onClear,
  stacked = false,
  children,
}: Props) {
  return (
    <div
      className={`param${isSet ? ' is-set' : ''}${error ? ' has-error' : ''}${stacked ? ' is-stacked' : ''}`}
    >
      <div className="param-line">
        <label className="param-name mono" htmlFor={htmlFor} title={`${name}: ${hint}`}>
          <BreakableName name={name} />
        </label>
        <div className="param-control">{children}</div>
        <IconButton
          variant="bare"
          className="param-clear"
          label={`Unset ${name} (not sent)`}
          tooltip="Unset: not sent"
          isDisabled={!isSet}
          onPress={onClear}
        >
          <X size={14} />
        </IconButton>
      </div>
      {error ? (
        <p id={errorId} className="field-error param-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
