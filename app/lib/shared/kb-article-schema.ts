// What the admin's article form may submit, validated on the server with one message per field.
import { z } from 'zod';
import type { ArticleInput } from '~/lib/shared/views/kb';

export const MAX_ARTICLE_LENGTH = 100_000;

/** A URL key from a title: lower case, ASCII letters and digits, words joined by hyphens. */
export function slugFromTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .transform((value) => (value ? value : null));

export const articleFormSchema = z
  .object({
    title: z.string().trim().min(1, 'Enter a title.').max(200, 'Use at most 200 characters.'),
    slug: z
      .string()
      .trim()
      .max(120, 'Use at most 120 characters.')
      .regex(/^[a-z0-9-]*$/, 'Use lower-case letters, digits and hyphens only.')
      .optional(),
    // The editor offers the categories in use (a select); a new one is typed beside it and stored the way the others
    // are (lower case, words joined by hyphens), so free text can no longer make "Maintenance" next to "maintenance".
    category: z.string().trim().max(60, 'Use at most 60 characters.').optional(),
    newCategory: z
      .string()
      .max(60, 'Use at most 60 characters.')
      .optional()
      .transform((value) => (value ?? '').trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')),
    solutionArea: optionalText(100, 'Choose a solution area from the list.'),
    vehicleContext: optionalText(200, 'Use at most 200 characters.'),
    tags: z
      .string()
      .max(500, 'Use at most 500 characters.')
      .optional()
      .transform((value) => [...new Set((value ?? '').split(',').map((tag) => tag.trim().toLowerCase()).filter(Boolean))])
      .refine((tags) => tags.every((tag) => tag.length <= 40), 'Keep each tag under 40 characters.'),
    content: z.string().trim().min(1, 'Write the article (markdown).').max(MAX_ARTICLE_LENGTH, `Keep the article under ${MAX_ARTICLE_LENGTH.toLocaleString('en')} characters.`),
    isPublished: z
      .enum(['on'])
      .optional()
      .transform((value) => value === 'on'),
  })
  .transform(
    (values, context): ArticleInput => {
      const slug = values.slug || slugFromTitle(values.title);
      if (!slug) {
        context.addIssue({ code: 'custom', path: ['slug'], message: 'Enter a slug: the title has no letters or digits to make one from.' });
        return z.NEVER;
      }
      const { newCategory, category: chosenCategory, ...fields } = values;
      const category = chosenCategory || newCategory;
      if (!category) {
        context.addIssue({ code: 'custom', path: ['category'], message: 'Choose a category, or type a new one.' });
        return z.NEVER;
      }
      return { ...fields, category, slug };
    },
  );
