// The local mail catcher: SMTP in, Mailpit's REST API out (list, read, search by recipient, delete), and its page.
import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { readMail, searchMail, waitForMail } from '../support/mail.ts';
import { testStack } from '../support/stack.ts';
import { newEmail } from './auth/clients.ts';

const transport = nodemailer.createTransport({ host: '127.0.0.1', port: testStack.SMTP_PORT, secure: false, ignoreTLS: true });

describe('mail catcher', () => {
  it('catches a message sent over SMTP and serves it through the Mailpit API', async () => {
    const to = newEmail('catcher');
    const cc = newEmail('catcher-cc');
    const hidden = newEmail('catcher-bcc');
    await transport.sendMail({
      from: { name: 'Ada', address: 'ada@example.com' },
      to,
      cc,
      bcc: hidden,
      subject: 'Brakes squeal – ticket #42',
      text: 'They squeal when I stop.',
      html: '<p>They squeal when I stop.</p>',
      inReplyTo: '<original@example.com>',
      attachments: [{ filename: 'noise.txt', content: 'eeeee' }],
    });
    const mail = await waitForMail(to);
    expect(mail).toMatchObject({ Subject: 'Brakes squeal – ticket #42', From: { Name: 'Ada', Address: 'ada@example.com' }, To: [{ Address: to }] });
    expect(mail.Text).toContain('They squeal when I stop.');
    const full = (await (await fetch(`${testStack.MAILPIT_URL}/api/v1/message/${mail.ID}`)).json()) as Record<string, unknown>;
    expect(full).toMatchObject({ Cc: [{ Address: cc }], Bcc: [{ Address: hidden }], InReplyTo: 'original@example.com', Attachments: [{ FileName: 'noise.txt' }] });

    // Search by recipient finds it under To, Cc and Bcc, and not under an address it was not sent to.
    expect((await searchMail(`to:${cc}`)).messages.map((m) => m.ID)).toContain(mail.ID);
    expect((await searchMail(`to:${hidden}`)).messages.map((m) => m.ID)).toContain(mail.ID);
    expect((await searchMail(`to:${newEmail('nobody')}`)).messages_count).toBe(0);

    const list = (await (await fetch(`${testStack.MAILPIT_URL}/api/v1/messages?limit=1000`)).json()) as { total: number; messages: Array<{ ID: string; Snippet: string }> };
    expect(list.total).toBeGreaterThan(0);
    expect(list.messages.find((m) => m.ID === mail.ID)?.Snippet).toContain('They squeal');

    const page = await (await fetch(testStack.MAILPIT_URL)).text();
    expect(page).toContain('Brakes squeal');
  });

  it('deletes the messages named, and answers 404 for one that is gone', async () => {
    const to = newEmail('catcher-delete');
    await transport.sendMail({ from: 'a@example.com', to, subject: 'Delete me', text: 'x' });
    const mail = await waitForMail(to);
    const deleted = await fetch(`${testStack.MAILPIT_URL}/api/v1/messages`, { method: 'DELETE', body: JSON.stringify({ IDs: [mail.ID] }) });
    expect(deleted.status).toBe(200);
    expect(await deleted.text()).toBe('ok');
    expect((await fetch(`${testStack.MAILPIT_URL}/api/v1/message/${mail.ID}`)).status).toBe(404);
    await expect(readMail(mail.ID)).rejects.toThrow(/404/);
  });

  it('refuses a search without a query', async () => {
    expect((await fetch(`${testStack.MAILPIT_URL}/api/v1/search?query=`)).status).toBe(400);
  });
});
