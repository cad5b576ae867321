// The part or feature a ticket is about, named in the technician's words ("brakes", "the app"), for the one-line
// reasoning. A short hand-written list of stems (Porter2, as `searchTerms` gives them); the first topic named wins.
import { searchTerms } from '../ai/english-text.ts';

export interface TicketTopic {
  /** For the technician: "brakes". */
  name: string;
  /** For the customer's reply: "your brakes". */
  inReply: string;
  /** Whether knowing the vehicle (make, model, registration or VIN) helps. */
  aboutVehicle: boolean;
}

const topicsByStem: [TicketTopic, string[]][] = [
  [{ name: 'brakes', inReply: 'your brakes', aboutVehicle: true }, ['brake', 'pedal', 'pad', 'disc', 'abs']],
  [{ name: 'engine', inReply: 'your engine', aboutVehicle: true }, ['engin', 'overheat', 'smoke', 'coolant', 'stall', 'bonnet', 'hood']],
  [{ name: 'battery', inReply: 'your battery', aboutVehicle: true }, ['batteri', 'starter', 'jump']],
  [{ name: 'tyres', inReply: 'your tyres', aboutVehicle: true }, ['tyre', 'tire', 'punctur', 'wheel']],
  [{ name: 'suspension', inReply: 'your suspension', aboutVehicle: true }, ['suspens', 'clunk', 'shock']],
  [{ name: 'warning light', inReply: 'the warning light on your dashboard', aboutVehicle: true }, ['light', 'dashboard']],
  [{ name: 'account access', inReply: 'access to your account', aboutVehicle: false }, ['password', 'login', 'hijack', 'hack']],
  [{ name: 'the app', inReply: 'our app', aboutVehicle: false }, ['app', 'websit', 'portal', 'page', 'upload', 'download', 'sync', 'firmwar']],
  [{ name: 'a charge', inReply: 'a charge on your account', aboutVehicle: false }, ['charg', 'payment', 'refund', 'invoic', 'bill', 'fee']],
  [{ name: 'a care plan', inReply: 'your care plan', aboutVehicle: false }, ['plan', 'subscript', 'renew']],
];
const topicOfStem = new Map(topicsByStem.flatMap(([topic, stems]) => stems.map((stem) => [stem, topic] as const)));

export function ticketTopic(text: string): TicketTopic | undefined {
  for (const term of searchTerms(text)) {
    const topic = topicOfStem.get(term);
    if (topic) return topic;
  }
  return undefined;
}
