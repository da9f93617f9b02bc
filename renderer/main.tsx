import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './features/app';
import { forgetLaunchToken } from './services/launch-token';
import { useAppStore } from './store/app-store';
import './styles.css';

forgetLaunchToken();
// Ask for the saved progress and the app's settings before React's first render, so the
// transport connects while React builds the page rather than after it.
void useAppStore.getState().loadSavedProgress();
void useAppStore.getState().loadAppInfo();

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain <div id="root">');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
