// The limits of the buckets the app uploads to (public.upload_limits: the bucket rows are their one home), for the
// pages that upload (the chat's composer, the ticket page, the article editor) to state before anyone picks a file.
import { withRls, type RlsClaims } from '~/lib/server/db.server';
import { attachmentLimitsSchema, type ATTACHMENTS_BUCKET, type AttachmentLimits, type KB_IMAGES_BUCKET } from '~/lib/shared/attachments';

/** An upload bucket's limits (public.upload_limits), for the page to state before an upload. */
export async function loadUploadLimits({ claims, bucket }: { claims: RlsClaims; bucket: typeof ATTACHMENTS_BUCKET | typeof KB_IMAGES_BUCKET }): Promise<AttachmentLimits | null> {
  const [row] = await withRls(claims, (tx) => tx`select max_bytes, allowed_types from public.upload_limits(${bucket})`);
  if (!row) return null;
  return attachmentLimitsSchema.parse({ maxBytes: Number(row.max_bytes), allowedTypes: row.allowed_types ?? [] });
}
