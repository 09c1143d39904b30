import { X } from 'lucide-react';
import { useStore } from '../../store';
import { Keys } from './Keys';
import { Modal } from './Modal';
import { CONTEXT_KEYS, SHORTCUTS } from './shortcuts';

/** `?`: every keyboard shortcut in one place. */
export function ShortcutsSheet() {
  const close = useStore((s) => s.setShortcutsOpen);
  const rows = [...SHORTCUTS, ...CONTEXT_KEYS];
  return (
    <Modal label="Keyboard shortcuts" onClose={() => close(false)} className="shortcuts">
      <div className="modal-head">
        <h2>Keyboard shortcuts</h2>
        <button
          type="button"
          className="btn btn-ghost btn-icon"
          aria-label="Close"
          onClick={() => close(false)}
        >
          <X />
        </button>
      </div>
      {/* The list scrolls inside the sheet: on a short window it ran out of the box. */}
      <div className="shortcuts-scroll scroll">
        <table className="shortcuts-table">
          <tbody>
            {rows.map((row) => (
              <tr key={row.description}>
                <td>{row.description}</td>
                <td className="shortcuts-keys">
                  {row.keys.map((combo, i) => (
                    <span key={combo.join('+')}>
                      {i > 0 ? <span className="shortcuts-or">or</span> : null}
                      <Keys combo={combo} />
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Modal>
  );
}
