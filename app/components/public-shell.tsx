// The layout of pages anyone may open without signing in (the help centre): the brand, the help centre
// link, and a way in — or back to their own area for a signed-in user.
import { Link, NavLink } from '@remix-run/react';
import type { ReactNode } from 'react';

export interface PublicShellUser {
  fullName: string;
  home: string;
}

export function PublicShell({ user, children }: { user: PublicShellUser | null; children: ReactNode }) {
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="shell-header">
        <a className="brand" href="/">
          Support Hub
        </a>
        <nav aria-label="Main">
          <ul className="nav-list">
            <li>
              <NavLink to="/help" className={({ isActive }) => (isActive ? 'nav-link active' : 'nav-link')}>
                Help centre
              </NavLink>
            </li>
          </ul>
        </nav>
        <div className="shell-user">
          {user ? (
            <Link className="button secondary small" to={user.home}>
              Back to your area
            </Link>
          ) : (
            <Link className="button secondary small" to="/login">
              Sign in
            </Link>
          )}
        </div>
      </header>
      <main id="main" className="page" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
