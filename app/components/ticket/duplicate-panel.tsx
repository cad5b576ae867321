// "Possible duplicate of TCK-…" on the ticket page, with the merge (public.merge_tickets) one click away; a merge
// across customers asks for a confirmation first. A merged ticket says where its work went on.
import { Link, useFetcher } from '@remix-run/react';
import { FormError, FormNotice } from '~/components/form';
import type { TicketActionResult } from '~/components/ticket/action-result';
import type { PossibleDuplicate, TicketDetails } from '~/lib/shared/views/ticket-page';

export function DuplicatePanel({ ticket, possibleDuplicate }: { ticket: TicketDetails; possibleDuplicate: PossibleDuplicate | null }) {
  const fetcher = useFetcher<TicketActionResult>();
  const result = fetcher.data?.intent === 'merge' ? fetcher.data : undefined;
  if (ticket.status === 'merged') {
    return (
      <section className="card" aria-labelledby="duplicate-heading">
        <h2 id="duplicate-heading">Merged</h2>
        <p data-testid="merged-into">
          Merged into {ticket.mergedInto ? <Link to={`/desk/tickets/${ticket.mergedInto}`}>{ticket.mergedIntoNumber ?? 'another ticket'}</Link> : 'a ticket that no longer exists'}.
        </p>
      </section>
    );
  }
  if (!possibleDuplicate) return null;
  const busy = fetcher.state !== 'idle';
  return (
    <section className="card" aria-labelledby="duplicate-heading">
      <h2 id="duplicate-heading">Possible duplicate</h2>
      <p className="desk-duplicate" data-testid="possible-duplicate">
        Possible duplicate of <Link to={`/desk/tickets/${possibleDuplicate.id}`}>{possibleDuplicate.number}</Link> ({possibleDuplicate.subject})
        {possibleDuplicate.sameCustomer ? ', same customer' : ', another customer'}.
      </p>
      <FormError message={result?.ok === false ? result.formError : undefined} />
      <FormNotice message={result?.ok ? result.notice : undefined} />
      <fetcher.Form method="post" className="button-column">
        <input type="hidden" name="intent" value="merge" />
        <input type="hidden" name="survivorId" value={possibleDuplicate.id} />
        {possibleDuplicate.sameCustomer ? null : (
          <label>
            <input type="checkbox" name="confirmCrossCustomer" required /> Yes, merge another customer&apos;s ticket (their messages and work orders stay with them)
          </label>
        )}
        <button type="submit" className="button secondary" disabled={busy}>
          {busy ? 'Merging…' : `Merge into ${possibleDuplicate.number}`}
        </button>
      </fetcher.Form>
    </section>
  );
}
