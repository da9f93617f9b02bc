import { ConfirmDialog } from '../../../components/confirm-dialog';
import { countOf } from '../workspace/workspace-text';

interface SwitchDialogProps {
  readonly from: string;
  readonly to: string;
  readonly changes: number;
  readonly onChoose: (changes: 'carry' | 'leave') => void;
  readonly onClose: () => void;
}

/** Switching with uncommitted changes: bring them along, or leave them set aside on this branch. */
export function SwitchDialog({ from, to, changes, onChoose, onClose }: SwitchDialogProps) {
  return (
    <ConfirmDialog
      title={`Switch to ${to}`}
      onClose={onClose}
      actions={[
        { label: `Leave my changes on ${from}`, onClick: () => onChoose('leave') },
        { label: `Bring my changes to ${to}`, onClick: () => onChoose('carry'), primary: true },
      ]}
    >
      <p>
        You have {countOf(changes, 'uncommitted change')}. Bring {changes === 1 ? 'it' : 'them'} to {to}, or
        leave {changes === 1 ? 'it' : 'them'} set aside on {from} ({changes === 1 ? 'it comes' : 'they come'}{' '}
        back when you switch back, and {changes === 1 ? 'stays' : 'stay'} listed under “Set aside and
        discarded”).
      </p>
    </ConfirmDialog>
  );
}
