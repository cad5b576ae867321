// What the technician's ticket page shows (app/models/ticket.server.ts reads it, app/components/ticket/* render
// it): types only, below both, so components never import a model.
import type { Database } from '../../../../types/database.types';
import type { MessageAttachment } from '~/lib/shared/attachments';
import type { TicketStatus } from '~/lib/shared/ticket-status';

type Enums = Database['public']['Enums'];
export type TicketEventKind = Enums['ticket_event_kind'];

/** The ticket itself, with its customer, assignee and vehicle as the page shows them. */
export interface TicketDetails {
  id: string;
  number: string;
  subject: string;
  content: string;
  channel: string;
  priority: string;
  prioritySetBy: string | null;
  prioritySetByName: string | null;
  status: TicketStatus;
  triageStatus: string;
  category: string | null;
  urgency: string | null;
  createdAt: string;
  resolvedAt: string | null;
  assignedTo: string | null;
  assignedToName: string | null;
  mergedInto: string | null;
  mergedIntoNumber: string | null;
  conversationId: string | null;
  troubleshootingSessionId: string | null;
  customerName: string;
  /** The ticket's contact, else the customer's profile (ticket.server.ts `ticketContactColumns`). */
  contactEmail: string | null;
  contactPhone: string | null;
  vehicleYear: number | null;
  vehicleMake: string | null;
  vehicleModel: string | null;
  vin: string | null;
}

export interface TriageResult {
  category: string;
  urgency: string;
  sentimentScore: number;
  confidence: string;
  draftReply: string;
  reasoning: string;
  /** The model's own account (version, probabilities, signals that fired); null for providers that give none. */
  modelDetails: string | null;
  model: string;
  processedAt: string;
}

export const triageFields = ['category', 'urgency', 'sentiment'] as const;
export type TriageField = (typeof triageFields)[number];

/** The latest correction staff made to one triage field (public.triage_corrections). */
export interface TriageCorrection {
  field: TriageField;
  fromValue: string | null;
  toValue: string;
  correctedByName: string | null;
  correctedAt: string;
}

/** The earlier open ticket this one closely matches (public.possible_duplicates). */
export interface PossibleDuplicate {
  id: string;
  number: string;
  subject: string;
  sameCustomer: boolean;
  similarity: number;
}

export interface TroubleshootingStep {
  stepNumber: number;
  stepText: string;
  attempted: boolean;
  respondedAt: string | null;
}

/** A message of the ticket's conversation as staff see it (internal notes included). */
export interface TicketPageMessage {
  id: string;
  role: Enums['message_role'];
  content: string;
  isInternalNote: boolean;
  senderName: string | null;
  createdAt: string;
  attachment: MessageAttachment | null;
  /** The assistant's confidence in one of its answers (0-1): staff-only, from assistant_answer_details. */
  answerConfidence: number | null;
}

export interface TimelineEvent {
  id: string;
  kind: TicketEventKind;
  actorName: string | null;
  details: Record<string, unknown>;
  createdAt: string;
}

export interface TicketPage {
  ticket: TicketDetails;
  triage: TriageResult | null;
  corrections: TriageCorrection[];
  possibleDuplicate: PossibleDuplicate | null;
  sessionGuideTitle: string | null;
  steps: TroubleshootingStep[];
  messages: TicketPageMessage[];
  timeline: TimelineEvent[];
}
