// POST /desk/notifications: mark one of the signed-in person's notifications read, or all of them (the desk bar's
// list). The list itself is read by the desk layout's loader, which Remix reloads after this action.
import { data, redirect, type ActionFunctionArgs } from '@remix-run/node';
import { z } from 'zod';
import { requireUser } from '~/lib/server/auth.server';
import { parseForm } from '~/lib/shared/forms';
import { markNotificationsRead } from '~/models/notifications.server';

const markReadSchema = z.object({
  notification: z.union([z.literal('all'), z.coerce.number({ message: 'Choose a notification.' }).int().positive('Choose a notification.')]),
});

export async function action({ request }: ActionFunctionArgs) {
  const { claims, headers } = await requireUser(request, { role: 'technician' });
  const parsed = parseForm(markReadSchema, await request.formData());
  if (!parsed.success) return data({ fieldErrors: parsed.fieldErrors }, { status: 400, headers });
  const marked = await markNotificationsRead({ claims, id: parsed.data.notification });
  // Already read, or not the caller's (RLS shows them nothing else): nothing to mark.
  if (marked === 0 && parsed.data.notification !== 'all') return data({ fieldErrors: { notification: 'This notification is already read.' } }, { status: 404, headers });
  return data({ marked }, { headers });
}

export const loader = () => redirect('/desk');
