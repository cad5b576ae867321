// What every form of the ticket page gets back from the route's action.
import type { FieldErrors } from '~/lib/shared/forms';
import type { TicketIntent } from '~/lib/shared/ticket-forms';

export interface TicketActionResult {
  intent: TicketIntent;
  ok: boolean;
  fieldErrors: FieldErrors;
  formError?: string;
  notice?: string;
  /** The work order an action was about, so only its card shows the result. */
  workOrderId?: string;
}
