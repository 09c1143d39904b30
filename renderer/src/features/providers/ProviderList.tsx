import { ArrowDown, ArrowUp } from 'lucide-react';
import { useState } from 'react';
import type { Provider } from '../../../../main/contract';
import { credentialView } from './credential';
import { moveBy, moveTo } from './reorder';
import { useClock } from '../../platform/clock';
import { VisibleName } from '../../platform/visibleName';

interface Props {
  providers: Provider[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  onReorder: (ids: string[]) => void;
}

const DOT: Record<string, string> = {
  ok: 'Ready',
  warn: 'Expiring soon',
  danger: 'Needs attention',
  muted: 'No credential',
};

/** Profiles in the user's order: drag a row, use the arrow buttons, or Alt+↑/↓ on a focused row. */
export function ProviderList({ providers, selectedId, onSelect, onReorder }: Props) {
  const [dragging, setDragging] = useState<string | null>(null);
  const ids = providers.map((p) => p.id);
  const now = useClock(60_000);
  const move = (id: string, delta: number) => {
    const next = moveBy(ids, id, delta);
    if (next.join() !== ids.join()) onReorder(next);
  };
  return (
    <ol className="providers-list" aria-label="Providers">
      {providers.map((p, index) => {
        const tone = credentialView(p.credential, p.authKind, now).tone;
        return (
          <li
            key={p.id}
            className={`providers-list-item${p.id === selectedId ? ' is-selected' : ''}${p.id === dragging ? ' is-dragging' : ''}`}
            draggable
            onDragStart={(e) => {
              setDragging(p.id);
              e.dataTransfer.effectAllowed = 'move';
              e.dataTransfer.setData('text/plain', p.id);
            }}
            onDragEnd={() => setDragging(null)}
            onDragOver={(e) => {
              if (dragging) e.preventDefault();
            }}
            onDrop={(e) => {
              e.preventDefault();
              if (dragging && dragging !== p.id) onReorder(moveTo(ids, dragging, index));
              setDragging(null);
            }}
          >
            <button
              type="button"
              className="providers-list-select"
              aria-current={p.id === selectedId ? 'true' : undefined}
              aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
              onClick={() => onSelect(p.id)}
              onKeyDown={(e) => {
                if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
                  e.preventDefault();
                  move(p.id, e.key === 'ArrowUp' ? -1 : 1);
                }
              }}
            >
              <span
                className={`providers-dot providers-dot-${tone}`}
                title={DOT[tone]}
                aria-label={DOT[tone]}
                role="img"
              />
              <VisibleName className="providers-list-name" name={p.name} />
              <span className="providers-list-host mono">{hostOf(p.baseUrl)}</span>
            </button>
            <span className="providers-list-move">
              <button
                type="button"
                className="btn btn-ghost btn-icon"
                aria-label={`Move ${p.name} up`}
                disabled={index === 0}
                onClick={() => move(p.id, -1)}
              >
                <ArrowUp />
              </button>
              <button
                type="button"
                className="btn btn-ghost btn-icon"
                aria-label={`Move ${p.name} down`}
                disabled={index === providers.length - 1}
                onClick={() => move(p.id, 1)}
              >
                <ArrowDown />
              </button>
            </span>
          </li>
        );
      })}
    </ol>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
