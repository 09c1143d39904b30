import { useEffect, useRef, useState } from 'react';

interface Props {
  initial: string;
  label: string;
  onDone: (title: string | null) => void;
  className?: string;
}

/**
 * Inline title editor: Enter or leaving the field saves, Esc cancels (null). It may sit inside a
 * list row (a thread's rename): plain keys and presses stay in the field, so the row's arrow
 * keys, typeahead and press-to-open do not act on what is being typed; shortcuts with a modifier
 * still reach the app.
 */
export function TitleInput({ initial, label, onDone, className }: Props) {
  const [value, setValue] = useState(initial);
  const ref = useRef<HTMLInputElement>(null);
  const done = useRef(false);

  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);

  const finish = (title: string | null) => {
    if (done.current) return;
    done.current = true;
    onDone(title);
  };

  return (
    <input
      ref={ref}
      className={`input ${className ?? ''}`}
      aria-label={label}
      value={value}
      maxLength={200}
      onChange={(e) => setValue(e.target.value)}
      onBlur={() => finish(value)}
      onPointerDown={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        if (!e.ctrlKey && !e.metaKey && !e.altKey) e.stopPropagation();
        if (e.key === 'Enter') {
          e.preventDefault();
          finish(value);
        } else if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          finish(null);
        }
      }}
    />
  );
}
