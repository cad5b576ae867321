// postgres_changes filters as realtime-js sends them: `column=op.value`, op one of
// eq, neq, lt, lte, gt, gte, in (`in.(a,b,"c d")`).
export type FilterOperator = 'eq' | 'neq' | 'lt' | 'lte' | 'gt' | 'gte' | 'in';
export interface RowFilter {
  column: string;
  operator: FilterOperator;
  values: string[];
}

export class FilterError extends Error {}

const FILTER_PATTERN = /^([^=]+)=(eq|neq|lt|lte|gt|gte|in)\.(.*)$/s;

export function parseFilter(filter: string | undefined): RowFilter | undefined {
  if (filter === undefined || filter === '') return undefined;
  const match = FILTER_PATTERN.exec(filter);
  if (!match) throw new FilterError(`Error parsing \`filter\` params: ${filter}`);
  const [, column, operator, raw] = match as unknown as [string, string, FilterOperator, string];
  if (operator !== 'in') return { column, operator, values: [raw] };
  const list = /^\((.*)\)$/s.exec(raw);
  if (!list) throw new FilterError(`Error parsing \`filter\` params: ${filter} (in needs a list like in.(1,2))`);
  const values = list[1]!.split(',').map((value) => value.trim().replace(/^"(.*)"$/s, '$1'));
  return { column, operator, values };
}

function compare(left: unknown, right: string): number {
  const leftNumber = typeof left === 'number' ? left : Number(left);
  const rightNumber = Number(right);
  if (!Number.isNaN(leftNumber) && !Number.isNaN(rightNumber) && String(left).trim() !== '' && right.trim() !== '') {
    return leftNumber - rightNumber;
  }
  const leftText = String(left);
  return leftText < right ? -1 : leftText > right ? 1 : 0;
}

export function rowMatches(filter: RowFilter | undefined, record: Record<string, unknown>): boolean {
  if (!filter) return true;
  if (!(filter.column in record)) return false;
  const value = record[filter.column];
  if (value === null || value === undefined) return false;
  switch (filter.operator) {
    case 'eq':
      return compare(value, filter.values[0]!) === 0;
    case 'neq':
      return compare(value, filter.values[0]!) !== 0;
    case 'lt':
      return compare(value, filter.values[0]!) < 0;
    case 'lte':
      return compare(value, filter.values[0]!) <= 0;
    case 'gt':
      return compare(value, filter.values[0]!) > 0;
    case 'gte':
      return compare(value, filter.values[0]!) >= 0;
    case 'in':
      return filter.values.some((candidate) => compare(value, candidate) === 0);
  }
}
