import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store/app-store';
import { ROUTES } from './wizard-slice';
import { STEP_LABELS } from './step-labels';

/**
 * Where the user is in the setup. Steps already passed are buttons, so going back to one is a
 * click; the current one is marked for assistive technology with aria-current="step".
 */
export function StepIndicator() {
  const { step, method, goTo } = useAppStore(
    useShallow((state) => ({ step: state.step, method: state.method, goTo: state.goTo })),
  );
  const route = ROUTES[method];
  const current = route.indexOf(step);

  return (
    <nav className="steps" aria-label="Setup steps">
      <ol className="steps__list">
        {route.map((id, index) => {
          const label = STEP_LABELS[id];
          const state = index < current ? 'done' : index === current ? 'current' : 'todo';
          return (
            <li
              key={id}
              className={`steps__item steps__item--${state}`}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              <span className="steps__number" aria-hidden="true">
                {index + 1}
              </span>
              {state === 'done' ? (
                <button type="button" className="steps__link" onClick={() => goTo(id)}>
                  {label}
                  <span className="visually-hidden"> (done)</span>
                </button>
              ) : (
                <span>{label}</span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
