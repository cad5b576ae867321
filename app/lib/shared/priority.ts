// The ticket's one priority as the desk shows it: the value and who or what set it (tickets.priority_set_by,
// kept by private.keep_ticket_priority). Shared by the board's cards and the ticket page.

export type PrioritySetter = 'triage' | 'customer' | 'staff' | 'sla_escalation';

export const priorityLabel: Record<string, string> = { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' };

/** "set by triage", "set by Dana Reyes", "raised by the SLA escalation"; '' while nobody set it (the default). */
export function prioritySetByLabel({ setBy, setByName }: { setBy: string | null; setByName: string | null }): string {
  switch (setBy) {
    case 'triage':
      return 'set by triage';
    case 'customer':
      return setByName ? `set by the customer (${setByName})` : 'set by the customer';
    case 'staff':
      return setByName ? `set by ${setByName}` : 'set by staff';
    case 'sla_escalation':
      return 'raised by the SLA escalation';
    default:
      return 'default, not triaged yet';
  }
}

/** The badge colour of a priority (the urgency badge's palette: urgent and high share the hottest). */
export function priorityBadgeClass(priority: string): string {
  return `urgency-badge urgency-${priority === 'urgent' || priority === 'high' ? 'high' : priority === 'low' ? 'low' : 'medium'}`;
}
