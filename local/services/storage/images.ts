// Image transformations (Supabase Storage's `/render/image`): what storage-js asks for with `transform` on download,
// getPublicUrl and createSignedUrl. Hosted Supabase resizes with imgproxy; locally `sharp` (libvips, shipped inside
// its npm package) does the same resizes. Options as Supabase documents them: width and height in pixels, resize
// cover (fill the box, crop the rest; the default), contain (fit inside the box) or fill (stretch), quality 20–100.
// Differences (docs/local-stack-differences/storage.md): the result keeps the original's format (Supabase may answer
// WebP to browsers that accept it unless format=origin), and there is no cache of transformed images.
import sharp from 'sharp';
import { z } from 'zod';
import { StorageHttpError } from './errors.ts';

/** The largest side Supabase accepts for a transformed image. */
const MAX_DIMENSION = 2500;

export const imageTransformSchema = z
  .object({
    width: z.coerce.number().int().min(1).max(MAX_DIMENSION).optional(),
    height: z.coerce.number().int().min(1).max(MAX_DIMENSION).optional(),
    resize: z.enum(['cover', 'contain', 'fill']).default('cover'),
    quality: z.coerce.number().int().min(20).max(100).default(80),
    format: z.enum(['origin']).optional(),
  })
  .strict();
export type ImageTransform = z.infer<typeof imageTransformSchema>;

const invalidTransform = (message: string) => new StorageHttpError(400, 'InvalidRequest', 'InvalidRequest', message);

/** The transform a render URL's query asks for (unknown parameters such as `token` or `download` are not options). */
export function transformFromQuery(query: URLSearchParams): ImageTransform {
  const options = Object.fromEntries(['width', 'height', 'resize', 'quality', 'format'].flatMap((key) => (query.has(key) ? [[key, query.get(key)]] : [])));
  return parseTransform(options);
}

export function parseTransform(options: unknown): ImageTransform {
  const parsed = imageTransformSchema.safeParse(options ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalidTransform(`Invalid transformation ${issue?.path.join('.') || 'options'}: ${issue?.message ?? 'not valid'}`);
  }
  return parsed.data;
}

const outputFormats = { jpeg: 'jpeg', png: 'png', webp: 'webp', gif: 'gif', avif: 'avif', tiff: 'tiff' } as const;

/** The transformed image and its content type; a file that is not an image answers 400, as storage-api does. */
export async function transformImage(input: Buffer, transform: ImageTransform): Promise<{ body: Buffer; contentType: string }> {
  let image = sharp(input, { failOn: 'error' });
  let format: keyof typeof outputFormats;
  try {
    const metadata = await image.metadata();
    if (!metadata.format || !(metadata.format in outputFormats)) throw new Error(`unsupported format ${metadata.format ?? 'unknown'}`);
    format = metadata.format as keyof typeof outputFormats;
  } catch {
    throw invalidTransform('The object is not an image that can be transformed');
  }
  // Photos from phones carry their orientation in EXIF: turn them upright first, as imgproxy does.
  image = image.rotate();
  if (transform.width !== undefined || transform.height !== undefined) {
    const fit = transform.resize === 'contain' ? 'inside' : transform.resize;
    // Never larger than the original, as imgproxy does without `enlarge`.
    image = image.resize({ width: transform.width, height: transform.height, fit, withoutEnlargement: true });
  }
  const body = await image.toFormat(outputFormats[format], { quality: transform.quality }).toBuffer();
  return { body, contentType: `image/${format}` };
}
