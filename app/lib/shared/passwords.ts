import { z } from 'zod';

// Matches supabase/config.toml `[auth] minimum_password_length`; Auth enforces it again.
export const MIN_PASSWORD_LENGTH = 8;

export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(72, 'Use at most 72 characters.');

/** A new password typed twice (/account, and /reset-password after a recovery or an invitation link). */
export const newPasswordSchema = z
  .object({ password: passwordSchema, confirmPassword: z.string().min(1, 'Repeat the new password.') })
  .refine((values) => values.password === values.confirmPassword, { path: ['confirmPassword'], message: 'The two passwords do not match.' });
