// The local provider's draft reply: names the customer's problem, gives the first steps of the best-matching help
// article (linked by title), asks for what the ticket does not say yet (the vehicle, an invoice or order number),
// and states nothing we do not know (no refund promises, no time frames, no diagnoses).
import type { TicketTopic } from './ticket-topic.ts';
import type { UrgencyLevel, UrgencySignalName } from './urgency-signals.ts';
import type { KbArticleForTriage, TicketCategory } from './triage-schema.ts';

const problemByCategory: Record<TicketCategory, string> = {
  billing: 'your billing question',
  technical: 'this problem',
  feature_request: 'your idea',
};

const followUpByCategory: Record<TicketCategory, string> = {
  billing: 'We will review your account and come back to you.',
  technical: 'Our technical team will look into it.',
  feature_request: 'I have passed it on to our product team, who review every request.',
};

// What the customer told us that needs a direct answer, in words that promise nothing we cannot know.
const acknowledgementBySignal: Partial<Record<UrgencySignalName, string>> = {
  safety: 'Your safety comes first: if the vehicle shows any sign of a safety problem, please do not drive it until it has been checked.',
  security: 'If you think someone else may have access to your account, please change your password now; we will check the account activity with you.',
  'data exposure or corruption': 'We are treating what you saw as a possible data problem and checking it with priority.',
  'double or unwanted charge': 'I understand a payment was taken that you did not expect; we will check every charge in question against your account.',
  outage: 'I understand this is stopping you and others from working, and we are treating it with priority.',
  hardship: 'I am sorry this is putting you in a difficult position; we will deal with it as quickly as we can.',
};

/** A make, a model year, a registration-like token or a VIN: enough to know which vehicle. */
const mentionsVehicle = /\b((19|20)\d\d\b|[A-HJ-NPR-Z0-9]{17}\b|toyota|honda|ford|volkswagen|vw|bmw|audi|mercedes|nissan|kia|hyundai|tesla|corolla|civic|golf|focus|tacoma|camry|reg(istration)?( number)?|plate|vin)/i;
/** An invoice, order or booking reference. */
const mentionsReference = /\b(inv|ord|order|invoice|booking|ref)[-\s#:]*\d{3,}|\b\d{5,}\b/i;

/** The first one or two sentences of the article's text: its first steps, as retrieval gave them. */
function firstSteps(snippet: string): string {
  const sentences = snippet.replace(/…$/, '').match(/[^.!?]+[.!?]/g) ?? [];
  return sentences.slice(0, 2).map((sentence) => sentence.trim()).join(' ');
}

export function composeDraftReply(input: {
  /** The customer's own words (subject and body). */
  customerText: string;
  topic?: TicketTopic;
  category: TicketCategory;
  urgency: UrgencyLevel;
  signals?: readonly UrgencySignalName[];
  bestArticle?: KbArticleForTriage;
}): string {
  const problem = input.category === 'feature_request' ? problemByCategory.feature_request : input.topic?.inReply ?? problemByCategory[input.category];
  const paragraphs = ['Hello,', `Thank you for writing to us about ${problem}. ${followUpByCategory[input.category]}`];
  for (const signal of input.signals ?? []) {
    const acknowledgement = acknowledgementBySignal[signal];
    if (acknowledgement) paragraphs.push(acknowledgement);
  }
  if (input.bestArticle && input.category !== 'feature_request') {
    const steps = firstSteps(input.bestArticle.snippet);
    const link = `[${input.bestArticle.title}](/help/${input.bestArticle.slug})`;
    paragraphs.push(steps ? `While you wait, these first steps from our help article ${link} may already help: ${steps}` : `Our help article ${link} covers this and may already help.`);
  }
  const missing: string[] = [];
  if (input.category !== 'feature_request' && (input.topic?.aboutVehicle ?? input.category === 'technical') && !mentionsVehicle.test(input.customerText)) {
    missing.push('which vehicle this is about (make, model and year, or the registration)');
  }
  if (input.category === 'billing' && !mentionsReference.test(input.customerText)) missing.push('the invoice or order number, or the date and amount of the charge');
  if (input.category === 'feature_request') missing.push('how you would use it and what you do today instead');
  if (missing.length) paragraphs.push(`So we can help quickly, please reply with ${missing.join(', and ')}.`);
  if (input.urgency === 'high') paragraphs.push('We have marked your request as urgent, and a technician will get back to you as a priority.');
  paragraphs.push('Kind regards,\nThe Support Team');
  return paragraphs.join('\n\n');
}
