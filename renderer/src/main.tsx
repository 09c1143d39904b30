// First: asks main for the first screen's data before the modules below are evaluated.
import './early';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './features/shell/App';
import { startApp } from './features/shell/bootstrap';
import { RootErrorBoundary } from './features/shell/RootErrorBoundary';
import './styles/theme.css';
import './styles/base.css';
import './styles/screen.css';

/**
 * How long the first render waits for the first screen's answers, asked for by ./early before
 * this code ran: usually they are in by now. A main process busy elsewhere gets the empty shell
 * drawn after this, and the thread when it comes.
 */
const FIRST_SCREEN_WAIT_MS = 250;

const root = document.getElementById('root');
if (root) {
  const render = () =>
    createRoot(root).render(
      <StrictMode>
        <RootErrorBoundary>
          <App />
        </RootErrorBoundary>
      </StrictMode>,
    );
  const waited = new Promise<void>((resolve) => setTimeout(resolve, FIRST_SCREEN_WAIT_MS));
  // A start that throws still renders: the error boundary and the toasts say what broke.
  const firstScreen = Promise.resolve().then(startApp);
  void Promise.race([firstScreen, waited]).then(render, render);
}
