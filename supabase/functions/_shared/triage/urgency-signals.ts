// Urgency from explicit, explainable signals. Each signal that fires is reported in the triage reasoning so a
// technician sees why a ticket jumped the queue. Severe signals (many people affected, security or fraud, money
// taken wrongly, physical safety, a hard deadline, hardship, a threat to escalate) make a ticket high on their
// own; softer ones (a date mentioned, strong anger) make it medium, and two of them together make it high.
import { stopDrivingAdvice } from '../safety/stop-driving.ts';
import type { TicketCategory } from './triage-schema.ts';

export type UrgencyLevel = 'high' | 'medium' | 'low';

interface UrgencySignal {
  name: 'outage' | 'security' | 'data exposure or corruption' | 'double or unwanted charge' | 'safety' | 'escalation threat' | 'hardship' | 'deadline' | 'time pressure' | 'fury';
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
    name: 'outage',
    severe: true,
    pattern: /\b((assembly |production )?line (has )?(stopped|halted)|(plant|bays?|production|workshop|everything) (is |are )?(stopped|halted|at a standstill)|stopped (our|the) (assembly |production )?(line|production|work)|nothing is moving|cannot (take|sell|serve) any)\b/i,
  },
  {
    name: 'security',
    severe: true,
    pattern: /\b((lock|freeze) (it|my account|the account)|password (was |got |has been )?changed|(login|password|account) (was |got )?stolen|hijack(ed)?|somebody else is in my account)\b/i,
  },
  {
    name: 'data exposure or corruption',
    severe: true,
    pattern: /\b((other|another) (people|customers?|person)'?s?'? (names?|records?|data|details|invoices|addresses|documents)|customers i do not know|leak(ing|ed)? (data|records)|privacy (problem|issue|breach)|corrupt(ed|ion)?|(records?|data|inventory) (is |are |was |were )?(wiped|deleted|lost|gone))\b/i,
  },
  {
    name: 'double or unwanted charge',
    severe: true,
    pattern: /\b(charg(ed|ing) (me )?(again and again|over and over|\w+ times)|(\d+|many|multiple|several|nine|ten|eleven|dozens of) (charges|payments|transactions)|identical payments)\b/i,
  },
  {
    name: 'safety',
    severe: true,
    pattern: /\b(pedal (goes|went|sinks|drops) to the floor|(pedal|brakes?) (feels? |is |are )?(spongy|soft|sinks)|barely stops|could get hurt|safety (check|step|problem|issue)|torque check)\b/i,
  },
  {
    name: 'hardship',
    severe: true,
    pattern: /\b(on benefits|pensioner|nothing left|rent (is |comes out|goes out|due))\b/i,
  },
  {
    name: 'fury',
    severe: false,
    pattern: /\b(livid|furious|outrageous|unacceptable|fed up|disgusted|ridiculous|sort (this|it) out|worst)\b/i,
  },
  {
    name: 'security',
    severe: true,
    pattern: /\b(hack(ed|er|ers)?|breach(ed)?|compromised|unauthori[sz]ed|fraud(ulent)?|phishing|stolen|account takeover|someone else (logged|is using)|without (my )?permission|(did not|didn't|never) (authori[sz]e|make|order|visit)|(do not|don't) recogni[sz]e|security (issue|incident|hole|vulnerability)|data leak)\b/i,
  },
  {
    name: 'double or unwanted charge',
    severe: true,
    pattern: /\b(charged (me )?(twice|two times|double|three times)|double[- ]charged?|duplicate (charge|payment|transaction)s?|billed (me )?twice|two (identical )?charges|paid twice|(still|again) (being )?(charged|billed|paying)|charged (me )?after (i )?cancel(l?ed|l?ing)?|cancel(l?ed)? [^.]{0,60}\b(but|and|yet) [^.]{0,40}\b(charged|taken|billed|came out))\b/i,
  },
  {
    name: 'safety',
    severe: true,
    pattern: /\b(brakes? (failed|failure|fail|not working|gave out)|smoke|smoking|fire|flames?|airbags?|fuel leak|gas leak|overheat(ing|ed)?|steam|in the red|injur(y|ed|ies)|unsafe|not safe|dangerous|sparks?|electric shock|burning smell|stranded|(steering|accelerator) (locked|stuck))\b/i,
  },
  {
    name: 'escalation threat',
    severe: true,
    pattern: /\b(chargeback|dispute (it |this |the charge )?with my bank|file a complaint|lawyer|solicitor|legal action|trading standards|small claims|cancel (my|our) (contract|account) (with you|if))\b/i,
  },
  {
    name: 'hardship',
    severe: true,
    pattern: /\b(unable to pay|can(no|')t afford|overdrawn|no money (left|for)|cannot get to work|can't get to work|need (the|my) car for work)\b/i,
  },
  {
    name: 'deadline',
    severe: true,
    pattern: /\b(urgent(ly)?|asap|as soon as possible|immediately|right now|tonight|by tomorrow|within (the|an|24|48|\d+) hours?|emergency|time[- ]sensitive)\b/i,
  },
  { name: 'deadline', severe: true, pattern: /\b(NOW)\b/ }, // shouted, not the everyday "now"
  {
    name: 'time pressure',
    severe: false,
    pattern: /\b(today|tomorrow|deadline|critical|this week|before (the weekend|monday|friday))\b/i,
  },
];

/** AFINN-based sentiment at or below this (1-10 scale) counts as a soft urgency signal. */
export const strongNegativeSentimentThreshold = 2;

const questionOnly = /^\s*(how (do|can|would)|can (i|we|you)|is (it|there)|would it be possible|do you (support|offer|have))\b/i;

export interface UrgencyAssessment {
  urgency: UrgencyLevel;
  /** Human-readable reasons, e.g. `safety ("smoke")`. */
  reasons: string[];
  /** Names of the explicit signals that fired, e.g. ['safety'], for replies that acknowledge them. */
  signals: UrgencySignalName[];
}

export type UrgencySignalName = (typeof urgencySignals)[number]['name'];

export interface FiredUrgencySignal {
  name: UrgencySignalName;
  severe: boolean;
  /** The customer's words that fired it, lower-cased, for the reasoning a technician reads. */
  quote: string;
}

/** Every explicit signal in the text (first match per name), in the order of the list above. */
export function detectUrgencySignals(text: string): FiredUrgencySignal[] {
  const fired = new Map<UrgencySignalName, FiredUrgencySignal>();
  for (const signal of urgencySignals) {
    if (fired.has(signal.name)) continue;
    const match = text.match(signal.pattern);
    if (match) fired.set(signal.name, { name: signal.name, severe: signal.severe, quote: match[0].toLowerCase() });
  }
  return [...fired.values()];
}

/** Whether the ticket opens as a plain how-to question. */
export function isPlainQuestion(text: string): boolean {
  return questionOnly.test(text);
}

export function assessUrgency(input: { text: string; sentimentScore: number; category: TicketCategory }): UrgencyAssessment {
  const reasons: string[] = [];
  let severe = 0;
  let soft = 0;
  const fired = new Set<UrgencySignalName>();
  for (const signal of urgencySignals) {
    const match = input.text.match(signal.pattern);
    if (!match || fired.has(signal.name)) continue;
    fired.add(signal.name);
    reasons.push(`${signal.name} ("${match[0].toLowerCase()}")`);
    if (signal.severe) severe++;
    else soft++;
  }
  // What the chat treats as "stop driving now" (a spongy pedal, a fuel smell, a red oil light) is a safety signal here
  // too, so the ticket such a chat opens is triaged high and follows the high-urgency SLA.
  const stopDriving = fired.has('safety') ? null : stopDrivingAdvice(input.text);
  if (stopDriving) {
    fired.add('safety');
    reasons.push(`safety (stop driving: ${stopDriving.kind.replaceAll('_', ' ')})`);
    severe++;
  }
  if (input.sentimentScore <= strongNegativeSentimentThreshold) {
    reasons.push(`strong negative sentiment (${input.sentimentScore}/10)`);
    soft++;
  }
  const signals = [...fired];
  if (severe > 0 || soft >= 2) return { urgency: 'high', reasons, signals };
  if (soft === 1) return { urgency: 'medium', reasons, signals };
  if (input.category === 'feature_request') return { urgency: 'low', reasons: ['feature request without urgency signals'], signals };
  if (questionOnly.test(input.text)) return { urgency: 'low', reasons: ['a how-to question without urgency signals'], signals };
  return { urgency: 'medium', reasons: ['a problem report without urgency signals'], signals };
}
