import { keyLabel } from '../platform/keyboard';

/** One key combination as keycaps: ["Mod", "K"] → Ctrl K. */
export function Keys({ combo }: { combo: readonly string[] }) {
  return (
    <span className="keys">
      {combo.map((key) => (
        <kbd key={key} className="kbd">
          {keyLabel(key)}
        </kbd>
      ))}
    </span>
  );
}
