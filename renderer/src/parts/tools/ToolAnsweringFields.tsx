import { useId } from 'react';
import type { ThreadSettings } from '../../../../main/contract/threads';
import { RoundsField } from './RoundsField';

interface ToolAnsweringFieldsProps {
  mode: ThreadSettings['toolMode'];
  maxRounds: number;
  /** Attached tools with no canned result: canned mode cannot answer them. */
  withoutCanned: readonly string[];
  onMode(mode: ThreadSettings['toolMode']): void;
  onMaxRounds(rounds: number): void;
}

/** Who answers the model's calls: the user each time, or the canned results hands-free up to a cap. */
export function ToolAnsweringFields({
  mode,
  maxRounds,
  withoutCanned,
  onMode,
  onMaxRounds,
}: ToolAnsweringFieldsProps) {
  const ids = useId();

  return (
    <fieldset className="ttools-mode">
      <legend className="section-title">Answering tool calls</legend>
      <label className="ttools-radio">
        <input
          type="radio"
          name={`${ids}-mode`}
          checked={mode === 'manual'}
          onChange={() => onMode('manual')}
        />
        <span>
          I answer each call
          <span className="field-hint"> — type a result, use the canned one, or send an error</span>
        </span>
      </label>
      <label className="ttools-radio">
        <input
          type="radio"
          name={`${ids}-mode`}
          checked={mode === 'canned'}
          onChange={() => onMode('canned')}
        />
        <span>
          Answer with canned results
          <span className="field-hint"> — hands-free, until the cap</span>
        </span>
      </label>
      {mode === 'canned' ? (
        <RoundsField
          className="ttools-rounds"
          maxRounds={maxRounds}
          onMaxRounds={onMaxRounds}
          hint="After this many rounds the calls wait for you."
        >
          {withoutCanned.length > 0 ? (
            <span className="ttools-warn">
              No canned result: {withoutCanned.join(', ')}. A round that calls these waits for your answers.
            </span>
          ) : null}
        </RoundsField>
      ) : null}
    </fieldset>
  );
}
