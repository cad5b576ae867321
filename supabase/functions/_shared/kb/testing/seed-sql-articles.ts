// Reads KB articles out of the seed SQL (supabase/seeds/10-content.sql) so the retrieval quality test measures
// the very articles the app ships with. Understands `insert into … kb_articles (columns) values (…), (…);`
// with '…' / E'…' / $tag$…$tag$ strings, numbers, null, booleans and simple function calls or casts.

export interface SeedArticle {
  slug: string;
  title: string;
  body: string;
  /** From `is_published` when the seed has that column; true otherwise. */
  isPublished: boolean;
}

type SqlValue = string | number | boolean | null | { expression: string };

function skipWhitespaceAndComments(sql: string, position: number): number {
  for (;;) {
    while (position < sql.length && /\s/.test(sql[position])) position++;
    if (sql.startsWith('--', position)) {
      const end = sql.indexOf('\n', position);
      position = end === -1 ? sql.length : end + 1;
    } else if (sql.startsWith('/*', position)) {
      const end = sql.indexOf('*/', position);
      position = end === -1 ? sql.length : end + 2;
    } else {
      return position;
    }
  }
}

function readQuoted(sql: string, position: number, escapes: boolean): { value: string; end: number } {
  let value = '';
  for (let index = position + 1; index < sql.length; index++) {
    const character = sql[index];
    if (character === "'" && sql[index + 1] === "'") {
      value += "'";
      index++;
    } else if (character === "'") {
      return { value, end: index + 1 };
    } else if (escapes && character === '\\') {
      const next = sql[++index];
      value += next === 'n' ? '\n' : next === 't' ? '\t' : next === 'r' ? '\r' : next;
    } else {
      value += character;
    }
  }
  throw new SyntaxError('unterminated string in seed SQL');
}

/** One value expression up to the next top-level comma or closing parenthesis. */
function readValue(sql: string, position: number): { value: SqlValue; end: number } {
  position = skipWhitespaceAndComments(sql, position);
  let value: SqlValue;
  let end: number;
  const dollarTag = sql.slice(position).match(/^\$[A-Za-z_]*\$/)?.[0];
  if (dollarTag) {
    const close = sql.indexOf(dollarTag, position + dollarTag.length);
    if (close === -1) throw new SyntaxError('unterminated dollar-quoted string in seed SQL');
    value = sql.slice(position + dollarTag.length, close);
    end = close + dollarTag.length;
  } else if (sql[position] === "'" || (/[eE]/.test(sql[position]) && sql[position + 1] === "'")) {
    const escapes = sql[position] !== "'";
    ({ value, end } = readQuoted(sql, escapes ? position + 1 : position, escapes));
  } else {
    // Anything else (number, null, true, now(), array['a'], 'x'::type handled below): read to the delimiter.
    let depth = 0;
    end = position;
    while (end < sql.length) {
      const character = sql[end];
      if (character === "'") {
        end = readQuoted(sql, end, false).end;
        continue;
      }
      if (character === '(' || character === '[') depth++;
      if (character === ')' || character === ']') {
        if (depth === 0) break;
        depth--;
      }
      if (character === ',' && depth === 0) break;
      end++;
    }
    const text = sql.slice(position, end).trim();
    value = /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : /^null$/i.test(text) ? null : /^(true|false)$/i.test(text) ? /^true$/i.test(text) : { expression: text };
  }
  // A cast after a literal ('…'::text) or string concatenation ('a' || 'b') keeps the literal's value.
  for (;;) {
    const after = skipWhitespaceAndComments(sql, end);
    const cast = sql.slice(after).match(/^::[\w.]+(\[\])?/);
    if (cast) {
      end = after + cast[0].length;
      continue;
    }
    if (sql.startsWith('||', after) && typeof value === 'string') {
      const next = readValue(sql, after + 2);
      value += typeof next.value === 'string' ? next.value : '';
      end = next.end;
      continue;
    }
    return { value, end };
  }
}

export function parseSeedArticles(sql: string, table = 'kb_articles'): SeedArticle[] {
  const articles: SeedArticle[] = [];
  const insert = new RegExp(`insert\\s+into\\s+(?:[\\w"]+\\.)?"?${table}"?\\s*\\(([^)]*)\\)\\s*values`, 'gi');
  for (const match of sql.matchAll(insert)) {
    const columns = match[1].split(',').map((column) => column.trim().replaceAll('"', '').toLowerCase());
    let position = match.index + match[0].length;
    for (;;) {
      position = skipWhitespaceAndComments(sql, position);
      if (sql[position] !== '(') break;
      const row: SqlValue[] = [];
      position++;
      for (;;) {
        const { value, end } = readValue(sql, position);
        row.push(value);
        position = skipWhitespaceAndComments(sql, end);
        if (sql[position] === ',') {
          position++;
          continue;
        }
        if (sql[position] === ')') {
          position++;
          break;
        }
        throw new SyntaxError(`unexpected ${JSON.stringify(sql.slice(position, position + 20))} in seed SQL`);
      }
      const record = Object.fromEntries(columns.map((column, index) => [column, row[index]]));
      const body = record.body ?? record.body_md ?? record.content ?? record.body_markdown ?? record.markdown;
      if (typeof record.slug === 'string' && typeof record.title === 'string' && typeof body === 'string') {
        articles.push({ slug: record.slug, title: record.title, body, isPublished: record.is_published !== false });
      }
      position = skipWhitespaceAndComments(sql, position);
      if (sql[position] === ',') position++;
      else break;
    }
  }
  return articles;
}
