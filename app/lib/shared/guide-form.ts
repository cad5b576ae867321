// The admin guide form (/admin/guides/new and /admin/guides/$guideId): its fields, validated on the server.
import { z } from 'zod';

export const guideFormSchema = z.object({
  title: z.string().trim().min(1, 'Enter a title.').max(120, 'Use at most 120 characters.'),
  slug: z
    .string()
    .trim()
    .min(1, 'Enter a slug.')
    .max(80, 'Use at most 80 characters.')
    .regex(/^[a-z0-9-]+$/, 'Use lower-case letters, digits and hyphens only.'),
  description: z.string().trim().max(1000, 'Use at most 1,000 characters.').default(''),
  solutionArea: z
    .string()
    .trim()
    .default('')
    .transform((value) => (value === '' ? null : value)),
  symptoms: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .refine((lines) => lines.length <= 30, 'Use at most 30 symptoms.')
    .refine((lines) => lines.every((line) => line.length <= 200), 'Keep each symptom under 200 characters.'),
  isPublished: z
    .string()
    .optional()
    .transform((value) => value === 'on'),
});

export const stepInstructionSchema = z.string().trim().min(1, 'Write the step.').max(1000, 'Use at most 1,000 characters.');

/** The guide form's fields the database can refuse by constraint (an area deleted meanwhile, or never listed). */
export const guideFieldConstraints = {
  guides_solution_area_fkey: { field: 'solutionArea', message: 'Choose one of the listed areas.' },
} as const;
