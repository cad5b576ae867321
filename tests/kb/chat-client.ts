// Calls the chat edge function through the gateway and reads its server-sent events as they arrive.
import { sql } from '../support/db.ts';
import { testStack } from '../support/stack.ts';
import type { TestUser } from './support.ts';

export interface SseEvent {
  event: string;
  data: unknown;
}

/** POSTs to chat and reads the event stream as it arrives; notes what the first network read carried. */
export async function chat(user: TestUser, body: Record<string, unknown>): Promise<{ status: number; contentType: string | null; events: SseEvent[]; reads: number; firstRead: string }> {
  const response = await fetch(`${testStack.SUPABASE_URL}/functions/v1/chat`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${user.accessToken}`, apikey: testStack.SUPABASE_ANON_KEY, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const contentType = response.headers.get('content-type');
  if (!contentType?.startsWith('text/event-stream')) return { status: response.status, contentType, events: [{ event: 'body', data: await response.json() }], reads: 0, firstRead: '' };
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const events: SseEvent[] = [];
  let buffer = '';
  let reads = 0;
  let firstRead = '';
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    if (reads++ === 0) firstRead = next.value;
    buffer += next.value;
    let boundary: number;
    while ((boundary = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, boundary);
      buffer = buffer.slice(boundary + 2);
      if (block.startsWith(':')) continue; // an SSE comment
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
      const data = /^data: (.*)$/m.exec(block)?.[1];
      events.push({ event, data: data === undefined ? null : JSON.parse(data) });
    }
  }
  return { status: response.status, contentType, events, reads, firstRead };
}


export interface QuestionToScore {
  question: string;
  /** Slugs that count as the right article. */
  accepted: readonly string[];
}

/**
 * Asks each question in a new conversation in the default area (Customer support), as a new customer would, and
 * counts the answers, those citing an accepted article, and those citing it first. `onCitations` sees each answer's
 * cited slugs (for printing misses of a set that may be looked at).
 */
export async function scoreQuestionsThroughChat(
  customer: TestUser,
  questions: readonly QuestionToScore[],
  onCitations?: (item: QuestionToScore, slugs: string[]) => void,
): Promise<{ answered: number; cited: number; first: number }> {
  let answered = 0;
  let cited = 0;
  let first = 0;
  for (const item of questions) {
    const [row] = await sql`insert into public.conversations (customer_id, solution_area) values (${customer.id}, 'support') returning id`;
    const { events } = await chat(customer, { conversation_id: String(row!.id), message: item.question });
    const done = events.find((event) => event.event === 'done')?.data as { citations: Array<{ slug: string }> } | undefined;
    if (!done) continue;
    answered++;
    const slugs = done.citations.map((citation) => citation.slug);
    if (slugs.some((slug) => item.accepted.includes(slug))) cited++;
    if (slugs[0] !== undefined && item.accepted.includes(slugs[0])) first++;
    onCitations?.(item, slugs);
  }
  return { answered, cited, first };
}
