// Calls the chat edge function through the gateway and reads its server-sent events as they arrive.
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

