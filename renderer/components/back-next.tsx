/** Back and Continue at the foot of a step; Continue waits until the step has what it needs. */
export function BackNext({
  canContinue,
  onBack,
  onNext,
}: {
  readonly canContinue: boolean;
  readonly onBack: () => void;
  readonly onNext: () => void;
}) {
  return (
    <div className="step-actions">
      <button type="button" className="button" onClick={onBack}>
        Back
      </button>
      <button type="button" className="button button--primary" disabled={!canContinue} onClick={onNext}>
        Continue
      </button>
    </div>
  );
}
