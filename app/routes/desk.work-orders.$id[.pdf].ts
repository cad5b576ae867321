// Resource route: the printable sheet of one work order as a PDF (/desk/work-orders/<id>.pdf). Read under the
// caller's RLS, so a technician gets only sheets of work orders they may read; anything else is a 404.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { z } from 'zod';
import { requireUser } from '~/lib/server/auth.server';
import { renderWorkOrderSheet, SHEET_THUMBNAIL_TYPES, SHEET_THUMBNAILS } from '~/lib/server/work-order-pdf.server';
import { ATTACHMENTS_BUCKET } from '~/lib/shared/attachments';
import type { WorkOrderPhoto } from '~/lib/shared/views/work-orders';
import { getWorkOrderSheet } from '~/models/work-order.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { claims, supabase, headers } = await requireUser(request, { role: 'technician' });
  const id = z.string().uuid().safeParse(params['id']);
  const sheet = id.success ? await getWorkOrderSheet({ claims, id: id.data }) : null;
  if (!sheet) {
    headers.set('Content-Type', 'text/plain; charset=utf-8');
    return new Response('No such work order.', { status: 404, headers });
  }
  const pdf = await renderWorkOrderSheet(sheet, new Date(), await thumbnailsOf(supabase, sheet.photos));
  headers.set('Content-Type', 'application/pdf');
  headers.set('Content-Disposition', `inline; filename="${sheet.workOrder.number}.pdf"`);
  headers.set('Cache-Control', 'private, no-store');
  return new Response(new Uint8Array(pdf), { status: 200, headers });
}

/**
 * The photos' bytes for the sheet's thumbnails, downloaded from Storage as the signed-in technician (the attachments
 * bucket's policies decide). A photo that cannot be read is only listed by name.
 */
async function thumbnailsOf(supabase: Awaited<ReturnType<typeof requireUser>>['supabase'], photos: WorkOrderPhoto[]): Promise<Map<string, Buffer>> {
  const wanted = photos.filter((photo) => SHEET_THUMBNAIL_TYPES.includes(photo.mime)).slice(0, SHEET_THUMBNAILS);
  const downloads = await Promise.all(
    wanted.map(async (photo) => {
      const { data } = await supabase.storage.from(ATTACHMENTS_BUCKET).download(photo.path);
      return data ? ([photo.path, Buffer.from(await data.arrayBuffer())] as const) : null;
    }),
  );
  return new Map(downloads.filter((entry) => entry !== null));
}

