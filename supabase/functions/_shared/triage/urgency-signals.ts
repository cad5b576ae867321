// The explicit, explainable urgency signals: features of the urgency model (urgency-model.ts) and the words quoted
// in the reasoning a technician reads. Severe signals (many people affected, security or fraud, money taken wrongly,
// physical safety, a hard deadline, hardship, a threat to escalate) make a ticket high on their own; softer ones (a
// date mentioned, strong anger) are evidence the trained model weighs. Physical danger is recognised by the one
// safety module the chat's stop-driving advice also uses (decision 0022).
import { recogniseHazard } from '../safety/safety-hazards.ts';

export type UrgencyLevel = 'high' | 'medium' | 'low';

export type UrgencySignalName = 'outage' | 'security' | 'data exposure or corruption' | 'double or unwanted charge' | 'safety' | 'escalation threat' | 'hardship' | 'deadline' | 'time pressure' | 'fury';

interface UrgencySignal {
  name: UrgencySignalName;
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
    name: 'outage',
    severe: true,
    // "none of our 14 drivers can get in", "all our staff are locked out", "every technician is locked out"
    pattern: /\b((none|no one|nobody) of (our|the|my) (\d+ )?\w+ can (get in|log ?in|sign in|access)|(all|every(one)?|each) (of )?(our |the |my )?(\d+ )?(drivers?|staff|employees?|users?|technicians?|people|team|mechanics?)? ?(are |is |got |have been |has been )?locked out)\b/i,
  },
  {
    name: 'security',
    severe: true,
    // "a sign-in from an unknown device", "someone logged in to my account"
    pattern: /\b((sign[- ]?in|log[- ]?in)s? from (an? )?(unknown|strange|different|new|another|foreign) (device|location|country|place|phone|computer)|(someone|somebody) (has )?(signed|logged) (in|into))\b/i,
  },
  {
    name: 'security',
    severe: true,
    // "new sign-in from Lagos": a place, so a capital letter, which is why this one pattern is case-sensitive.
    pattern: /\b([Ss]ign[- ]?in|[Ll]og[- ]?in|SIGN[- ]?IN|LOG[- ]?IN)s? from \p{Lu}\p{Ll}+/u,
  },
  {
    name: 'data exposure or corruption',
    severe: true,
    // "the file has 300 rows of other customers", "details belonging to someone else"
    pattern: /\b((rows|entries|records|details|data|information|info|names) (of|from|about|for|belonging to) (other|another|different) (customers?|people|persons?|users?|drivers)|belonging to (someone|somebody) else)\b/i,
  },
  {
    name: 'hardship',
    severe: true,
    pattern: /\b((made|been made) redundant|lost my job|lost (my|our) (income|job|work)|unemployed|out of work)\b/i,
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

export interface FiredUrgencySignal {
  name: UrgencySignalName;
  severe: boolean;
  /** The customer's words that fired it, lower-cased, for the reasoning a technician reads. */
  quote: string;
}

/** Every explicit signal in the text (first match per name): physical danger first, then the list above. */
export function detectUrgencySignals(text: string): FiredUrgencySignal[] {
  const fired = new Map<UrgencySignalName, FiredUrgencySignal>();
  const hazard = recogniseHazard(text);
  if (hazard) fired.set('safety', { name: 'safety', severe: true, quote: hazard.quote });
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
