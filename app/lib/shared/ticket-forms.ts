// The ticket page's forms, validated with zod on the server (the browser's own checks are only a convenience).
import { z } from 'zod';
import type { FieldErrors } from '~/lib/shared/forms';
import { ticketCategories } from '~/lib/shared/desk-board';
import { ticketStatuses } from '~/lib/shared/ticket-status';

/** A number typed into a form: '' is "not given" (null), anything else must parse. */
const typedNumber = (message: string) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? null : typeof value === 'string' ? Number(value) : value), z.number({ error: message }).nullable());

const hours = typedNumber('Enter hours as a number, e.g. 1.5.').refine((value) => value === null || (value >= 0 && value <= 999), 'Hours must be between 0 and 999.');

export const ticketIntents = ['claim', 'status', 'reply', 'note', 'attachReply', 'attachNote', 'createWorkOrder', 'startWorkOrder', 'logHours', 'completeWorkOrder', 'cancelWorkOrder', 'workOrderNote', 'correctTriage', 'merge'] as const;
export type TicketIntent = (typeof ticketIntents)[number];
export const ticketIntentSchema = z.enum(ticketIntents);

export const statusFormSchema = z.object({ status: z.enum(ticketStatuses, { error: 'Choose a status.' }) });

/** A triage correction: the field and its new value, checked against the field's own values. */
export const triageCorrectionSchema = z.discriminatedUnion('field', [
  z.object({ field: z.literal('category'), value: z.enum(ticketCategories, { error: 'Choose a category.' }) }),
  z.object({ field: z.literal('urgency'), value: z.enum(['high', 'medium', 'low'], { error: 'Choose an urgency.' }) }),
  z.object({ field: z.literal('sentiment'), value: z.coerce.number({ error: 'Choose a sentiment from 1 to 10.' }).int('Choose a whole number.').min(1, 'Sentiment is at least 1.').max(10, 'Sentiment is at most 10.') }),
], { error: 'Choose what to correct.' });

export const mergeFormSchema = z.object({
  survivorId: z.string().uuid('Choose the ticket to merge into.'),
  confirmCrossCustomer: z.preprocess((value) => value === 'on' || value === 'true', z.boolean()),
});

export const messageFormSchema = z.object({
  content: z.string().trim().min(1, 'Write something first.').max(10_000, 'Use at most 10,000 characters.'),
});

export const createWorkOrderSchema = z.object({
  description: z.string().trim().min(1, 'Describe the work.').max(2_000, 'Use at most 2,000 characters.'),
  estimatedHours: hours,
  laborRate: typedNumber('Enter the labour rate as a number, e.g. 90.')
    .refine((value) => value !== null, 'Enter the labour rate per hour (0 if the labour is free).')
    .refine((value) => value === null || (value >= 0 && value <= 100_000), 'The labour rate must be between 0 and 100,000.'),
});

export const workOrderActionSchema = z.object({
  workOrderId: z.string().uuid('Unknown work order.'),
  actualHours: hours.optional(),
});

export const logHoursSchema = z.object({
  workOrderId: z.string().uuid('Unknown work order.'),
  actualHours: hours.refine((value) => value !== null, 'Enter the hours worked.'),
});

export const workOrderNoteSchema = z.object({
  workOrderId: z.string().uuid('Unknown work order.'),
  content: z.string().trim().min(1, 'Write the note first.').max(5_000, 'Use at most 5,000 characters.'),
});

export interface PartLine {
  partName: string;
  partNumber: string | null;
  quantity: number;
  unitCost: number;
}

const partLineSchema = z.object({
  partName: z.string().trim().min(1, 'name the part').max(200, 'use a shorter part name'),
  partNumber: z.string().trim().max(100, 'use a shorter part number').transform((value) => value || null),
  quantity: z.coerce.number({ error: 'enter a whole quantity' }).int('enter a whole quantity').min(1, 'the quantity must be at least 1').max(10_000, 'the quantity is too large'),
  unitCost: z.coerce.number({ error: 'enter the unit cost as a number' }).min(0, 'the unit cost cannot be negative').max(1_000_000, 'the unit cost is too large'),
});

/**
 * Parts lines arrive as parallel repeated fields (partName, partNumber, partQuantity, partUnitCost); a line
 * left entirely blank is ignored, any other line must be complete.
 */
export function parsePartLines(formData: FormData): { success: true; data: PartLine[] } | { success: false; fieldErrors: FieldErrors } {
  const text = (key: string) => formData.getAll(key).map((value) => (typeof value === 'string' ? value : ''));
  const names = text('partName');
  const numbers = text('partNumber');
  const quantities = text('partQuantity');
  const unitCosts = text('partUnitCost');
  const lines: PartLine[] = [];
  for (let index = 0; index < names.length; index += 1) {
    const raw = { partName: names[index] ?? '', partNumber: numbers[index] ?? '', quantity: quantities[index] ?? '', unitCost: unitCosts[index] ?? '' };
    if (Object.values(raw).every((value) => value.trim() === '')) continue;
    const parsed = partLineSchema.safeParse({ ...raw, quantity: raw.quantity.trim() || undefined, unitCost: raw.unitCost.trim() || undefined });
    if (!parsed.success) return { success: false, fieldErrors: { parts: `Part line ${index + 1}: ${parsed.error.issues[0]?.message ?? 'check this line'}.` } };
    lines.push(parsed.data);
  }
  return { success: true, data: lines };
}
