// The desk board's query string: which lane, which filters, which order, which page. Shared by the
// loader (validation) and the page (labels, links), so both agree on every name and value.
import { z } from 'zod';
import { ticketStatuses } from '~/lib/shared/ticket-status';

export const deskViews = ['queue', 'mine', 'all', 'failed'] as const;
export type DeskView = (typeof deskViews)[number];
export const deskViewLabel: Record<DeskView, string> = {
  queue: 'Queue',
  mine: 'My tickets',
  all: 'All open',
  failed: 'AI failed',
};

export const deskSorts = ['urgency', 'newest', 'oldest', 'sentiment'] as const;
export type DeskSort = (typeof deskSorts)[number];
export const deskSortLabel: Record<DeskSort, string> = {
  urgency: 'Urgency, then oldest',
  newest: 'Newest first',
  oldest: 'Oldest first',
  sentiment: 'Most upset first',
};

export const ticketCategories = ['billing', 'technical', 'feature_request'] as const;
export type TicketCategory = (typeof ticketCategories)[number];
export const ticketCategoryLabel: Record<TicketCategory, string> = {
  billing: 'Billing',
  technical: 'Technical',
  feature_request: 'Feature request',
};

/** `untriaged` selects tickets the AI has not scored yet (urgency is null). */
export const urgencyFilters = ['high', 'medium', 'low', 'untriaged'] as const;
export type UrgencyFilter = (typeof urgencyFilters)[number];
export const urgencyLabel: Record<UrgencyFilter, string> = { high: 'High', medium: 'Medium', low: 'Low', untriaged: 'Not triaged yet' };

/** Sentiment scores 1 (angry) to 10 (delighted), in three bands a technician can act on. */
export const sentimentBands = {
  negative: { label: 'Upset (1–3)', min: 1, max: 3 },
  neutral: { label: 'Neutral (4–7)', min: 4, max: 7 },
  positive: { label: 'Happy (8–10)', min: 8, max: 10 },
} as const;
export type SentimentBand = keyof typeof sentimentBands;
const sentimentBandNames = Object.keys(sentimentBands) as [SentimentBand, ...SentimentBand[]];

export const DESK_PAGE_SIZE = 50;

/** A ticket as the board shows it (app/models/desk-board.server.ts reads it, the card renders it). */
export interface DeskTicket {
  id: string;
  number: string;
  subject: string;
  status: string;
  triageStatus: string;
  category: string | null;
  urgency: string | null;
  priority: string;
  prioritySetBy: string | null;
  prioritySetByName: string | null;
  createdAt: string;
  customerName: string;
  vin: string | null;
  assignedTo: string | null;
  assignedToName: string | null;
  triage: { sentimentScore: number; confidence: number; provider: string; model: string } | null;
  triageFailure: { error: string; attempts: number } | null;
  /** The earlier open ticket this one closely matches (public.possible_duplicates), if any. */
  possibleDuplicateOf: { id: string; number: string } | null;
  /** The next SLA deadline (null while paused or without a policy) and whether a target was already missed. */
  slaDueAt: string | null;
  slaBreached: boolean;
}

// An empty select ("Any") arrives as ""; a value that is not one of ours (an old bookmark) means "no filter",
// never an error page.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional()).catch(undefined);

export const deskBoardQuerySchema = z.object({
  view: z.enum(deskViews).catch('queue'),
  status: optional(z.enum(ticketStatuses)),
  category: optional(z.enum(ticketCategories)),
  urgency: optional(z.enum(urgencyFilters)),
  sentiment: optional(z.enum(sentimentBandNames)),
  department: optional(z.string().uuid()),
  sort: z.enum(deskSorts).catch('urgency'),
  q: optional(z.string().trim().min(1).max(100)),
  /** Opaque keyset position after the previous page (see app/models/desk-board.server.ts). */
  cursor: optional(z.string().max(400)),
});
export type DeskBoardQuery = z.infer<typeof deskBoardQuerySchema>;

export function parseDeskBoardQuery(searchParams: URLSearchParams): DeskBoardQuery {
  const raw: Record<string, string> = {};
  for (const [key, value] of searchParams) raw[key] = value;
  return deskBoardQuerySchema.parse(raw);
}

/** The query string of a board URL: only the values that differ from the defaults. */
export function deskBoardSearch(query: Partial<DeskBoardQuery>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === '') continue;
    if ((key === 'view' && value === 'queue') || (key === 'sort' && value === 'urgency')) continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}
