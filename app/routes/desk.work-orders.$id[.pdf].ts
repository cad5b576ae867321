// Resource route: the printable sheet of one work order as a PDF (/desk/work-orders/<id>.pdf). Read under the
// caller's RLS, so a technician gets only sheets of work orders they may read; anything else is a 404.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { z } from 'zod';
import { requireUser } from '~/lib/server/auth.server';
import { renderWorkOrderSheet } from '~/lib/server/work-order-pdf.server';
import { getWorkOrderSheet } from '~/models/work-order.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { claims, headers } = await requireUser(request, { role: 'technician' });
  const id = z.string().uuid().safeParse(params['id']);
  const sheet = id.success ? await getWorkOrderSheet({ claims, id: id.data }) : null;
  if (!sheet) {
    headers.set('Content-Type', 'text/plain; charset=utf-8');
    return new Response('No such work order.', { status: 404, headers });
  }
  const pdf = await renderWorkOrderSheet(sheet);
  headers.set('Content-Type', 'application/pdf');
  headers.set('Content-Disposition', `inline; filename="${sheet.workOrder.number}.pdf"`);
  headers.set('Cache-Control', 'private, no-store');
  return new Response(new Uint8Array(pdf), { status: 200, headers });
}
