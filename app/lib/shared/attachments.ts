// Files attached to messages (issue 17), shared by server and browser. A file goes to the `attachments` bucket
// first, under its conversation's folder (the bucket's policies decide who may write and read it), and then a
// message names it; the database checks the pairing and takes the type, size and content type from Storage
// (migration 20261218000200). The bucket's own limits reach the page through public.upload_limits(bucket).
import { z } from 'zod';

export const ATTACHMENTS_BUCKET = 'attachments';
/** How long a link to an attached file works. Short: a link copied out of the page stops working soon. */
export const ATTACHMENT_LINK_SECONDS = 10 * 60;

/** An attachment as the app passes it around (the chat's messages, the ticket page, the action's answer). */
export const messageAttachmentSchema = z.object({
  path: z.string().min(1),
  name: z.string().min(1),
  size: z.number().int().nonnegative(),
  mime: z.string().min(1),
  /** A recording's length, for voice messages. */
  durationSeconds: z.number().nonnegative().nullable().default(null),
});
export type MessageAttachment = z.infer<typeof messageAttachmentSchema>;

/** metadata.attachment as private.check_message_attachment writes it. */
const storedAttachmentSchema = z.object({
  path: z.string().min(1),
  name: z.string().min(1),
  size: z.coerce.number().int().nonnegative(),
  mime: z.string().min(1),
  duration_seconds: z.coerce.number().nonnegative().optional(),
});

/** A message's attachment from its metadata (as the database filled it in), or null for a message without one. */
export function attachmentFromMetadata(metadata: unknown): MessageAttachment | null {
  const found = z.object({ attachment: storedAttachmentSchema }).safeParse(metadata);
  if (!found.success) return null;
  const { duration_seconds: durationSeconds, ...attachment } = found.data.attachment;
  return { ...attachment, durationSeconds: durationSeconds ?? null };
}

/** "0:04", "12:30": a recording's length as players show it. */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** The longest voice message the recorder makes (the database accepts up to an hour). */
export const VOICE_MESSAGE_MAX_SECONDS = 5 * 60;

export interface AttachmentLimits {
  maxBytes: number;
  allowedTypes: string[];
}

export const attachmentLimitsSchema = z.object({ maxBytes: z.number().int().positive(), allowedTypes: z.array(z.string()) });

const typeNames: Array<[RegExp, string]> = [
  [/^image\//, 'photos'],
  [/^application\/pdf$/, 'PDFs'],
  [/^text\/plain$/, 'text files'],
  [/^audio\//, 'audio'],
];

export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0).replace(/\.0$/, '')} MB`;
}

/** "Photos, PDFs, text files and audio, up to 25 MB": what the composer says before anyone picks a file. */
export function describeAttachmentLimits(limits: AttachmentLimits): string {
  const kinds = typeNames.filter(([pattern]) => limits.allowedTypes.some((type) => pattern.test(type))).map(([, name]) => name);
  const listed = kinds.length <= 1 ? kinds.join('') : `${kinds.slice(0, -1).join(', ')} and ${kinds.at(-1)}`;
  const sentence = `${listed || 'Files'}, up to ${formatFileSize(limits.maxBytes)}`;
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/** Why a picked file cannot be sent, before it is uploaded; null when it fits the bucket's limits. */
export function attachmentRefusal(file: { name: string; size: number; type: string }, limits: AttachmentLimits): string | null {
  if (file.size === 0) return `${file.name} is empty.`;
  if (file.size > limits.maxBytes) return `${file.name} is ${formatFileSize(file.size)}; files can be up to ${formatFileSize(limits.maxBytes)}.`;
  if (limits.allowedTypes.length > 0 && !limits.allowedTypes.includes(file.type)) {
    return `${file.name} is not a kind of file we accept. ${describeAttachmentLimits(limits)}.`;
  }
  return null;
}

/** A file's name reduced to characters every storage key allows ("Warning light (front).PNG" → "Warning-light-front.png"). */
export function storageFileName(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  const stem = (dot > 0 ? fileName.slice(0, dot) : fileName).normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'file';
  const extension = dot > 0 ? fileName.slice(dot + 1).replace(/[^A-Za-z0-9]+/g, '').slice(0, 10).toLowerCase() : '';
  return extension ? `${stem}.${extension}` : stem;
}

/**
 * Where an attached file is stored: `<conversation>/<random>/<name>`, or under `internal/` for staff-only files. The
 * random folder keeps two files of the same name apart.
 */
export function attachmentPath(conversationId: string, fileName: string, { internal = false, unique }: { internal?: boolean; unique: string }): string {
  return [conversationId, ...(internal ? ['internal'] : []), unique, storageFileName(fileName)].join('/');
}

/** Images in help articles: the public bucket admins upload to from the article editor (migration 20261218000300). */
export const KB_IMAGES_BUCKET = 'kb-images';

export function kbImagePath(fileName: string, unique: string): string {
  return ['articles', unique, storageFileName(fileName)].join('/');
}

/** The markdown that shows an uploaded image: its name (without the extension) as the alternative text. */
export function imageMarkdown(fileName: string, url: string): string {
  const alt = fileName.replace(/\.[^.]+$/, '').replace(/[[\]\\]/g, '').trim() || 'Image';
  return `![${alt}](${url})`;
}

/** What the composer posts after the upload: the stored path, the name the reader sees, and an optional caption. */
export const attachmentMessageSchema = z.object({
  path: z.string().min(1).max(1024),
  name: z.string().trim().min(1, 'The file needs a name.').max(255, 'Keep file names under 255 characters.'),
  caption: z.string().trim().max(4000, 'Keep messages under 4,000 characters.').default(''),
  /** A recording's length in seconds (voice messages); empty for any other file. */
  durationSeconds: z
    .union([z.literal('').transform(() => null), z.coerce.number().min(0).max(3600, 'A voice message can be at most an hour long.')])
    .nullable()
    .default(null),
});
export type AttachmentMessage = z.infer<typeof attachmentMessageSchema>;

/** The attach form's fields (the chat's `attach`, the ticket page's `attachReply` / `attachNote`), checked. */
export function parseAttachmentForm(formData: FormData) {
  return attachmentMessageSchema.safeParse({
    path: formData.get('path'),
    name: formData.get('name'),
    caption: formData.get('caption') ?? '',
    durationSeconds: formData.get('durationSeconds') ?? '',
  });
}

/**
 * What a message names of its file, as private.check_message_attachment expects it in messages.metadata: the path and
 * the name; the database adds the size, the content type and the type, and takes the file's name as the content when
 * the caption is empty.
 */
export function attachmentMetadata(attachment: AttachmentMessage) {
  return { attachment: { path: attachment.path, name: attachment.name, duration_seconds: attachment.durationSeconds } };
}

/** A message's own words beside its file: null when it has none (the database used the file's name instead). */
export function attachmentCaption(message: { content: string; attachment: MessageAttachment | null }): string | null {
  return message.attachment && message.content === message.attachment.name ? null : message.content;
}
