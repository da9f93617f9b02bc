/** Back and Continue for the check screen; Continue waits until the check has answered. */
export function CheckActions({
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
