// «Flytt opp» / «Flytt ned» for a row of a list whose order is the user's (the financing key, the economy
// lines): arrows for the eye, the full name («Flytt opp Molde») for screen readers and tests. The ends
// are aria-disabled, not disabled, so focus stays on the arrow at the end of the list. Focus stays on
// the moved row's arrow: React may move the row's element to its new place, which blurs the button, so
// once the row stands at its new index (the move may be saved and the list fetched again first) the
// same arrow is focused again.
import { Button } from '@digdir/designsystemet-react';
import { useRef } from 'react';
import { focusWhenReady } from '../shell/focus';

export function MoveButtons({ idPrefix, rowId, name, index, count, busy, labels, onMove }: {
  /** The buttons' ids are `${idPrefix}-up-${rowId}` and `${idPrefix}-down-${rowId}`. */
  idPrefix: string;
  rowId: string;
  /** The row's name, said after the label. */
  name: string;
  index: number;
  count: number;
  /** A move being saved: the arrows refuse (aria-disabled) until it is done. */
  busy?: boolean;
  labels: { up: string; down: string };
  /** Moves the row one place; a promise for a move that is saved first (a refused one keeps focus where it is). */
  onMove: (direction: -1 | 1) => void | Promise<unknown>;
}) {
  const idOf = (direction: -1 | 1) => `${idPrefix}-${direction === -1 ? 'up' : 'down'}-${rowId}`;
  // Only the latest move puts focus back: an earlier one still waiting for its row gives up.
  const latest = useRef(0);
  const move = async (direction: -1 | 1) => {
    const to = index + direction;
    if (busy || to < 0 || to >= count) return;
    const mine = ++latest.current;
    try {
      await onMove(direction);
    } catch {
      return;
    }
    focusWhenReady(() => {
      if (latest.current !== mine) return null;
      const el = document.getElementById(idOf(direction));
      return el?.dataset.index === String(to) ? el : null;
    });
  };
  const arrow = (direction: -1 | 1) => {
    const label = direction === -1 ? labels.up : labels.down;
    const atEnd = direction === -1 ? index === 0 : index === count - 1;
    return (
      <Button type="button" variant="tertiary" data-size="sm" icon title={label} id={idOf(direction)} data-index={index}
        aria-disabled={busy || atEnd || undefined} onClick={() => { void move(direction); }}>
        <span aria-hidden="true">{direction === -1 ? '↑' : '↓'}</span><span className="sr-only">{label} {name}</span>
      </Button>
    );
  };
  return <>{arrow(-1)}{arrow(1)}</>;
}
