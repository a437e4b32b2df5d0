// The frame around every page: skip link, header with the cooperation's name, navigation by role,
// sign-in/out, the language switch, and <main> that receives focus after each navigation.
// On a narrow screen (styles.css, below 48rem) the navigation and the user's controls fold behind a
// «Meny» button, a disclosure: aria-expanded says whether it is open, Esc closes it and gives focus
// back to the button, and a navigation closes it, so the header stays one line above the content.
import { Button, Paragraph, SkipLink } from '@digdir/designsystemet-react';
import { Link, Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../../i18n';
import { canReadInternal, canWrite, useLogout, useSession } from '../auth/session';
import { useCooperation, useInstance } from './cooperation';
import { Announcer } from './focus';
import { InboxLink } from '../messages/MessagesPage';

export function Layout() {
  const { t, language, setLanguage } = useI18n();
  const { user } = useSession();
  const cooperation = useCooperation();
  const instance = useInstance();
  const logout = useLogout();
  const navigate = useNavigate();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const mainRef = useRef<HTMLElement>(null);
  const menuButtonRef = useRef<HTMLButtonElement>(null);
  const firstRender = useRef(true);
  const [menuOpen, setMenuOpen] = useState(false);

  // After a client-side navigation, keyboard and screen-reader users start at the new page's content.
  useEffect(() => {
    setMenuOpen(false);
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [pathname]);

  function closeMenuOnEscape(event: KeyboardEvent) {
    if (event.key !== 'Escape' || !menuOpen) return;
    event.preventDefault();
    setMenuOpen(false);
    menuButtonRef.current?.focus();
  }

  const name = cooperation.data?.name ?? 'samrad';
  const navItems: { to: string; label: string; show: boolean }[] = [
    { to: '/oversikt', label: t('nav.overview'), show: canWrite(user) },
    { to: '/offentlig', label: t('nav.public'), show: true },
    { to: '/moter', label: t('nav.meetings'), show: canReadInternal(user) },
    { to: '/sok', label: t('nav.search'), show: Boolean(user) },
    // A municipality user reads their own municipality's exit settlement there (decision 0040).
    { to: '/okonomi', label: t('nav.economy'), show: canReadInternal(user) || user?.role === 'municipality' },
    { to: '/rapporter', label: t('nav.reports'), show: canReadInternal(user) },
    { to: '/portefolje', label: t('nav.portfolio'), show: Boolean(user) },
    { to: '/kundeservice', label: t('nav.serviceDesk'), show: Boolean(user) },
    { to: '/utstyr', label: t('nav.equipment'), show: Boolean(user) },
    { to: '/admin', label: t('nav.admin'), show: user?.role === 'admin' },
  ];

  return (
    <div className="app">
      <SkipLink href="#main">{t('shell.skipLink')}</SkipLink>
      <header className="app-header" onKeyDown={closeMenuOnEscape}>
        <div className="app-header__inner">
          <Link to="/" className="app-brand">
            <span className="app-brand__name">{name}</span>
            <span className="app-brand__product">samrad</span>
          </Link>
          <button
            type="button"
            ref={menuButtonRef}
            className="app-menu-button"
            aria-expanded={menuOpen}
            aria-controls="app-menu"
            onClick={() => setMenuOpen((open) => !open)}
          >
            <svg aria-hidden="true" focusable="false" width="20" height="20" viewBox="0 0 20 20">
              {menuOpen
                ? <path d="M4 4l12 12M16 4L4 16" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
                : <path d="M3 5h14M3 10h14M3 15h14" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />}
            </svg>
            {t('nav.menu')}
          </button>
          <div id="app-menu" className="app-header__menu" data-open={menuOpen ? '' : undefined}>
            <nav aria-label={t('nav.label')} className="app-nav">
              <ul>
                {navItems.filter((item) => item.show).map((item) => (
                  <li key={item.to}>
                    <Link to={item.to} activeProps={{ 'aria-current': 'page', className: 'active' }} onClick={() => setMenuOpen(false)}>{item.label}</Link>
                  </li>
                ))}
              </ul>
            </nav>
            <div className="app-user">
              <Button
                variant="tertiary"
                data-size="sm"
                lang={language === 'nb' ? 'en' : 'nb'}
                onClick={() => setLanguage(language === 'nb' ? 'en' : 'nb')}
              >
                {language === 'nb' ? 'English' : 'Norsk'}
              </Button>
              {user ? (
                <>
                  <InboxLink onNavigate={() => setMenuOpen(false)} />
                  <Link to="/profil" className="app-user__name">{user.name}</Link>
                  <Button
                    variant="secondary"
                    data-size="sm"
                    onClick={() => logout.mutate(undefined, { onSuccess: () => navigate({ to: '/offentlig' }) })}
                  >
                    {t('shell.logout')}
                  </Button>
                </>
              ) : (
                <Link to="/logg-inn" className="app-user__login">{t('shell.login')}</Link>
              )}
            </div>
          </div>
        </div>
      </header>
      {instance.data?.demo ? (
        // A landmark with words, not a colour: screen-reader users find it in the regions list.
        <section className="demo-banner" aria-label={t('demo.label')}>
          <Paragraph data-size="sm"><strong>{t('demo.label')}:</strong> {t('demo.banner')}</Paragraph>
        </section>
      ) : null}
      <main id="main" ref={mainRef} tabIndex={-1} className="app-main">
        <Outlet />
      </main>
      <Announcer />
      <footer className="app-footer">
        <Paragraph data-size="sm">{t('shell.footer')}</Paragraph>
      </footer>
    </div>
  );
}
