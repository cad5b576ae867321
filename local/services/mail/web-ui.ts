// The catcher's web page: the inbox, newest first, and one message with its text (HTML mail is shown in a
// sandboxed frame so its scripts and links cannot act on this page).
import type { CaughtMessage } from './store.ts';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character] ?? character);

const addressList = (message: CaughtMessage) => message.To.map((address) => address.Address).join(', ');

const page = (title: string, body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>
  body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1f2933; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #e4e7eb; }
  tr.unread td { font-weight: 600; }
  iframe { width: 100%; min-height: 30rem; border: 1px solid #e4e7eb; }
  pre { white-space: pre-wrap; background: #f5f7fa; padding: 1rem; }
</style></head><body>${body}</body></html>`;

export function inboxPage(messages: CaughtMessage[]): string {
  const rows = messages
    .map(
      (message) => `<tr class="${message.Read ? '' : 'unread'}"><td>${escapeHtml(message.Created.replace('T', ' ').slice(0, 19))}</td>
<td>${escapeHtml(message.From.Address)}</td><td>${escapeHtml(addressList(message))}</td>
<td><a href="/view/${encodeURIComponent(message.ID)}">${escapeHtml(message.Subject || '(no subject)')}</a></td></tr>`,
    )
    .join('\n');
  const table = messages.length
    ? `<table><thead><tr><th>Received</th><th>From</th><th>To</th><th>Subject</th></tr></thead><tbody>${rows}</tbody></table>`
    : '<p>No mail yet. Everything the local stack sends arrives here.</p>';
  return page('Local mail', `<h1>Local mail</h1><p>${messages.length} message(s). API: <code>/api/v1/messages</code></p>${table}`);
}

export function messagePage(message: CaughtMessage): string {
  const html = message.HTML
    ? `<iframe sandbox title="Message" srcdoc="${escapeHtml(message.HTML)}"></iframe>`
    : `<pre>${escapeHtml(message.Text)}</pre>`;
  return page(
    message.Subject,
    `<p><a href="/">← Inbox</a></p><h1>${escapeHtml(message.Subject || '(no subject)')}</h1>
<p>From ${escapeHtml(message.From.Address)} to ${escapeHtml(addressList(message))}</p>${html}`,
  );
}
