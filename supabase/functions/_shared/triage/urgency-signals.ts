// Urgency from explicit, explainable signals. Each signal that fires is reported in the triage reasoning so a
// technician sees why a ticket jumped the queue. Severe signals (many people affected, security, money taken
// wrongly, physical safety) make a ticket high on their own; softer ones (deadlines, strong anger) make it
// medium, and two of them together make it high.
import type { TicketCategory } from './triage-schema.ts';

export type UrgencyLevel = 'high' | 'medium' | 'low';

interface UrgencySignal {
  name: string;
  severe: boolean;
  pattern: RegExp;
}

const urgencySignals: UrgencySignal[] = [
  {
    name: 'outage',
    severe: true,
    pattern: /\b(outage|down for (everyone|everybody|all( of)? (us|users|customers))|(site|service|system|app|platform|server|website|api|production|checkout|line)s? (is |are |went |has gone )?(down|offline)|nobody can (log ?in|access|use)|no one can (log ?in|access|use)|all (our |of our )?(users|machines|lines|stores) (are |is )?(down|affected|offline))\b/i,
  },
  {
    name: 'security',
    severe: true,
    pattern: /\b(hack(ed|er|ers)?|breach(ed)?|compromised|unauthori[sz]ed|fraud(ulent)?|phishing|stolen|account takeover|someone else (logged|is using)|security (issue|incident|hole|vulnerability)|data leak)\b/i,
  },
  {
    name: 'double charge',
    severe: true,
    pattern: /\b(charged (me )?(twice|two times|double|three times)|double[- ]charged?|duplicate (charge|payment|transaction)s?|billed (me )?twice|two (identical )?charges|paid twice)\b/i,
  },
  {
    name: 'safety',
    severe: true,
    pattern: /\b(brakes? (failed|failure|fail|not working|gave out)|smoke|smoking|fire|flames?|airbags?|fuel leak|gas leak|overheat(ing|ed)?|injur(y|ed|ies)|unsafe|sparks?|electric shock|burning smell)\b/i,
  },
  {
    name: 'deadline',
    severe: false,
    pattern: /\b(urgent(ly)?|asap|as soon as possible|immediately|today|tonight|deadline|right now|by tomorrow|within the hour|emergency|critical|time[- ]sensitive)\b/i,
  },
];

/** AFINN-based sentiment at or below this (1-10 scale) counts as a soft urgency signal. */
export const strongNegativeSentimentThreshold = 2;

const questionOnly = /^\s*(how (do|can|would)|can (i|we|you)|is (it|there)|would it be possible|do you (support|offer|have))\b/i;

export interface UrgencyAssessment {
  urgency: UrgencyLevel;
  /** Human-readable reasons, e.g. `safety ("smoke")`. */
  reasons: string[];
}

export function assessUrgency(input: { text: string; sentimentScore: number; category: TicketCategory }): UrgencyAssessment {
  const reasons: string[] = [];
  let severe = 0;
  let soft = 0;
  for (const signal of urgencySignals) {
    const match = input.text.match(signal.pattern);
    if (!match) continue;
    reasons.push(`${signal.name} ("${match[0].toLowerCase()}")`);
    if (signal.severe) severe++;
    else soft++;
  }
  if (input.sentimentScore <= strongNegativeSentimentThreshold) {
    reasons.push(`strong negative sentiment (${input.sentimentScore}/10)`);
    soft++;
  }
  if (severe > 0 || soft >= 2) return { urgency: 'high', reasons };
  if (soft === 1) return { urgency: 'medium', reasons };
  if (input.category === 'feature_request') return { urgency: 'low', reasons: ['feature request without urgency signals'] };
  if (questionOnly.test(input.text)) return { urgency: 'low', reasons: ['a how-to question without urgency signals'] };
  return { urgency: 'medium', reasons: ['a problem report without urgency signals'] };
}
