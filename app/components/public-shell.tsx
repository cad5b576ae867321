// The layout of pages anyone may open without signing in (the help centre): the shared frame with the help
// centre link, and a way in — or back to their own area for a signed-in user.
import { Link } from '@remix-run/react';
import type { ReactNode } from 'react';
import { ShellFrame } from '~/components/app-shell';

export interface PublicShellUser {
  fullName: string;
  home: string;
}

export function PublicShell({ user, children }: { user: PublicShellUser | null; children: ReactNode }) {
  return (
    <ShellFrame
      links={[{ to: '/help', label: 'Help centre' }]}
      aside={
        user ? (
          <Link className="button secondary small" to={user.home}>
            Back to your area
          </Link>
        ) : (
          <Link className="button secondary small" to="/login">
            Sign in
          </Link>
        )
      }
    >
      {children}
    </ShellFrame>
  );
}
