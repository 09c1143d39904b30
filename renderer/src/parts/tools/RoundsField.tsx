import type { ReactNode } from 'react';
import { useId, useState } from 'react';
import { clampRounds } from './threadTools';

interface Props {
  maxRounds: number;
  onMaxRounds(rounds: number): void;
  hint: string;
  /** Shown under the hint (a warning about what the cap cannot answer). */
  children?: ReactNode;
  className?: string;
}

/**
 * The thread's round cap, one field for both places that set it (canned answering and server
 * tools): typed freely, clamped to 1–20 and saved on blur or Enter, and following a value saved
 * elsewhere (the other field, another window).
 */
export function RoundsField({ maxRounds, onMaxRounds, hint, children, className }: Props) {
  const id = useId();
  const [rounds, setRounds] = useState(String(maxRounds));
  const [saved, setSaved] = useState(maxRounds);
  if (saved !== maxRounds) {
    setSaved(maxRounds);
    setRounds(String(maxRounds));
  }
  const commit = () => {
    const value = clampRounds(Number(rounds));
    setRounds(String(value));
    if (value !== maxRounds) onMaxRounds(value);
  };
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>Max tool rounds</label>
      <input
        id={id}
        className="input num"
        type="number"
        min={1}
        max={20}
        value={rounds}
        onChange={(e) => setRounds(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
      <span className="field-hint">{hint}</span>
      {children}
    </div>
  );
}
