import { Suspense, useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store/app-store';
import { StepIndicator } from '../../wizard/step-indicator';
import { Wizard } from '../../wizard/wizard';
import { HubView, PublishView } from '../hub';
import { ReposView } from '../repos';
import { ExplainScreen, onExplainRequested } from '../support';
import { AppFooter } from './app-footer';

/** The window: the app's name and progress on top, the current step or the repositories, and the Hub address below. */
export function App() {
  const { step, startOver, view, showView, wide } = useAppStore(
    useShallow((state) => ({
      // An open repository is a workspace: it takes the window's width, as GitHub Desktop does.
      wide: state.view === 'repos' && state.openRepo !== null,
      step: state.step,
      startOver: state.startOver,
      view: state.view,
      showView: state.showView,
    })),
  );
  useEffect(() => onExplainRequested(() => showView('explain')), [showView]);

  return (
    <div className="app">
      <header className="app-header">
        <div className="app-header__bar">
          <span className="app-header__name">HF Git Desktop</span>
          <nav className="app-nav" aria-label="Parts of the app">
            <button
              type="button"
              className="button button--quiet"
              aria-current={view === 'setup' ? 'page' : undefined}
              onClick={() => showView('setup')}
            >
              Setup
            </button>
            <button
              type="button"
              className="button button--quiet"
              aria-current={view === 'hub' || view === 'publish' ? 'page' : undefined}
              onClick={() => showView('hub')}
            >
              On the Hub
            </button>
            <button
              type="button"
              className="button button--quiet"
              aria-current={view === 'repos' ? 'page' : undefined}
              onClick={() => showView('repos')}
            >
              Repositories
            </button>
            <button
              type="button"
              className="button button--quiet"
              aria-current={view === 'explain' ? 'page' : undefined}
              onClick={() => showView('explain')}
            >
              Explain an error
            </button>
            {view === 'setup' && step !== 'welcome' ? (
              <button type="button" className="button button--quiet" onClick={startOver}>
                Start over
              </button>
            ) : null}
          </nav>
        </div>
        {view === 'setup' ? <StepIndicator /> : null}
      </header>
      <main className={wide ? 'app-main app-main--wide' : 'app-main'}>
        {view === 'setup' ? (
          <Wizard />
        ) : (
          <Suspense fallback={<p role="status">Loading…</p>}>
            {view === 'repos' ? (
              <ReposView />
            ) : view === 'hub' ? (
              <HubView />
            ) : view === 'publish' ? (
              <PublishView />
            ) : (
              <ExplainScreen />
            )}
          </Suspense>
        )}
      </main>
      <AppFooter />
    </div>
  );
}
