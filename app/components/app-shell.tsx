// The signed-in layout every role shares: the same header, navigation and sign-out button,
// with the links of the user's own area.
import { Form, NavLink, useLocation } from '@remix-run/react';
import { useEffect, useState, type ReactNode } from 'react';
import type { SignedInUser } from '~/lib/server/auth.server';
import { roleLabel, type UserRole } from '~/lib/shared/roles';

const navigation: Record<UserRole, Array<{ to: string; label: string }>> = {
  customer: [
    { to: '/app', label: 'My support' },
    { to: '/app/troubleshoot', label: 'Guided fix' },
  ],
  technician: [{ to: '/desk', label: 'Desk' }],
  admin: [
    { to: '/admin', label: 'Admin' },
    { to: '/admin/kb', label: 'Knowledge base' },
    { to: '/admin/guides', label: 'Guides' },
    { to: '/admin/sla', label: 'SLA' },
    { to: '/admin/reports', label: 'Reports' },
    { to: '/admin/canned-replies', label: 'Canned replies' },
    { to: '/admin/assignment', label: 'Assignment' },
    { to: '/desk', label: 'Desk' },
  ],
};

export interface ShellLink {
  to: string;
  label: string;
}

/** Areas whose home link must not stay highlighted on their sub-pages. */
const exactMatchLinks = new Set(['/app', '/admin']);

/**
 * The frame every page with a header shares (signed-in areas and the public help centre): skip link, brand,
 * main navigation, the right-hand corner (`aside`) and the main landmark. On a phone the navigation and the
 * corner fold behind a "Menu" button (issue 21: a 150 px header pushed every page down); it closes again on
 * each navigation. Wider screens never see the button (CSS), so nothing there depends on JavaScript.
 */
export function ShellFrame({ links, aside, children }: { links: ShellLink[]; aside: ReactNode; children: ReactNode }) {
  const [menuOpen, setMenuOpen] = useState(false);
  const { pathname } = useLocation();
  useEffect(() => setMenuOpen(false), [pathname]);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="shell-header">
        <a className="brand" href="/">
          Support Hub
        </a>
        <button type="button" className="menu-toggle" aria-expanded={menuOpen} aria-controls="shell-menu" onClick={() => setMenuOpen((open) => !open)}>
          Menu
        </button>
        <div id="shell-menu" className={menuOpen ? 'shell-menu open' : 'shell-menu'}>
          <nav aria-label="Main">
            <ul className="nav-list">
              {links.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={exactMatchLinks.has(item.to)} className={({ isActive }) => (isActive ? 'nav-link active' : 'nav-link')}>
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <div className="shell-user">{aside}</div>
        </div>
      </header>
      <main id="main" className="page" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}

export function AppShell({ user, children }: { user: SignedInUser; children: ReactNode }) {
  const links = [...navigation[user.role], { to: '/help', label: 'Help centre' }, { to: '/account', label: 'Account' }];
  return (
    <ShellFrame
      links={links}
      aside={
        <>
          <span className="user-name" data-testid="user-name">
            {user.fullName}
          </span>
          <span className={`role-badge role-${user.role}`} data-testid="user-role">
            {roleLabel[user.role]}
          </span>
          <Form method="post" action="/logout">
            <button type="submit" className="button secondary small">
              Sign out
            </button>
          </Form>
        </>
      }
    >
      {children}
    </ShellFrame>
  );
}

export function EmptyState({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <section className="empty-state" aria-label={title}>
      <h2>{title}</h2>
      <p>{children}</p>
      {action ? <div className="actions">{action}</div> : null}
    </section>
  );
}

/** What a route's ErrorBoundary shows: a human message, never a stack trace. */
export function ErrorPanel({ title, message }: { title: string; message: string }) {
  return (
    <section className="error-panel" role="alert">
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        <a href="/">Back to Support Hub</a>
      </p>
    </section>
  );
}
