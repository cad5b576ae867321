// The ticket page's form parsing: parts lines from parallel repeated fields, and the work-order numbers.
import { describe, expect, it } from 'vitest';
import { parseForm } from '../../app/lib/shared/forms.ts';
import { createWorkOrderSchema, logHoursSchema, mergeFormSchema, parsePartLines, triageCorrectionSchema } from '../../app/lib/shared/ticket-forms.ts';

function form(entries: Array<[string, string]>): FormData {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
}

const line = (name: string, number: string, quantity: string, unitCost: string): Array<[string, string]> => [
  ['partName', name],
  ['partNumber', number],
  ['partQuantity', quantity],
  ['partUnitCost', unitCost],
];

describe('parsePartLines', () => {
  it('reads complete lines and skips the blank ones', () => {
    const parsed = parsePartLines(form([...line('Starter relay', '90987-02027', '2', '24.50'), ...line('', '', '', ''), ...line('Bolt', '', '4', '1.25')]));
    expect(parsed).toEqual({
      success: true,
      data: [
        { partName: 'Starter relay', partNumber: '90987-02027', quantity: 2, unitCost: 24.5 },
        { partName: 'Bolt', partNumber: null, quantity: 4, unitCost: 1.25 },
      ],
    });
  });

  it('names the line and the problem of an incomplete line', () => {
    expect(parsePartLines(form([...line('Relay', '', '1', '2'), ...line('Fuse', '', '', '3')]))).toEqual({ success: false, fieldErrors: { parts: 'Part line 2: enter a whole quantity.' } });
    expect(parsePartLines(form(line('', '', '1', '2')))).toEqual({ success: false, fieldErrors: { parts: 'Part line 1: name the part.' } });
    expect(parsePartLines(form(line('Relay', '', '1.5', '2')))).toEqual({ success: false, fieldErrors: { parts: 'Part line 1: enter a whole quantity.' } });
    expect(parsePartLines(form(line('Relay', '', '1', '-2')))).toEqual({ success: false, fieldErrors: { parts: 'Part line 1: the unit cost cannot be negative.' } });
  });

  it('accepts a work order without parts', () => {
    expect(parsePartLines(form([]))).toEqual({ success: true, data: [] });
  });
});

describe('work-order fields', () => {
  it('treats an empty estimate as not given but requires a rate', () => {
    expect(parseForm(createWorkOrderSchema, form([['description', 'Fix'], ['estimatedHours', ''], ['laborRate', '90']]))).toEqual({
      success: true,
      data: { description: 'Fix', estimatedHours: null, laborRate: 90 },
    });
    const missingRate = parseForm(createWorkOrderSchema, form([['description', ' '], ['estimatedHours', 'abc'], ['laborRate', '']]));
    expect(missingRate).toEqual({
      success: false,
      fieldErrors: {
        description: 'Describe the work.',
        estimatedHours: 'Enter hours as a number, e.g. 1.5.',
        laborRate: 'Enter the labour rate per hour (0 if the labour is free).',
      },
    });
  });

  it('requires hours when logging them, within range', () => {
    const id = '00000000-0000-4000-8000-000000000001';
    expect(parseForm(logHoursSchema, form([['workOrderId', id], ['actualHours', '']]))).toEqual({ success: false, fieldErrors: { actualHours: 'Enter the hours worked.' } });
    expect(parseForm(logHoursSchema, form([['workOrderId', id], ['actualHours', '1000']]))).toEqual({ success: false, fieldErrors: { actualHours: 'Hours must be between 0 and 999.' } });
    expect(parseForm(logHoursSchema, form([['workOrderId', id], ['actualHours', '1.5']]))).toEqual({ success: true, data: { workOrderId: id, actualHours: 1.5 } });
  });
});

describe('triage corrections and merges (issue 15)', () => {
  it('checks a correction against the values of its field', () => {
    expect(parseForm(triageCorrectionSchema, form([['field', 'urgency'], ['value', 'high']]))).toEqual({ success: true, data: { field: 'urgency', value: 'high' } });
    expect(parseForm(triageCorrectionSchema, form([['field', 'sentiment'], ['value', '3']]))).toEqual({ success: true, data: { field: 'sentiment', value: 3 } });
    expect(parseForm(triageCorrectionSchema, form([['field', 'urgency'], ['value', 'critical']])).success).toBe(false);
    expect(parseForm(triageCorrectionSchema, form([['field', 'sentiment'], ['value', '11']])).success).toBe(false);
    expect(parseForm(triageCorrectionSchema, form([['field', 'category'], ['value', 'high']])).success).toBe(false);
    expect(parseForm(triageCorrectionSchema, form([['field', 'priority'], ['value', 'high']])).success).toBe(false);
  });

  it('reads the cross-customer confirmation of a merge as a checkbox', () => {
    const survivorId = '00000000-0000-4000-b000-00000000000a';
    expect(parseForm(mergeFormSchema, form([['survivorId', survivorId]]))).toEqual({ success: true, data: { survivorId, confirmCrossCustomer: false } });
    expect(parseForm(mergeFormSchema, form([['survivorId', survivorId], ['confirmCrossCustomer', 'on']]))).toEqual({ success: true, data: { survivorId, confirmCrossCustomer: true } });
    expect(parseForm(mergeFormSchema, form([['survivorId', 'TCK-1']])).success).toBe(false);
  });
});
