// What the customer's ticket page shows of the conversation and the satisfaction survey.

export interface CustomerThreadMessage {
  id: string;
  role: 'user' | 'assistant' | 'technician' | 'system';
  content: string;
  senderName: string | null;
  createdAt: string;
}

export interface CustomerTicketRating {
  rating: number;
  comment: string | null;
}

export interface CustomerTicketThread {
  messages: CustomerThreadMessage[];
  rating: CustomerTicketRating | null;
}
