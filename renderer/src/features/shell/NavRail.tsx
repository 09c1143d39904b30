import type { Screen } from '../../store/uiSlice';
import { useStore } from '../../store';

const ITEMS: { screen: Screen; label: string; glyph: string }[] = [
  { screen: 'chat', label: 'Chats', glyph: '💬' },
  { screen: 'providers', label: 'Providers', glyph: '🔑' },
  { screen: 'tools', label: 'Tools', glyph: '🛠' },
  { screen: 'usage', label: 'Usage', glyph: '📊' },
];

export function NavRail() {
  const screen = useStore((s) => s.screen);
  const setScreen = useStore((s) => s.setScreen);
  return (
    <nav className="nav-rail" aria-label="Screens">
      {ITEMS.map((item) => (
        <button
          key={item.screen}
          type="button"
          className={item.screen === screen ? 'nav-item nav-item-active' : 'nav-item'}
          aria-current={item.screen === screen ? 'page' : undefined}
          aria-label={item.label}
          title={item.label}
          onClick={() => setScreen(item.screen)}
        >
          <span aria-hidden="true">{item.glyph}</span>
          <span className="nav-label">{item.label}</span>
        </button>
      ))}
    </nav>
  );
}
