// Words customers read for the database's ticket and work-order states (the enums stay machine-friendly). Staff
// wording lives in ticket-status.ts with the allowed moves.
export const customerTicketStatusLabel: Record<string, string> = {
  unassigned: 'Waiting for a technician',
  assigned: 'Technician assigned',
  in_progress: 'In progress',
  waiting_on_customer: 'Waiting on you',
  resolved: 'Resolved',
  closed: 'Closed',
  merged: 'Joined to another ticket',
};

export const customerWorkOrderStatusLabel: Record<string, string> = {
  open: 'Scheduled',
  in_progress: 'Work in progress',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

export function labelOf(labels: Record<string, string>, value: string): string {
  return labels[value] ?? value.replaceAll('_', ' ');
}

const moneyFormat = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
export function formatMoney(amount: string | number): string {
  return moneyFormat.format(Number(amount));
}
