// Reading the mail the stack sent, through the catcher's Mailpit API only (never its internals), as a test
// against the Supabase CLI's Mailpit would.
import { z } from 'zod';
import { testStack } from './stack.ts';

const addressSchema = z.object({ Name: z.string(), Address: z.string() });
const summarySchema = z.object({ ID: z.string(), Subject: z.string(), To: z.array(addressSchema), Created: z.string() });
const listSchema = z.object({ total: z.number(), messages_count: z.number(), messages: z.array(summarySchema) });
const messageSchema = summarySchema.extend({ From: addressSchema, HTML: z.string(), Text: z.string() });

export type CaughtMail = z.infer<typeof messageSchema>;

async function api(path: string, init?: RequestInit): Promise<Response> {
  const response = await fetch(new URL(path, testStack.MAILPIT_URL), init);
  if (!response.ok) throw new Error(`${init?.method ?? 'GET'} ${path}: ${response.status} ${await response.text()}`);
  return response;
}

export async function searchMail(query: string) {
  return listSchema.parse(await (await api(`/api/v1/search?query=${encodeURIComponent(query)}`)).json());
}

export async function readMail(id: string): Promise<CaughtMail> {
  return messageSchema.parse(await (await api(`/api/v1/message/${encodeURIComponent(id)}`)).json());
}

/**
 * The newest mail to `address` (each test uses addresses of its own), polled for until `count` have arrived:
 * delivery is asynchronous on a real stack, so a test waits for the condition instead of a fixed time.
 */
export async function waitForMail(address: string, options: { count?: number; timeoutMs?: number } = {}): Promise<CaughtMail> {
  const count = options.count ?? 1;
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    const found = await searchMail(`to:${address}`);
    const newest = found.messages[0];
    if (found.messages_count >= count && newest) return readMail(newest.ID);
    if (Date.now() > deadline) throw new Error(`no mail #${count} to ${address} arrived (found ${found.messages_count})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The first link in a mail's HTML whose URL contains `fragment`, with HTML entities in it decoded. */
export function linkIn(mail: CaughtMail, fragment: string): URL {
  for (const match of mail.HTML.matchAll(/href="([^"]+)"/g)) {
    const href = (match[1] ?? '').replace(/&amp;/g, '&');
    if (href.includes(fragment)) return new URL(href);
  }
  throw new Error(`no link containing ${fragment} in "${mail.Subject}"`);
}
