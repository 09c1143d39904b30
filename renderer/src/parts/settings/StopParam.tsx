import { useId, useState } from 'react';
import { STOP_SEQUENCES } from '../../../../main/contract/chatParams';
import { ParamRow } from './ParamRow';
import { IconButton } from '../../ui/IconButton';
import './settings.css';

interface Props {
  value: string[];
  error?: string | undefined;
  onChange: (value: string[]) => void;
}

const MAX = STOP_SEQUENCES.max;

/** Typed escapes become the characters they name, so a stop sequence can be a blank line. */
const unescape = (text: string) => text.replace(/\\n/gu, '\n').replace(/\\t/gu, '\t');
const show = (text: string) => JSON.stringify(text).slice(1, -1);

/** Up to four stop sequences as chips: Enter adds, Backspace in the empty field removes the last. */
export function StopParam({ value, error, onChange }: Props) {
  const id = useId();
  const [input, setInput] = useState('');
  const add = () => {
    const seq = unescape(input);
    if (seq === '' || value.length >= MAX || value.includes(seq)) return;
    onChange([...value, seq]);
    setInput('');
  };
  return (
    <ParamRow
      name="stop"
      htmlFor={id}
      hint="Sequences where the model stops writing (\n for a new line)."
      error={error}
      isSet={value.length > 0}
      onClear={() => onChange([])}
    >
      <div className="stop-chips">
        {value.map((seq) => (
          <span key={seq} className="chip stop-chip mono">
            {show(seq)}
            <IconButton
              variant="bare"
              label={`Remove stop sequence ${show(seq)}`}
              tooltip={false}
              onPress={() => onChange(value.filter((s) => s !== seq))}
            >
              ×
            </IconButton>
          </span>
        ))}
        {value.length < MAX ? (
          <input
            id={id}
            className="stop-input mono"
            placeholder={value.length === 0 ? 'type, Enter adds' : 'add…'}
            value={input}
            onChange={(e) => setInput(e.target.value)}
            onBlur={add}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              } else if (e.key === 'Backspace' && input === '' && value.length > 0) {
                onChange(value.slice(0, -1));
              }
            }}
          />
        ) : null}
      </div>
    </ParamRow>
  );
}
