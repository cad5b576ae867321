// The local provider's draft reply: polite, addresses the issue by category, cites the best-matching KB article
// from the context, and states nothing we do not know (no refund promises, no time frames, no diagnoses).
import type { UrgencyLevel, UrgencySignalName } from './urgency-signals.ts';
import type { KbArticleForTriage, TicketCategory } from './triage-schema.ts';

const openingByCategory: Record<TicketCategory, string> = {
  billing: 'Thank you for contacting us about your billing question. I understand how important it is that charges on your account are correct, and we will review your account.',
  technical: 'Thank you for reporting this problem, and I am sorry for the trouble it is causing. Our technical team will look into it.',
  feature_request: 'Thank you for taking the time to share this idea with us. I have passed your suggestion on to our product team, who review every request.',
};

const nextStepByCategory: Record<TicketCategory, string> = {
  billing: 'If you can, please reply with the invoice number or the date and amount of the charge in question, so we can check it quickly.',
  technical: 'If you can, please reply with any warning light or error message you see, when the problem started and what was happening at the time, so we can narrow it down.',
  feature_request: 'If you can, please tell us a little more about how you would use it and what you do today instead; that helps the team judge it.',
};

// What the customer told us that needs a direct answer, in words that promise nothing we cannot know.
const acknowledgementBySignal: Partial<Record<UrgencySignalName, string>> = {
  safety: 'Your safety comes first: if the vehicle shows any sign of a safety problem, please do not drive it until it has been checked.',
  security: 'If you think someone else may have access to your account, please change your password now; we will check the account activity with you.',
  'double or unwanted charge': 'I understand a payment was taken that you did not expect; we will check every charge in question against your account.',
  outage: 'I understand this is stopping you and others from working, and we are treating it with priority.',
  hardship: 'I am sorry this is putting you in a difficult position; we will deal with it as quickly as we can.',
};

export function composeDraftReply(input: {
  subject: string;
  category: TicketCategory;
  urgency: UrgencyLevel;
  signals?: readonly UrgencySignalName[];
  bestArticle?: KbArticleForTriage;
}): string {
  const subject = input.subject.trim().replace(/\s+/g, ' ').slice(0, 120);
  const paragraphs = ['Hello,', `${subject ? `Re: "${subject}". ` : ''}${openingByCategory[input.category]}`];
  for (const signal of input.signals ?? []) {
    const acknowledgement = acknowledgementBySignal[signal];
    if (acknowledgement) paragraphs.push(acknowledgement);
  }
  if (input.bestArticle) {
    paragraphs.push(
      `Our help article "${input.bestArticle.title}" (/help/${input.bestArticle.slug}) covers this topic and may help you right away.`,
    );
  }
  paragraphs.push(nextStepByCategory[input.category]);
  if (input.urgency === 'high') paragraphs.push('We have marked your request as urgent, and a technician will get back to you as a priority.');
  paragraphs.push('Kind regards,\nThe Support Team');
  return paragraphs.join('\n\n');
}
