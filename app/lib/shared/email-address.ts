import { z } from 'zod';

/** An email address typed into a form (sign-in, sign-up, forgot password): trimmed, required, well-formed. */
export const emailAddressSchema = z.string().trim().min(1, 'Enter your email address.').pipe(z.email('Enter a valid email address, like name@example.com.'));
