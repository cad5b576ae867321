// "Every work order is finished — resolve?" (issue 16). Starting a work order moves the ticket to in progress in the
// database; finishing the last one does not resolve by itself (the technician may still have to call the customer),
// so the desk suggests it where the eye already is, above the status buttons.
import { useFetcher } from '@remix-run/react';
import { FormError } from '~/components/form';
import type { TicketStatus } from '~/lib/shared/ticket-status';
import type { TicketActionResult } from './action-result';

export function ResolveSuggestion({ status, canAct, workOrderStatuses }: { status: TicketStatus; canAct: boolean; workOrderStatuses: string[] }) {
  const fetcher = useFetcher<TicketActionResult>();
  const allFinished = workOrderStatuses.length > 0 && workOrderStatuses.every((workStatus) => workStatus === 'completed' || workStatus === 'cancelled');
  const open = status === 'assigned' || status === 'in_progress' || status === 'waiting_on_customer';
  if (!canAct || !open || !allFinished || workOrderStatuses.every((workStatus) => workStatus === 'cancelled')) return null;
  return (
    <section className="card resolve-suggestion" aria-labelledby="resolve-heading" data-testid="resolve-suggestion">
      <h2 id="resolve-heading">Work finished</h2>
      <p>Every work order of this ticket is finished. Resolve it when the customer has what they need.</p>
      <FormError message={fetcher.data?.formError} />
      <fetcher.Form method="post">
        <input type="hidden" name="intent" value="status" />
        <button type="submit" name="status" value="resolved" className="button" disabled={fetcher.state !== 'idle'}>
          Resolve now
        </button>
      </fetcher.Form>
    </section>
  );
}
