// Follow-up questions read in the light of the previous one. "could it just be the cabin fan?" after "my aircon is
// blowing warm" names neither the aircon nor the problem, so retrieval on its words alone finds the wrong article.
// A question that leans on an earlier turn (a pronoun or "instead"/"also"/"what about", or too few words of its own)
// is searched together with the customer's previous question; a question that stands alone is searched as asked.

/** Words by which a question points back at something said before. */
const leansOnEarlierTurn = /\b(it|its|it's|this|that|these|those|they|them|there|instead|also|else|too|same|again|what about|how about|or is)\b/i;

/** Fewer words than this (after the small ones are dropped) cannot say what the problem is on their own. */
const wordsOfItsOwn = 4;
const smallWords = new Set(['a', 'an', 'the', 'i', 'my', 'me', 'do', 'does', 'is', 'are', 'to', 'of', 'and', 'or', 'can', 'could', 'would', 'should', 'how', 'what', 'why', 'when', 'just', 'be', 'so', 'if', 'for', 'on', 'in', 'with']);

export function isFollowUp(question: string): boolean {
  const ownWords = question.toLowerCase().match(/[a-z0-9']+/g)?.filter((word) => !smallWords.has(word)) ?? [];
  return leansOnEarlierTurn.test(question) || ownWords.length < wordsOfItsOwn;
}

/** What retrieval searches for: the question, preceded by the previous customer question when it is a follow-up. */
export function retrievalQuery(question: string, previousQuestion: string | null): string {
  return previousQuestion && isFollowUp(question) ? `${previousQuestion}\n${question}` : question;
}
