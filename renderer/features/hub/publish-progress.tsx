import type { Events } from '../../../preload/contract';
import { RunProgress } from '../../components/run-progress';
import type { PublishRun } from './hub-slice';
import { PUBLISH_STEPS } from './hub-text';

/** Where a step stands against the one main is on. */
export function stepState(
  step: Events['publishStep']['step'],
  current: Events['publishStep']['step'] | null,
): 'done' | 'now' | 'later' {
  const order = PUBLISH_STEPS.map((item) => item.step);
  const at = current ? order.indexOf(current) : -1;
  const index = order.indexOf(step);
  return index < at ? 'done' : index === at ? 'now' : 'later';
}

/** The publish's steps as main starts them, and the push's bytes as a bar. */
export function PublishProgress({
  run,
  onCancel,
}: {
  readonly run: PublishRun;
  readonly onCancel: () => void;
}) {
  const current = run.step?.step ?? null;
  return (
    <section className="panel" aria-labelledby="publish-progress-title">
      <h2 className="panel__title" id="publish-progress-title">
        Publishing…
      </h2>
      <ol className="publish-steps" aria-label="Steps">
        {PUBLISH_STEPS.filter((item) => item.step !== 'done').map((item) => (
          <li
            key={item.step}
            data-state={stepState(item.step, current)}
            aria-current={item.step === current ? 'step' : undefined}
          >
            {item.label}
            {item.step === current && run.step?.detail ? `: ${run.step.detail}` : ''}
          </li>
        ))}
      </ol>
      <RunProgress label="Pushing to the Hub" event={run.event} onCancel={onCancel} />
    </section>
  );
}
