// The local provider's draft reply: polite, addresses the issue by category, cites the best-matching KB article
// from the context, and states nothing we do not know (no refund promises, no time frames, no diagnoses).
import type { UrgencyLevel } from './urgency-signals.ts';
import type { KbArticleForTriage, TicketCategory } from './triage-schema.ts';

const openingByCategory: Record<TicketCategory, string> = {
  billing: 'Thank you for contacting us about your billing question. I understand how important it is that charges on your account are correct, and we are reviewing your account now.',
  technical: 'Thank you for reporting this problem, and I am sorry for the trouble it is causing. Our technical team is looking into it.',
  feature_request: 'Thank you for taking the time to share this idea with us. I have passed your suggestion on to our product team, who review every request.',
};

const nextStepByCategory: Record<TicketCategory, string> = {
  billing: 'If you can, please reply with the invoice number or the date and amount of the charge in question, so we can check it quickly.',
  technical: 'If you can, please reply with any error message you see, when the problem started, and the steps that lead to it, so we can reproduce it.',
  feature_request: 'If you can, please tell us a little more about how you would use it and what you do today instead; that helps the team judge it.',
};

export function composeDraftReply(input: {
  subject: string;
  category: TicketCategory;
  urgency: UrgencyLevel;
  bestArticle?: KbArticleForTriage;
}): string {
  const subject = input.subject.trim().replace(/\s+/g, ' ').slice(0, 120);
  const paragraphs = ['Hello,', `${subject ? `Re: "${subject}". ` : ''}${openingByCategory[input.category]}`];
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
