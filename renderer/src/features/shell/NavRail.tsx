import type { LucideIcon } from 'lucide-react';
import { ChartColumn, FlaskConical, KeyRound, MessagesSquare, Plug, Wrench } from 'lucide-react';
import type { Screen } from '../../store/ui/slice';
import { useStore } from '../../store';
import { Button } from '../../ui/Button';

// SVG icons, not emoji: a machine without an emoji font drew those as empty boxes.
const ITEMS: { screen: Screen; label: string; Icon: LucideIcon }[] = [
  { screen: 'chat', label: 'Chats', Icon: MessagesSquare },
  { screen: 'providers', label: 'Providers', Icon: KeyRound },
  { screen: 'tools', label: 'Tools', Icon: Wrench },
  { screen: 'mcp', label: 'Servers', Icon: Plug },
  { screen: 'experiments', label: 'Experiments', Icon: FlaskConical },
  { screen: 'usage', label: 'Usage', Icon: ChartColumn },
];

export function NavRail() {
  const screen = useStore((s) => s.screen);
  const setScreen = useStore((s) => s.setScreen);
  return (
    <nav className="nav-rail" aria-label="Screens">
      {ITEMS.map((item) => (
        <Button
          key={item.screen}
          variant="bare"
          className={item.screen === screen ? 'nav-item nav-item-active' : 'nav-item'}
          aria-current={item.screen === screen ? 'page' : undefined}
          aria-label={item.label}
          title={item.label}
          onPress={() => setScreen(item.screen)}
        >
          <item.Icon size={20} />
          <span className="nav-label">{item.label}</span>
        </Button>
      ))}
    </nav>
  );
}
