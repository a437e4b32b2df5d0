import { Paragraph } from '@digdir/designsystemet-react';
import { createRoute } from '@tanstack/react-router';
import { ChangePasswordForm } from '../features/auth/ChangePasswordForm';
import { useSession } from '../features/auth/session';
import { RequireRole } from '../features/shell/states';
import { useT } from '../i18n';
import { rootRoute } from './__root';
import { PageHeading } from '../features/shell/PageHeading';
import { ROLES } from '../../../src/modules/org/vocabulary';

function ProfilePage() {
  const t = useT();
  const { user } = useSession();
  return (
    <RequireRole roles={[...ROLES]}>
      <div className="stack">
        <PageHeading>{t('profile.heading')}</PageHeading>
        {user ? (
          <Paragraph>{t('profile.signedInAs', { name: user.name, email: user.email, role: t(`role.${user.role}`) })}</Paragraph>
        ) : null}
        <ChangePasswordForm />
      </div>
    </RequireRole>
  );
}

export const profileRoute = createRoute({ getParentRoute: () => rootRoute, path: '/profil', component: ProfilePage });
