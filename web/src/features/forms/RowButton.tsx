// The buttons of a row's Handlinger cell in the admin tables, each carrying the row's name for screen
// readers ("Slett Molde").
import { Button } from '@digdir/designsystemet-react';

/** A small button in a row: its visible label, and the row it acts on for a screen reader. */
export function RowButton({ label, rowName, onClick, variant = 'secondary', danger, pressed }: {
  label: string; rowName: string; onClick: () => void; variant?: 'secondary' | 'tertiary'; danger?: boolean; pressed?: boolean;
}) {
  return (
    <Button type="button" variant={variant} data-size="sm" data-color={danger ? 'danger' : undefined} aria-pressed={pressed} onClick={onClick}>
      {label}<span className="sr-only"> {rowName}</span>
    </Button>
  );
}
