import { useStore } from '../../store';
import { Dialog } from '../../ui';
import { Keys } from '../../ui/Keys';
import { CONTEXT_KEYS, SHORTCUTS } from './shortcuts';

/** `?`: every keyboard shortcut in one place. */
export function ShortcutsSheet() {
  const close = useStore((s) => s.setShortcutsOpen);
  const rows = [...SHORTCUTS, ...CONTEXT_KEYS];
  return (
    <Dialog
      title="Keyboard shortcuts"
      closeButton
      placement="top"
      onClose={() => close(false)}
      bodyClassName="ui-dialog-flush shortcuts"
    >
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
    </Dialog>
  );
}
