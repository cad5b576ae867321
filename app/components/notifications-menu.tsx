// The desk bar's notifications: an unread count on a disclosure button, the newest unread ones with a link to their
// ticket and "Mark read". Fetcher forms, so marking keeps the page; the layout's reload (after the action, and
// whenever the live board reloads) brings the count up to date.
import { Link, useFetcher } from '@remix-run/react';
import { useEffect, useRef } from 'react';
import type { NotificationItem, UnreadNotifications } from '~/lib/shared/views/notifications';

function MarkRead({ notification, label }: { notification: number | 'all'; label: string }) {
  const fetcher = useFetcher();
  return (
    <fetcher.Form method="post" action="/desk/notifications">
      <button type="submit" name="notification" value={String(notification)} className="button secondary small" disabled={fetcher.state !== 'idle'}>
        {fetcher.state !== 'idle' ? 'Marking…' : label}
      </button>
    </fetcher.Form>
  );
}

function NotificationRow({ item }: { item: NotificationItem }) {
  return (
    <li data-testid="notification">
      <p>{item.ticketId ? <Link to={`/desk/tickets/${item.ticketId}`}>{item.body}</Link> : item.body}</p>
      <p className="muted">
        <time dateTime={item.createdAt}>{item.createdAt.slice(0, 16).replace('T', ' ')} UTC</time>
      </p>
      <MarkRead notification={item.id} label="Mark read" />
    </li>
  );
}

export function NotificationsMenu({ notifications }: { notifications: UnreadNotifications }) {
  const { unread, countCapped, items } = notifications;
  const menuRef = useRef<HTMLDetailsElement>(null);
  // The open panel closes with Escape like any popup, and focus goes back to the button that opened it when it was
  // on the button or in the panel (issue 21). On the document, so Escape works wherever focus is inside the menu.
  useEffect(() => {
    function closeOnEscape(event: KeyboardEvent) {
      const menu = menuRef.current;
      if (event.key !== 'Escape' || !menu?.open) return;
      const focusWasInMenu = menu.contains(document.activeElement);
      menu.open = false;
      if (focusWasInMenu) menu.querySelector('summary')?.focus();
    }
    document.addEventListener('keydown', closeOnEscape);
    return () => document.removeEventListener('keydown', closeOnEscape);
  }, []);
  return (
    <details className="notifications-menu" ref={menuRef}>
      <summary aria-label={`Notifications, ${unread} unread`}>
        Notifications{' '}
        {unread > 0 ? (
          <span className="notification-badge" data-testid="notification-count">
            {unread >= countCapped ? `${countCapped}+` : unread}
          </span>
        ) : null}
      </summary>
      <div className="notifications-panel">
        {items.length === 0 ? (
          <p className="muted">No unread notifications.</p>
        ) : (
          <>
            <ul>
              {items.map((item) => (
                <NotificationRow key={item.id} item={item} />
              ))}
            </ul>
            <MarkRead notification="all" label="Mark all read" />
          </>
        )}
      </div>
    </details>
  );
}
