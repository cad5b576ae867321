// POST /desk/availability: the signed-in technician switches online or away (the desk header's switch). Only the
// action: the state is read by the desk layout's loader, which Remix reloads after this action.
import { data, redirect, type ActionFunctionArgs } from '@remix-run/node';
import { z } from 'zod';
import { requireUser } from '~/lib/server/auth.server';
import { parseForm } from '~/lib/shared/forms';
import { setTechnicianOnline } from '~/models/technician-availability.server';

const availabilitySchema = z.object({ isOnline: z.enum(['true', 'false'], { message: 'Choose online or away.' }).transform((value) => value === 'true') });

export async function action({ request }: ActionFunctionArgs) {
  const { user, claims, headers } = await requireUser(request, { role: 'technician' });
  // An admin supervising the desk takes no assigned tickets, so has no switch.
  if (user.role !== 'technician') return data({ fieldErrors: { isOnline: 'Only technicians switch online or away.' } }, { status: 403, headers });
  const parsed = parseForm(availabilitySchema, await request.formData());
  if (!parsed.success) return data({ fieldErrors: parsed.fieldErrors }, { status: 400, headers });
  const isOnline = await setTechnicianOnline({ claims, isOnline: parsed.data.isOnline });
  return data({ isOnline }, { headers });
}

// A GET (a bookmarked or typed address) goes to the board.
export const loader = () => redirect('/desk');
