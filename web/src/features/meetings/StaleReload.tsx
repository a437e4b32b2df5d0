// A save refused because someone changed the same thing since the form was opened (409 `stale`): the
// server's message says so; the button opens the form again on what is stored now. Nothing is merged
// silently: what the user typed is only discarded when they choose to reload.
import { Button } from '@digdir/designsystemet-react';
import { ApiError } from '../../api/client';
import { useT } from '../../i18n';

export function isStale(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409 && error.code === 'stale';
}

export function StaleReload({ error, onReload }: { error: unknown; onReload: () => void }) {
  const t = useT();
  if (!isStale(error)) return null;
  return (
    <div className="actions">
      <Button type="button" variant="secondary" onClick={onReload}>{t('common.reloadStale')}</Button>
    </div>
  );
}
