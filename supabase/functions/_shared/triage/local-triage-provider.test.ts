import assert from 'node:assert/strict';
import { TriageResult } from './triage-schema.ts';
import { bestMatchingArticle, LocalTriageProvider } from './local-triage-provider.ts';
import { sentimentFromAfinn, estimateSentiment } from './sentiment-score.ts';
import { assessUrgency } from './urgency-signals.ts';

const articles = [
  { slug: 'reset-router', title: 'Resetting your router', snippet: 'Hold the reset button for ten seconds.' },
  { slug: 'duplicate-charges', title: 'Why do I see two charges on my card?', snippet: 'A pending authorisation can look like a second charge.' },
];

Deno.test('sentiment mapping: neutral is 5, the ends are reachable, and it is monotonic', () => {
  assert.equal(sentimentFromAfinn(0), 5);
  assert.equal(sentimentFromAfinn(-2), 4);
  assert.equal(sentimentFromAfinn(-6), 2);
  assert.equal(sentimentFromAfinn(-20), 1);
  assert.equal(sentimentFromAfinn(20), 10);
  for (let score = -30; score < 30; score++) assert.ok(sentimentFromAfinn(score) <= sentimentFromAfinn(score + 1));
  assert.ok(estimateSentiment('This is terrible, the worst service, I am furious!').score <= 2);
  assert.ok(estimateSentiment('Thanks, the new dashboard is great and I love it').score >= 8);
});

Deno.test('urgency: severe signals alone are high, soft ones medium, two soft ones high, with reasons', () => {
  const base = { sentimentScore: 5, category: 'technical' as const };
  const cases: Array<[string, string, RegExp]> = [
    ['The site is down for everyone in our company', 'high', /outage/],
    ['I think my account was hacked, there are logins I do not know', 'high', /security/],
    ['You charged me twice for the same invoice', 'high', /double or unwanted charge/],
    ['There was smoke coming from the charger', 'high', /safety/],
    ['The brakes failed right after the service', 'high', /safety/],
    ['I need this fixed today, please', 'medium', /time pressure/],
    ['Please fix this ASAP', 'high', /deadline/],
    ['I cancelled last month but was charged again', 'high', /double or unwanted charge/],
    ['Someone used my account without permission', 'high', /security/],
    ['Steam is coming from the bonnet', 'high', /safety/],
    ['My brake pedal feels spongy and goes to the floor', 'high', /safety \(stop driving: brakes\)/],
    ['If this is not fixed I will file a complaint', 'high', /escalation threat/],
    ['The export is broken', 'medium', /without urgency signals/],
    ['How do I change the language?', 'low', /how-to/],
  ];
  for (const [text, expected, reason] of cases) {
    const assessment = assessUrgency({ ...base, text });
    assert.equal(assessment.urgency, expected, text);
    assert.match(assessment.reasons.join('; '), reason, text);
  }
  assert.equal(assessUrgency({ text: 'Needed for tomorrow, still broken', sentimentScore: 1, category: 'technical' }).urgency, 'high');
  assert.equal(assessUrgency({ text: 'Needed for tomorrow', sentimentScore: 5, category: 'technical' }).urgency, 'medium');
  assert.equal(assessUrgency({ text: 'Please add dark mode', sentimentScore: 6, category: 'feature_request' }).urgency, 'low');
});

Deno.test('best-matching article is chosen by shared terms, none when nothing overlaps', () => {
  assert.equal(bestMatchingArticle('I see two charges on my credit card', articles)?.slug, 'duplicate-charges');
  assert.equal(bestMatchingArticle('router will not reset', articles)?.slug, 'reset-router');
  assert.equal(bestMatchingArticle('Bonjour', articles), undefined);
});

Deno.test('local provider returns a schema-valid result citing the best article, with reasons', async () => {
  const provider = new LocalTriageProvider();
  const result = await provider.triage(
    { subject: 'Charged twice this month', body: 'I see two charges for my subscription on my card. Please refund one today!' },
    { kbArticles: articles },
  );
  TriageResult.parse(result);
  assert.equal(result.provider, 'local');
  assert.equal(result.category, 'billing');
  assert.equal(result.urgency, 'high');
  assert.match(result.reasoning, /double or unwanted charge/);
  assert.match(result.draft_reply, /"Why do I see two charges on my card\?" \(\/help\/duplicate-charges\)/);
  assert.doesNotMatch(result.draft_reply, /reset-router/);
  assert.match(result.draft_reply, /a payment was taken that you did not expect/, 'acknowledges the double charge');
  assert.doesNotMatch(result.draft_reply, /refund(ed)? (will|within)|\bdays\b/i, 'no invented promises');
  const again = await provider.triage(
    { subject: 'Charged twice this month', body: 'I see two charges for my subscription on my card. Please refund one today!' },
    { kbArticles: articles },
  );
  assert.deepEqual({ ...again, latency_ms: 0 }, { ...result, latency_ms: 0 }, 'deterministic');
});

Deno.test('local provider tells the customer not to drive when a safety signal fires', async () => {
  const result = await new LocalTriageProvider().triage({ subject: 'Smoke from the engine', body: 'There was smoke from under the bonnet on the way home.' }, { kbArticles: [] });
  assert.equal(result.urgency, 'high');
  assert.match(result.draft_reply, /please do not drive it until it has been checked/);
});

Deno.test('local provider without KB context drafts a reply without a citation', async () => {
  const result = await new LocalTriageProvider().triage({ subject: 'Dark mode', body: 'It would be great to have a dark mode.' }, { kbArticles: [] });
  assert.equal(result.category, 'feature_request');
  assert.equal(result.urgency, 'low');
  assert.doesNotMatch(result.draft_reply, /\/help\//);
});
