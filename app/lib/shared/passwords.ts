import { z } from 'zod';

// Matches supabase/config.toml `[auth] minimum_password_length`; Auth enforces it again.
export const MIN_PASSWORD_LENGTH = 8;

export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(72, 'Use at most 72 characters.');
