// The admin API through supabase-js auth.admin with the service-role key.
import { describe, expect, it } from 'vitest';
import { adminClient, anonClient, newEmail, PASSWORD } from './clients.ts';

describe('auth.admin', () => {
  it('creates, reads, updates and deletes a user', async () => {
    const admin = adminClient();
    const email = newEmail('admin-made');
    const created = await admin.auth.admin.createUser({
      email,
      password: PASSWORD,
      email_confirm: true,
      user_metadata: { full_name: 'Tech One' },
      app_metadata: { tier: 'gold' },
    });
    expect(created.error).toBeNull();
    const id = created.data.user!.id;
    expect(created.data.user).toMatchObject({ email, user_metadata: { full_name: 'Tech One' }, app_metadata: { provider: 'email', providers: ['email'], tier: 'gold' } });

    const fetched = await admin.auth.admin.getUserById(id);
    expect(fetched.data.user?.email).toBe(email);

    const updated = await admin.auth.admin.updateUserById(id, { user_metadata: { phone_ext: '12' }, app_metadata: { tier: null } });
    expect(updated.error).toBeNull();
    expect(updated.data.user?.user_metadata).toEqual({ full_name: 'Tech One', phone_ext: '12' });
    expect(updated.data.user?.app_metadata).toEqual({ provider: 'email', providers: ['email'] });

    expect((await anonClient().auth.signInWithPassword({ email, password: PASSWORD })).error).toBeNull();
    expect((await admin.auth.admin.deleteUser(id)).error).toBeNull();
    expect((await admin.auth.admin.getUserById(id)).error).toMatchObject({ code: 'user_not_found', status: 404 });
  });

  it('bans a user: sign-in refused with user_banned (400) until the ban is lifted', async () => {
    const admin = adminClient();
    const email = newEmail();
    const { data } = await admin.auth.admin.createUser({ email, password: PASSWORD, email_confirm: true });
    await admin.auth.admin.updateUserById(data.user!.id, { ban_duration: '24h' });
    expect((await anonClient().auth.signInWithPassword({ email, password: PASSWORD })).error).toMatchObject({ code: 'user_banned', status: 400 });
    await admin.auth.admin.updateUserById(data.user!.id, { ban_duration: 'none' });
    expect((await anonClient().auth.signInWithPassword({ email, password: PASSWORD })).error).toBeNull();
  });

  it('lists users with page / perPage and GoTrue pagination headers', async () => {
    const admin = adminClient();
    for (let i = 0; i < 3; i += 1) await admin.auth.admin.createUser({ email: newEmail('listed'), password: PASSWORD });
    const everyone = await admin.auth.admin.listUsers({ page: 1, perPage: 1000 });
    if (everyone.error) throw everyone.error;
    // About two pages (auth-js reads only the first digit of the page numbers in the link header).
    const perPage = Math.ceil(everyone.data.total / 2);
    const first = await admin.auth.admin.listUsers({ page: 1, perPage });
    if (first.error) throw first.error;
    expect(first.data.users).toHaveLength(perPage);
    expect(first.data.total).toBeGreaterThanOrEqual(3);
    // Other files create users meanwhile: the last page follows the total this very response reports.
    expect(first.data).toMatchObject({ nextPage: 2, lastPage: Math.ceil(first.data.total / perPage), aud: 'authenticated' });
    expect(first.data.lastPage).toBeGreaterThanOrEqual(2);
    const second = await admin.auth.admin.listUsers({ page: 2, perPage });
    expect(second.data.users[0]?.id).not.toBe(first.data.users[0]?.id);
  });

  it('refuses an email that exists (email_exists, 422), an unknown id (user_not_found, 404)', async () => {
    const admin = adminClient();
    const email = newEmail();
    await admin.auth.admin.createUser({ email, password: PASSWORD });
    expect((await admin.auth.admin.createUser({ email, password: PASSWORD })).error).toMatchObject({ code: 'email_exists', status: 422 });
    expect((await admin.auth.admin.getUserById('00000000-0000-4000-8000-000000000000')).error).toMatchObject({ code: 'user_not_found', status: 404 });
    expect((await admin.auth.admin.createUser({ email: newEmail(), password: 'short' })).error).toMatchObject({ code: 'weak_password', status: 422 });
  });

  it('refuses the anon key: not_admin (403)', async () => {
    const { error } = await anonClient().auth.admin.listUsers();
    expect(error).toMatchObject({ code: 'not_admin', status: 403 });
  });
});
