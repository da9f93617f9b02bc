import { useShallow } from 'zustand/react/shallow';
import { AppFooter } from './app-footer';
import { useAppStore } from './store/app-store';
import { StepIndicator } from './wizard/step-indicator';
import { Wizard } from './wizard/wizard';

/** The window: the app's name and progress on top, the current step, and the Hub address below. */
export function App() {
  const { step, startOver } = useAppStore(
    useShallow((state) => ({ step: state.step, startOver: state.startOver })),
  );

  return (
    <div className="app">
      <header className="app-header">
        <div className="app-header__bar">
          <span className="app-header__name">HF Git Desktop</span>
          {step !== 'welcome' ? (
            <button type="button" className="button button--quiet" onClick={startOver}>
              Start over
            </button>
          ) : null}
        </div>
        <StepIndicator />
      </header>
      <main className="app-main">
        <Wizard />
      </main>
      <AppFooter />
    </div>
  );
}
