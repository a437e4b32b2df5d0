// What a page shows while it waits, when it fails, and when the visitor lacks the role for it.
import { Alert, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { ApiError } from '../../api/client';
import { useI18n, useT } from '../../i18n';
import { errorMessage } from '../../i18n/errors';
import { useSession, type TRole } from '../auth/session';

export function Loading() {
  const t = useT();
  return (
    <div className="loading" role="status">
      <Spinner aria-label={t('common.loading')} data-size="md" />
    </div>
  );
}

export function LoadError({ error }: { error: unknown }) {
  const { t, language } = useI18n();
  if (error instanceof ApiError && error.status === 404) {
    return (
      <Alert data-color="warning">
        <Heading level={2} data-size="xs">{t('common.notFound')}</Heading>
        <Paragraph>{errorMessage(error, language, t)}</Paragraph>
      </Alert>
    );
  }
  if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
    return (
      <Alert data-color="warning">
        <Paragraph>{error.status === 401 ? t('common.mustLogin') : t('common.forbidden')}</Paragraph>
      </Alert>
    );
  }
  return (
    <Alert data-color="danger">
      <Heading level={2} data-size="xs">{t('common.loadFailed')}</Heading>
      <Paragraph>{errorMessage(error, language, t)}</Paragraph>
    </Alert>
  );
}

/** Renders children only for the given roles (admin always passes, as on the server). */
export function RequireRole({ roles, children }: { roles: TRole[]; children: ReactNode }) {
  const t = useT();
  const { user, loading } = useSession();
  if (loading) return <Loading />;
  if (!user) {
    return (
      <Alert data-color="info">
        <Paragraph>
          {t('common.mustLogin')} <Link to="/logg-inn" search={{ redirect: window.location.pathname + window.location.search }}>{t('shell.login')}</Link>
        </Paragraph>
      </Alert>
    );
  }
  if (user.role !== 'admin' && !roles.includes(user.role)) {
    return (
      <Alert data-color="warning">
        <Paragraph>{t('common.forbidden')}</Paragraph>
      </Alert>
    );
  }
  return <>{children}</>;
}
