import assert from 'node:assert/strict';
import { TriageResult } from './triage-schema.ts';
import { bestMatchingArticle, LocalTriageProvider } from './local-triage-provider.ts';
import { sentimentFromAfinn, estimateSentiment } from './sentiment-score.ts';
import { detectUrgencySignals } from './urgency-signals.ts';
import { customerOwnWords } from './customer-words.ts';

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

Deno.test('urgency signals: each fires on its wording, severe ones are marked severe, soft ones are not', () => {
  const cases: Array<[string, string, boolean]> = [
    ['The site is down for everyone in our company', 'outage', true],
    ['I think my account was hacked, there are logins I do not know', 'security', true],
    ['You charged me twice for the same invoice', 'double or unwanted charge', true],
    ['There was smoke coming from the charger', 'safety', true],
    ['The brakes failed right after the service', 'safety', true],
    ['Steam is coming from the bonnet', 'safety', true],
    ['My brake pedal feels spongy and goes to the floor', 'safety', true],
    ['Someone used my account without permission', 'security', true],
    ['The app shows other customers\' addresses', 'data exposure or corruption', true],
    ['I am on benefits and that was all my money', 'hardship', true],
    ['Please fix this ASAP', 'deadline', true],
    ['I cancelled last month but was charged again', 'double or unwanted charge', true],
    ['If this is not fixed I will file a complaint', 'escalation threat', true],
    ['I am stranded at the roadside', 'safety', true],
    // Paraphrases the patterns missed on the dev set (issue 15), in fresh words.
    ['None of our 9 mechanics can sign in, the workshop portal refuses them', 'outage', true],
    ['Every driver is locked out since the update', 'outage', true],
    ['I got a warning about a sign-in from Manila, that was not me', 'security', true],
    ['The PDF lists names of other customers next to mine', 'data exposure or corruption', true],
    ['I was made redundant in May and the payment bounced', 'hardship', true],
    ['There is a whiff of diesel every time I open the door', 'safety', true],
    ['Two wheel bolts were loose when I checked after your tyre fitting', 'safety', true],
    ['It rolled back down the drive even in park', 'safety', true],
    // Evidence the model weighs, not an emergency on its own.
    ['I need this fixed today, please', 'time pressure', false],
    ['This is ridiculous', 'fury', false],
  ];
  for (const [text, name, severe] of cases) {
    const signal = detectUrgencySignals(text).find((fired) => fired.name === name);
    assert.ok(signal, `${name} fires on: ${text}`);
    assert.equal(signal.severe, severe, text);
  }
  assert.deepEqual(detectUrgencySignals('The export is broken'), []);
  // Everyday wording near the new patterns stays quiet.
  for (const text of ['How do other customers usually pay?', 'Can I log in from my tablet too?', 'I parked it in bay 4 for collection']) {
    assert.deepEqual(detectUrgencySignals(text).filter((signal) => signal.severe), [], text);
  }
  assert.deepEqual(detectUrgencySignals('There is no smoke and it is no longer overheating, just a rattle'), [], 'denied hazards do not fire');
});

Deno.test('urgency model: emergencies are high, a plain question and an idea are low', async () => {
  const provider = new LocalTriageProvider();
  const urgencyOf = async (subject: string, body: string) => (await provider.triage({ subject, body }, { kbArticles: [] })).urgency;
  assert.equal(await urgencyOf('brakes', 'My brake pedal feels spongy and goes to the floor'), 'high');
  assert.equal(await urgencyOf('locked out', 'Someone changed my password and is in my account, lock it now'), 'high');
  assert.equal(await urgencyOf('question', 'How do I change the language of the app?'), 'low');
  assert.equal(await urgencyOf('idea', 'Please add a dark mode to the app'), 'low');
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
  assert.match(result.draft_reply, /first steps from our help article \[Why do I see two charges on my card\?\]\(\/help\/duplicate-charges\) may already help: A pending authorisation can look like a second charge\./);
  assert.match(result.draft_reply, /about a charge on your account/, 'names the problem');
  assert.match(result.draft_reply, /please reply with the invoice or order number/, 'asks for the missing reference');
  assert.doesNotMatch(result.draft_reply, /Charged twice this month/, 'does not quote the subject back');
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

const handOffTranscript = [
  'Customer: my brake pedal goes to the floor, this is dangerous and I am really upset',
  'Assistant: I am sorry to hear that! Happy to help. Would you like to join our loyalty programme? We like to help.',
  'Customer: I want a person',
].join('\n\n');

Deno.test("customerOwnWords keeps the customer's blocks of a hand-off transcript and leaves other bodies alone", () => {
  assert.equal(customerOwnWords(handOffTranscript), 'my brake pedal goes to the floor, this is dangerous and I am really upset\n\nI want a person');
  assert.equal(customerOwnWords('Plain ticket.\n\nAssistant-like words inside: fine.'), 'Plain ticket.\n\nAssistant-like words inside: fine.');
  assert.equal(customerOwnWords('Customer: first\n\nsecond paragraph\n\nSystem: Handed to a technician.'), 'first\n\nsecond paragraph');
});

Deno.test("sentiment of a hand-off reads the customer's words only: 'dangerous and really upset' is clearly negative", async () => {
  const result = await new LocalTriageProvider().triage({ subject: 'Help requested in chat', body: handOffTranscript }, { kbArticles: [] });
  assert.ok(result.sentiment_score <= 3, `sentiment ${result.sentiment_score}`);
  const customerOnly = await new LocalTriageProvider().triage({ subject: 'Help requested in chat', body: customerOwnWords(handOffTranscript) }, { kbArticles: [] });
  assert.equal(result.sentiment_score, customerOnly.sentiment_score, 'the assistant lines change nothing');
  assert.doesNotMatch(result.model_details ?? '', /positive: .*(help|join|like)/);
});

Deno.test('reasoning is one plain sentence for a technician; model details and the stamped version stay apart', async () => {
  const provider = new LocalTriageProvider();
  const result = await provider.triage({ subject: 'Brakes', body: 'The brake pedal goes to the floor when I stop.' }, { kbArticles: [] });
  assert.equal(result.reasoning, "High: safety — 'brake pedal goes to the floor'. Technical: brakes.");
  assert.match(result.model, /^local-triage-v2-[0-9a-f]{8}$/);
  assert.equal(result.model, provider.modelVersion);
  assert.match(result.model_details ?? '', /naive Bayes.*P\(high\)/);
  assert.doesNotMatch(result.reasoning, /naive|Bayes|AFINN|evidence/);
  const question = await provider.triage({ subject: 'Which cards do you take', body: 'Can I pay with Amex?' }, { kbArticles: [] });
  assert.equal(question.urgency, 'low');
  assert.match(question.reasoning, /^Low: no sign of an emergency/);
});

Deno.test('draft reply: the retrieval\'s best article (not a re-ranked one), its first steps, and a question for the vehicle', async () => {
  const brakeArticles = [
    { slug: 'spongy-brake-pedal', title: 'Spongy or sinking brake pedal', snippet: 'Do not drive the car. Check the brake fluid level in the reservoir. Book an inspection.' },
    { slug: 'brake-squeal', title: 'Brakes squeal or squeak', snippet: 'Squealing brakes at low speed usually mean worn pads. Brake squeal brake noise brake pads brake discs.' },
  ];
  const result = await new LocalTriageProvider().triage({ subject: 'pedal', body: 'My brake pedal feels spongy and sinks.' }, { kbArticles: brakeArticles });
  assert.match(result.draft_reply, /\[Spongy or sinking brake pedal\]\(\/help\/spongy-brake-pedal\)/);
  assert.doesNotMatch(result.draft_reply, /brake-squeal/);
  assert.match(result.draft_reply, /Do not drive the car\. Check the brake fluid level in the reservoir\./);
  assert.match(result.draft_reply, /about your brakes/);
  assert.match(result.draft_reply, /which vehicle this is about/);
  const withVehicle = await new LocalTriageProvider().triage({ subject: 'pedal', body: 'My 2018 Corolla brake pedal feels spongy.' }, { kbArticles: brakeArticles });
  assert.doesNotMatch(withVehicle.draft_reply, /which vehicle/);
});
