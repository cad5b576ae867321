// The caught messages, kept in memory as the Supabase CLI's Mailpit keeps them for a session: the stack is
// throw-away, so a restart starting with an empty inbox is what a developer expects.
import { randomBytes } from 'node:crypto';
import type { AddressObject, ParsedMail } from 'mailparser';

export interface MailAddress {
  Name: string;
  Address: string;
}

/** One caught message, with the fields Mailpit's API names (PascalCase, as Mailpit sends them). */
export interface CaughtMessage {
  ID: string;
  MessageID: string;
  From: MailAddress;
  To: MailAddress[];
  Cc: MailAddress[];
  /** Envelope recipients not named in To or Cc. */
  Bcc: MailAddress[];
  ReplyTo: MailAddress[];
  Subject: string;
  Date: string;
  Created: string;
  Text: string;
  HTML: string;
  Size: number;
  Read: boolean;
  InReplyTo: string;
  References: string[];
  Attachments: Array<{ PartID: string; FileName: string; ContentType: string; Size: number }>;
}

/** The summary Mailpit lists in `GET /api/v1/messages` and `GET /api/v1/search`. */
export type MessageSummary = Omit<CaughtMessage, 'Text' | 'HTML' | 'Date' | 'InReplyTo' | 'References'> & {
  Snippet: string;
  Tags: string[];
};

/** Enough for a local inbox; the oldest go first so a long `npm start` does not grow without bound. */
const MAX_MESSAGES = 1000;

function addresses(value: AddressObject | AddressObject[] | undefined): MailAddress[] {
  const objects = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return objects.flatMap((object) => object.value).map((entry) => ({ Name: entry.name ?? '', Address: (entry.address ?? '').toLowerCase() }));
}

// Mailpit's IDs are short random strings; any unique, URL-safe string will do.
const newId = () => randomBytes(12).toString('base64url');

export function createMessageStore() {
  const messages: CaughtMessage[] = [];

  return {
    add(parsed: ParsedMail, envelope: { from: string; to: string[] }, size: number): CaughtMessage {
      const to = addresses(parsed.to);
      const cc = addresses(parsed.cc);
      const named = new Set([...to, ...cc].map((address) => address.Address));
      const from = addresses(parsed.from)[0] ?? { Name: '', Address: envelope.from.toLowerCase() };
      const message: CaughtMessage = {
        ID: newId(),
        MessageID: (parsed.messageId ?? '').replace(/^<|>$/g, ''),
        From: from,
        To: to,
        Cc: cc,
        Bcc: envelope.to.filter((address) => !named.has(address.toLowerCase())).map((address) => ({ Name: '', Address: address.toLowerCase() })),
        ReplyTo: addresses(parsed.replyTo),
        Subject: parsed.subject ?? '',
        Date: (parsed.date ?? new Date()).toISOString(),
        Created: new Date().toISOString(),
        Text: parsed.text ?? '',
        HTML: typeof parsed.html === 'string' ? parsed.html : '',
        Size: size,
        Read: false,
        InReplyTo: (parsed.inReplyTo ?? '').replace(/^<|>$/g, ''),
        References: (Array.isArray(parsed.references) ? parsed.references : parsed.references ? [parsed.references] : []).map((id) => id.replace(/^<|>$/g, '')),
        Attachments: parsed.attachments.map((attachment, index) => ({
          PartID: String(index + 1),
          FileName: attachment.filename ?? '',
          ContentType: attachment.contentType,
          Size: attachment.size,
        })),
      };
      messages.push(message);
      if (messages.length > MAX_MESSAGES) messages.splice(0, messages.length - MAX_MESSAGES);
      return message;
    },

    /** Newest first, as Mailpit lists them. */
    list(): CaughtMessage[] {
      return [...messages].reverse();
    },

    find(id: string): CaughtMessage | undefined {
      // Mailpit accepts "latest" for the newest message.
      return id === 'latest' ? messages[messages.length - 1] : messages.find((message) => message.ID === id);
    },

    /** Deletes the given messages, or every message when no IDs are given; returns how many went. */
    remove(ids?: string[]): number {
      if (!ids || ids.length === 0) {
        const count = messages.length;
        messages.length = 0;
        return count;
      }
      const wanted = new Set(ids);
      const before = messages.length;
      for (let index = messages.length - 1; index >= 0; index--) if (wanted.has(messages[index]!.ID)) messages.splice(index, 1);
      return before - messages.length;
    },
  };
}

export type MessageStore = ReturnType<typeof createMessageStore>;

export function summarise(message: CaughtMessage): MessageSummary {
  const { Text, HTML: _html, Date: _date, InReplyTo: _inReplyTo, References: _references, ...rest } = message;
  return { ...rest, Snippet: Text.replace(/\s+/g, ' ').trim().slice(0, 250), Tags: [] };
}

/**
 * Mailpit's search syntax, the part a test or a developer uses: space-separated terms, each `to:`, `from:`,
 * `subject:` or a plain word (searched in the addresses, subject and text), quotes around a value with spaces.
 * Every term must match.
 */
export function matchesQuery(message: CaughtMessage, query: string): boolean {
  const terms = [...query.matchAll(/(\w+:)?(?:"([^"]*)"|(\S+))/g)].map((match) => ({
    field: match[1]?.slice(0, -1).toLowerCase(),
    value: (match[2] ?? match[3] ?? '').toLowerCase(),
  }));
  const addressText = (list: MailAddress[]) => list.map((address) => `${address.Name} <${address.Address}>`.toLowerCase()).join(' ');
  return terms.every(({ field, value }) => {
    if (field === 'to') return addressText([...message.To, ...message.Cc, ...message.Bcc]).includes(value);
    if (field === 'from') return addressText([message.From]).includes(value);
    if (field === 'subject') return message.Subject.toLowerCase().includes(value);
    const everything = [addressText([message.From, ...message.To, ...message.Cc]), message.Subject, message.Text].join(' ').toLowerCase();
    return everything.includes(field ? `${field}:${value}` : value);
  });
}
