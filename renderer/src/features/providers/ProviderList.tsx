import { ArrowDown, ArrowUp } from 'lucide-react';
import type { Provider } from '../../../../main/contract';
import { credentialView } from './credential';
import { moveBy } from './reorder';
import { useClock } from '../../platform/clock';
import { VisibleName } from '../../platform/visibleName';
import { GridList, GridListDragHandle, GridListItem } from '../../ui/GridList';
import { IconButton } from '../../ui/IconButton';

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

/**
 * Profiles in the user's order (ui/GridList): ↑/↓ choose one, ←/→ reach its grip and move buttons;
 * drag a row, use the arrow buttons, Alt+↑/↓ on a row, or Enter on its grip then arrows to reorder.
 */
export function ProviderList({ providers, selectedId, onSelect, onReorder }: Props) {
  const ids = providers.map((p) => p.id);
  const now = useClock(60_000);
  const move = (id: string, delta: number) => {
    const next = moveBy(ids, id, delta);
    if (next.join() !== ids.join()) onReorder(next);
  };
  return (
    <GridList
      aria-label="Providers"
      className="providers-list"
      items={providers}
      selectedKey={selectedId}
      onSelect={onSelect}
      onReorder={onReorder}
    >
      {(p) => {
        const tone = credentialView(p.credential, p.authKind, now).tone;
        const index = ids.indexOf(p.id);
        return (
          <GridListItem id={p.id} textValue={p.name} className="providers-list-item">
            <GridListDragHandle label={`Reorder ${p.name}`} />
            <span className="providers-list-select" aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown">
              <span
                className={`providers-dot providers-dot-${tone}`}
                title={DOT[tone]}
                aria-label={DOT[tone]}
                role="img"
              />
              <VisibleName className="providers-list-name" name={p.name} />
              <span className="providers-list-host mono">{hostOf(p.baseUrl)}</span>
            </span>
            <span className="providers-list-move">
              <IconButton label={`Move ${p.name} up`} isDisabled={index === 0} onPress={() => move(p.id, -1)}>
                <ArrowUp />
              </IconButton>
              <IconButton
                label={`Move ${p.name} down`}
                isDisabled={index === providers.length - 1}
                onPress={() => move(p.id, 1)}
              >
                <ArrowDown />
              </IconButton>
            </span>
          </GridListItem>
        );
      }}
    </GridList>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
