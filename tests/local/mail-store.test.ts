// The catcher's store and search on their own (no SMTP): deleting everything, and Mailpit's search terms.
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { createMessageStore, matchesQuery } from '../../local/services/mail/store.ts';

async function parsed(raw: string) {
  return simpleParser(raw.replace(/\n/g, '\r\n'));
}

describe('mail catcher store', () => {
  it('deletes every message when no IDs are given, as DELETE /api/v1/messages does', async () => {
    const store = createMessageStore();
    const mail = await parsed('From: a@example.com\nTo: b@example.com\nSubject: One\n\nHello\n');
    store.add(mail, { from: 'a@example.com', to: ['b@example.com'] }, 60);
    store.add(mail, { from: 'a@example.com', to: ['b@example.com'] }, 60);
    expect(store.list()).toHaveLength(2);
    expect(store.remove()).toBe(2);
    expect(store.list()).toHaveLength(0);
    expect(store.find('latest')).toBeUndefined();
  });

  it("matches Mailpit's search terms: to:, from:, subject:, quoted values, plain words, all of them", async () => {
    const store = createMessageStore();
    const message = store.add(
      await parsed('From: Ada <ada@example.com>\nTo: Bob <bob@example.com>\nSubject: Brake noise again\n\nThe pads squeal.\n'),
      { from: 'ada@example.com', to: ['bob@example.com', 'hidden@example.com'] },
      90,
    );
    expect(message.Bcc).toEqual([{ Name: '', Address: 'hidden@example.com' }]);
    expect(matchesQuery(message, 'to:bob@example.com')).toBe(true);
    expect(matchesQuery(message, 'to:hidden@example.com')).toBe(true);
    expect(matchesQuery(message, 'to:ada@example.com')).toBe(false);
    expect(matchesQuery(message, 'from:ada@example.com subject:"brake noise"')).toBe(true);
    expect(matchesQuery(message, 'squeal')).toBe(true);
    expect(matchesQuery(message, 'squeal subject:tyres')).toBe(false);
  });
});
