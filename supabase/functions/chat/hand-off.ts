// When the assistant hands a conversation to a person: the customer asks for one, or the answer is not good enough.
import { handOffConfidenceThreshold } from '../_shared/ai/chat.ts';

// "talk to a human", "speak with someone", "can I get an agent", "real person please", "call me".
const asksForPerson = [
  /\b(talk|speak|chat|get|want|need|connect|transfer|put)\b[^.?!]{0,30}\b(human|person|people|agent|technician|mechanic|representative|rep|someone|somebody|staff|operator)\b/i,
  /\b(real|live|actual)\s+(person|human|agent|technician)\b/i,
  /\bcall\s+me\b/i,
  /\bhuman\s+please\b/i,
];

export function customerAsksForPerson(message: string): boolean {
  return asksForPerson.some((pattern) => pattern.test(message));
}

export function answerIsTooUnsure(confidence: number): boolean {
  return confidence < handOffConfidenceThreshold;
}

export const handOffOffer =
  "\n\nI'm not sure this fully answers your question. Would you like me to open a ticket? A technician will join this conversation.";

/** After stop-driving safety advice the offer stands whatever the answer's confidence, and the ticket opens urgent. */
export const urgentHandOffOffer =
  '\n\nWould you like me to open an urgent ticket? A technician will join this conversation as soon as possible.';

export function ticketOpenedMessage(ticketNumber: string, alreadyOpen: boolean): string {
  return alreadyOpen
    ? `Ticket ${ticketNumber} is already open for this conversation. A technician will join this conversation shortly.`
    : `I've opened ticket ${ticketNumber} for you. A technician will join this conversation shortly and can see everything written here.`;
}

/** One message of a conversation as the hand-off ticket's transcript quotes it. */
export interface TranscriptMessage {
  role: string;
  content: string;
  type: string;
  attachmentName: string | null;
  durationSeconds: number | null;
}

/**
 * The transcript a hand-off ticket carries ("Customer: …" / "Assistant: …" turns, oldest first). A message with a
 * file says so, with the file's name, so the technician and triage know a photo or a recording came with it
 * (issue 17): "Customer: The light on the dash [photo attached: dash.png]".
 */
export function handOffTranscript(messages: readonly TranscriptMessage[]): string {
  return messages.map((message) => `${message.role === 'user' ? 'Customer' : 'Assistant'}: ${withAttachment(message)}`).join('\n\n');
}

function withAttachment(message: TranscriptMessage): string {
  if (!message.attachmentName) return message.content;
  const kind = message.type === 'image' ? 'photo attached' : message.type === 'voice' ? 'voice message attached' : 'file attached';
  const length = message.type === 'voice' && message.durationSeconds !== null ? `, ${Math.floor(message.durationSeconds)} s` : '';
  const note = `[${kind}: ${message.attachmentName}${length}]`;
  return message.content === message.attachmentName ? note : `${message.content} ${note}`;
}

