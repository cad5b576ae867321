// The Auth flows that work by mail, through @supabase/supabase-js, reading each mail from the catcher's Mailpit
// API: password recovery, magic link and email code, invitations, generateLink, /verify by link, confirmations
// (when enable_confirmations is on), resend and the per-user mail frequency limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readProjectConfig } from '../../../local/config.ts';
import { authSettings } from '../../../local/services/auth/settings.ts';
import { linkIn, searchMail, waitForMail } from '../../support/mail.ts';
import { sql } from '../../support/db.ts';
import { testStack } from '../../support/stack.ts';
import { adminClient, anonClient, newEmail, PASSWORD, signedInUser, startSeparateAuth } from './clients.ts';

const NEW_PASSWORD = 'a-brand-new-passphrase';

/** The token_hash and type of the app link a mail carries (supabase/templates/*.html link to /auth/confirm). */
function confirmLinkOf(mail: Awaited<ReturnType<typeof waitForMail>>) {
  const link = linkIn(mail, '/auth/confirm');
  return { tokenHash: link.searchParams.get('token_hash') ?? '', type: link.searchParams.get('type') ?? '', origin: link.origin };
}

/** The six-digit code a mail shows (magic link and confirmation templates). */
const codeIn = (mail: Awaited<ReturnType<typeof waitForMail>>) => /<strong>(\d{6})<\/strong>/.exec(mail.HTML)?.[1] ?? '';

describe('password recovery', () => {
  it('mails a link to the app; its token_hash signs the user in once, and they set a new password', async () => {
    const { email } = await signedInUser();
    const client = anonClient();
    expect(await client.auth.resetPasswordForEmail(email)).toEqual({ data: {}, error: null });

    const mail = await waitForMail(email);
    expect(mail.Subject).toBe('Reset your Support Hub password');
    const { tokenHash, type, origin } = confirmLinkOf(mail);
    expect(type).toBe('recovery');
    // The test stack's site is its own app, so the link can be followed there.
    expect(origin).toBe(new URL(testStack.APP_URL).origin);

    const { data, error } = await client.auth.verifyOtp({ token_hash: tokenHash, type: 'recovery' });
    expect(error).toBeNull();
    expect(data.session?.user.email).toBe(email);
    const signedIn = anonClient();
    await signedIn.auth.setSession({ access_token: data.session!.access_token, refresh_token: data.session!.refresh_token });
    expect((await signedIn.auth.updateUser({ password: NEW_PASSWORD })).error).toBeNull();

    expect((await anonClient().auth.signInWithPassword({ email, password: NEW_PASSWORD })).error).toBeNull();
    expect((await anonClient().auth.signInWithPassword({ email, password: PASSWORD })).error).toMatchObject({ code: 'invalid_credentials' });
    // A link works once.
    expect((await client.auth.verifyOtp({ token_hash: tokenHash, type: 'recovery' })).error).toMatchObject({ code: 'otp_expired', status: 403 });
  });

  it('answers an unknown address as a known one, and sends nothing', async () => {
    const email = newEmail('nobody');
    expect(await anonClient().auth.resetPasswordForEmail(email)).toEqual({ data: {}, error: null });
    expect((await searchMail(`to:${email}`)).messages_count).toBe(0);
  });

  it('refuses a second mail to one user within max_frequency: over_email_send_rate_limit (429)', async () => {
    const email = authSettings(readProjectConfig()).email;
    const auth = await startSeparateAuth({ email: { ...email, maxFrequencyMs: 60 * 60 * 1000, smtp: { ...email.smtp, port: testStack.SMTP_PORT } } });
    try {
      const { email: address } = await signedInUser();
      const client = anonClient(auth.url);
      expect((await client.auth.resetPasswordForEmail(address)).error).toBeNull();
      const { error } = await client.auth.resetPasswordForEmail(address);
      expect(error).toMatchObject({ code: 'over_email_send_rate_limit', status: 429 });
      expect(error?.message).toMatch(/^For security purposes, you can only request this after \d+ seconds\.$/);
    } finally {
      await auth.stop();
    }
  });
});

describe('GET /verify (the link GoTrue itself mails)', () => {
  it('redirects to redirect_to with the session in the fragment, and a used link with the error there', async () => {
    const { email } = await signedInUser();
    const redirectTo = `${testStack.APP_URL}/auth/confirm`;
    const { data, error } = await adminClient().auth.admin.generateLink({ type: 'recovery', email, options: { redirectTo } });
    expect(error).toBeNull();
    expect(data.properties).toMatchObject({ verification_type: 'recovery', redirect_to: redirectTo });
    expect(data.properties?.email_otp).toMatch(/^\d{6}$/);
    expect(data.properties?.hashed_token).toMatch(/^[0-9a-f]{56}$/);
    expect(data.user?.email).toBe(email);

    const first = await fetch(data.properties!.action_link, { redirect: 'manual' });
    expect(first.status).toBe(303);
    const landed = new URL(first.headers.get('location')!);
    expect(`${landed.origin}${landed.pathname}`).toBe(redirectTo);
    const fragment = new URLSearchParams(landed.hash.slice(1));
    expect(fragment.get('type')).toBe('recovery');
    expect(fragment.get('token_type')).toBe('bearer');
    const { data: user } = await anonClient().auth.getUser(fragment.get('access_token')!);
    expect(user.user?.email).toBe(email);

    const again = await fetch(data.properties!.action_link, { redirect: 'manual' });
    const failed = new URLSearchParams(new URL(again.headers.get('location')!).hash.slice(1));
    expect(Object.fromEntries(failed)).toMatchObject({ error: 'access_denied', error_code: 'otp_expired', error_description: 'Email link is invalid or has expired' });
  });

  it('never redirects to a site that is not allowed: it falls back to site_url', async () => {
    const { email } = await signedInUser();
    const { data } = await adminClient().auth.admin.generateLink({ type: 'magiclink', email, options: { redirectTo: 'https://evil.example.net/steal' } });
    expect(data.properties?.redirect_to).toBe(testStack.APP_URL);
    const response = await fetch(data.properties!.action_link, { redirect: 'manual' });
    expect(new URL(response.headers.get('location')!).origin).toBe(new URL(testStack.APP_URL).origin);
  });
});

describe('magic link and email code (signInWithOtp)', () => {
  it('signs a new address up and in through the mailed link: a confirmation, as the project confirms addresses', async () => {
    const email = newEmail('magic');
    const client = anonClient();
    expect((await client.auth.signInWithOtp({ email, options: { data: { full_name: 'Grace Hopper' } } })).error).toBeNull();
    const mail = await waitForMail(email);
    // GoTrue mails a new address its confirmation while confirmations are on (the sign-in link is for existing users).
    expect(mail.Subject).toBe('Confirm your Support Hub account');
    const { tokenHash, type } = confirmLinkOf(mail);
    expect(type).toBe('signup');
    const { data, error } = await client.auth.verifyOtp({ token_hash: tokenHash, type: 'signup' });
    expect(error).toBeNull();
    expect(data.user).toMatchObject({ email, user_metadata: { full_name: 'Grace Hopper' } });
    expect(data.user?.email_confirmed_at).toBeTruthy();
  });

  it('signs an existing user in with the code from the mail (type email)', async () => {
    const { email, user } = await signedInUser();
    const client = anonClient();
    expect((await client.auth.signInWithOtp({ email, options: { shouldCreateUser: false } })).error).toBeNull();
    const code = codeIn(await waitForMail(email));
    expect(code).toMatch(/^\d{6}$/);
    const wrong = await client.auth.verifyOtp({ email, token: code === '000000' ? '111111' : '000000', type: 'email' });
    expect(wrong.error).toMatchObject({ code: 'otp_expired', status: 403, message: 'Token has expired or is invalid' });
    const { data, error } = await client.auth.verifyOtp({ email, token: code, type: 'email' });
    expect(error).toBeNull();
    expect(data.user?.id).toBe(user.id);
  });

  it('refuses an unknown address when shouldCreateUser is false: otp_disabled (422)', async () => {
    const { error } = await anonClient().auth.signInWithOtp({ email: newEmail('stranger'), options: { shouldCreateUser: false } });
    expect(error).toMatchObject({ code: 'otp_disabled', status: 422, message: 'Signups not allowed for otp' });
  });

  it('answers a phone number with the disabled phone provider', async () => {
    const { error } = await anonClient().auth.signInWithOtp({ phone: '+15555550100' });
    expect(error).toMatchObject({ code: 'phone_provider_disabled', status: 400 });
  });
});

describe('invitations (admin inviteUserByEmail)', () => {
  it('creates the user, mails the invitation, and the invited user signs in and sets a password', async () => {
    const email = newEmail('invited');
    const admin = adminClient();
    const { data: invited, error } = await admin.auth.admin.inviteUserByEmail(email, { data: { full_name: 'Tess Technician' } });
    expect(error).toBeNull();
    expect(invited.user).toMatchObject({ email, user_metadata: { full_name: 'Tess Technician' } });
    expect(invited.user?.invited_at).toBeTruthy();
    expect(invited.user?.email_confirmed_at).toBeFalsy();

    const mail = await waitForMail(email);
    expect(mail.Subject).toBe('You have been invited to Support Hub');
    const { tokenHash, type } = confirmLinkOf(mail);
    expect(type).toBe('invite');
    const client = anonClient();
    const { data, error: verifyError } = await client.auth.verifyOtp({ token_hash: tokenHash, type: 'invite' });
    expect(verifyError).toBeNull();
    expect(data.user?.email_confirmed_at).toBeTruthy();
    await client.auth.setSession({ access_token: data.session!.access_token, refresh_token: data.session!.refresh_token });
    expect((await client.auth.updateUser({ password: NEW_PASSWORD })).error).toBeNull();
    expect((await anonClient().auth.signInWithPassword({ email, password: NEW_PASSWORD })).error).toBeNull();

    // Once confirmed the address is taken.
    expect((await admin.auth.admin.inviteUserByEmail(email)).error).toMatchObject({ code: 'email_exists', status: 422 });
  });

  it('is for admins only', async () => {
    const { error } = await anonClient().auth.admin.inviteUserByEmail(newEmail('sneaky'));
    expect(error).toMatchObject({ status: 403, code: 'not_admin' });
  });
});

describe('with email confirmations on', () => {
  let auth: Awaited<ReturnType<typeof startSeparateAuth>>;
  beforeAll(async () => {
    const email = authSettings(readProjectConfig()).email;
    // No wait between two mails here: this suite sends a confirmation and resends it at once.
    auth = await startSeparateAuth({ autoconfirm: false, email: { ...email, maxFrequencyMs: 0, sentPerHour: 1000, smtp: { ...email.smtp, port: testStack.SMTP_PORT } } });
  });
  afterAll(() => auth.stop());

  it('signs up without a session, mails a confirmation (resend sends a fresh one), and its link confirms and signs in', async () => {
    const email = newEmail('confirm');
    const client = anonClient(auth.url);
    const { data, error } = await client.auth.signUp({ email, password: PASSWORD });
    expect(error).toBeNull();
    expect(data.session).toBeNull();
    expect(data.user?.confirmation_sent_at).toBeTruthy();
    const first = confirmLinkOf(await waitForMail(email));
    expect(first.type).toBe('signup');
    expect((await client.auth.signInWithPassword({ email, password: PASSWORD })).error).toMatchObject({ code: 'email_not_confirmed' });

    expect((await client.auth.resend({ type: 'signup', email })).error).toBeNull();
    const second = confirmLinkOf(await waitForMail(email, { count: 2 }));
    expect(second.tokenHash).not.toBe(first.tokenHash);
    // The resent token replaces the first.
    expect((await client.auth.verifyOtp({ token_hash: first.tokenHash, type: 'signup' })).error).toMatchObject({ code: 'otp_expired' });
    const confirmed = await client.auth.verifyOtp({ token_hash: second.tokenHash, type: 'signup' });
    expect(confirmed.error).toBeNull();
    expect(confirmed.data.user?.email_confirmed_at).toBeTruthy();
    expect((await client.auth.signInWithPassword({ email, password: PASSWORD })).error).toBeNull();
  });

  it("answers a sign-up with a confirmed account's email as it answers a new one, and mails nothing (issue 20, point 5)", async () => {
    const client = anonClient(auth.url);
    const taken = newEmail('taken');
    await client.auth.signUp({ email: taken, password: PASSWORD });
    const realId = String((await sql`select id from auth.users where email = ${taken}`)[0]!.id);
    await sql`update auth.users set email_confirmed_at = now() where id = ${realId}`;
    await waitForMail(taken);

    const again = await client.auth.signUp({ email: taken, password: 'another-password-9', options: { data: { full_name: 'Someone Else' } } });
    const freshEmail = newEmail('fresh');
    const fresh = await client.auth.signUp({ email: freshEmail, password: PASSWORD, options: { data: { full_name: 'Someone Else' } } });
    expect(again.error).toBeNull();
    expect(again.data.session).toBeNull();
    expect(again.data.user?.id).not.toBe(realId);
    expect(again.data.user).toMatchObject({ email: taken, identities: [], user_metadata: { full_name: 'Someone Else' } });
    // Field for field the same shape as a real new sign-up's answer.
    expect(Object.keys(again.data.user ?? {}).filter((key) => !(key in (fresh.data.user ?? {})))).toEqual([]);
    expect(again.data.user?.confirmation_sent_at).toBeTruthy();
    // Nothing was written or sent: the account is untouched and no mail went to its owner.
    expect(await sql`select id from auth.users where email = ${taken}`).toEqual([{ id: realId }]);
    // The fresh sign-up's mail, sent after, has arrived: one for the taken address would have come before it.
    await waitForMail(freshEmail);
    expect((await searchMail(`to:${taken}`)).messages_count).toBe(1);
  });
});

describe('fidelity with GoTrue', () => {
  it("validates email addresses as GoTrue does: refuses xx:;x@x.x, accepts user@localhost", async () => {
    const refused = await anonClient().auth.signUp({ email: 'xx:;x@x.x', password: PASSWORD });
    expect(refused.error).toMatchObject({ code: 'validation_failed', status: 400, message: 'Unable to validate email address: invalid format' });
    const accepted = await anonClient().auth.signUp({ email: `${newEmail('local').split('@')[0]}@localhost`, password: PASSWORD });
    expect(accepted.error).toBeNull();
  });

  it('answers a sign-up with neither email nor phone with anonymous_provider_disabled (422) while anonymous sign-ins are off', async () => {
    const response = await fetch(`${testStack.SUPABASE_URL}/auth/v1/signup`, { method: 'POST', headers: { apikey: testStack.SUPABASE_ANON_KEY, 'content-type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({ code: 'anonymous_provider_disabled', message: 'Anonymous sign-ins are disabled' });
  });

  it('answers an unknown grant_type as GoTrue does', async () => {
    const response = await fetch(`${testStack.SUPABASE_URL}/auth/v1/token?grant_type=magic`, { method: 'POST', headers: { apikey: testStack.SUPABASE_ANON_KEY, 'content-type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ code: 'invalid_credentials', message: 'unsupported_grant_type' });
  });

  it('answers the disabled phone provider with 400 on sign-up and 422 on password sign-in', async () => {
    expect((await anonClient().auth.signUp({ phone: '+15555550101', password: PASSWORD })).error).toMatchObject({ code: 'phone_provider_disabled', status: 400 });
    expect((await anonClient().auth.signInWithPassword({ phone: '+15555550101', password: PASSWORD })).error).toMatchObject({ code: 'phone_provider_disabled', status: 422 });
  });
});
