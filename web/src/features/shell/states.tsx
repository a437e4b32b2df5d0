// What a page shows while it waits, when it fails, and when the visitor lacks the role for it.
import { Alert, Button, Heading, Link as DsLink, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { ApiError } from '../../api/client';
import { useI18n, useT } from '../../i18n';
import { errorMessage } from '../../i18n/errors';
import { useSession, type TRole } from '../auth/session';
import { PageHeading } from './PageHeading';

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
  if (!user) return <ProblemPage problem="login" />;
  if (user.role !== 'admin' && !roles.includes(user.role)) return <ProblemPage problem="forbidden" />;
  return <>{children}</>;
}

export type TProblem = 'notFound' | 'login' | 'forbidden' | 'failed';

/** What kind of problem a failed page load is, in the visitor's terms. */
export function problemOf(error: unknown): TProblem {
  if (error instanceof ApiError) {
    if (error.status === 401) return 'login';
    if (error.status === 403) return 'forbidden';
    // A malformed id in the address (400 on a read) is, to the visitor, a page that is not there.
    if (error.status === 404 || error.status === 400) return 'notFound';
  }
  return 'failed';
}

/**
 * A whole page that could not be shown: its own h1 (and so the tab's title), one plain sentence, a way
 * back and «Prøv igjen». Used for unknown addresses, missing or malformed ids, missing rights and
 * failed loads alike, so every such page looks and reads the same.
 */
export function ProblemPage({ problem, onRetry }: { problem: TProblem; onRetry?: () => void }) {
  const t = useT();
  const retry = onRetry ?? (() => window.location.reload());
  return (
    <div className="stack narrow problem-page" data-problem={problem}>
      <PageHeading>{t(`problem.${problem}.title`)}</PageHeading>
      <Paragraph>{t(`problem.${problem}.text`)}</Paragraph>
      <div className="actions">
        {problem === 'login' ? (
          <Button asChild><Link to="/logg-inn" search={{ redirect: window.location.pathname + window.location.search }}>{t('shell.login')}</Link></Button>
        ) : (
          <Button type="button" variant="secondary" onClick={retry}>{t('problem.retry')}</Button>
        )}
        <DsLink asChild><Link to="/">{t('problem.home')}</Link></DsLink>
      </div>
    </div>
  );
}

/** A page whose main data failed to load: the problem page for that error. */
export function PageLoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return <ProblemPage problem={problemOf(error)} onRetry={onRetry} />;
}
