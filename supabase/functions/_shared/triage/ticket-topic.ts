// The part or feature a ticket is about, named in the technician's words ("brakes", "the app"), for the one-line
// reasoning. A short hand-written list of stems (Porter2, as `searchTerms` gives them); the first topic named wins.
import { searchTerms } from '../ai/english-text.ts';

const topicsByStem: [topic: string, stems: string[]][] = [
  ['brakes', ['brake', 'pedal', 'pad', 'disc', 'abs']],
  ['engine', ['engin', 'overheat', 'smoke', 'coolant', 'stall']],
  ['battery', ['batteri', 'starter', 'jump']],
  ['tyres', ['tyre', 'tire', 'puncture', 'wheel']],
  ['suspension', ['suspens', 'clunk', 'shock']],
  ['warning light', ['light', 'dashboard']],
  ['account access', ['password', 'login', 'hijack', 'hack']],
  ['the app', ['app', 'websit', 'portal', 'page', 'upload', 'download', 'sync', 'firmwar']],
  ['a charge', ['charg', 'payment', 'refund', 'invoic', 'bill', 'fee']],
  ['a care plan', ['plan', 'subscript', 'renew']],
];
const topicOfStem = new Map(topicsByStem.flatMap(([topic, stems]) => stems.map((stem) => [stem, topic] as const)));

export function ticketTopic(text: string): string | undefined {
  for (const term of searchTerms(text)) {
    const topic = topicOfStem.get(term);
    if (topic) return topic;
  }
  return undefined;
}
