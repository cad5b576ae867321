// Article markdown → safe HTML, on the server only (the libraries never reach the browser bundle).
// `marked` parses CommonMark + GFM (the seeded articles use tables); its output is then sanitised by
// `sanitize-html` with an allow-list, because markdown may carry raw HTML and an article is written by
// people (or pasted into Studio): no scripts, no event handlers, no style, links only to http(s), mailto
// and site-relative paths. The public page and the admin preview both go through this one function.
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const markdown = new Marked({ gfm: true, breaks: false, async: false });

const allowedTags = [
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote', 'pre', 'code', 'em', 'strong', 'del', 's',
  'ul', 'ol', 'li', 'a', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'input', 'kbd', 'sup', 'sub',
];

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags,
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'title'],
    th: ['align'],
    td: ['align'],
    ol: ['start'],
    // GFM task lists render as disabled checkboxes.
    input: ['type', 'checked', 'disabled'],
    code: ['class'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  allowedClasses: { code: [/^language-[\w-]+$/] },
  transformTags: {
    // Links leaving the site open normally but never hand the article's window to the other site.
    a: (tagName, attribs) => {
      const external = /^https?:\/\//i.test(attribs['href'] ?? '');
      return { tagName, attribs: external ? { ...attribs, rel: 'noopener noreferrer nofollow' } : attribs };
    },
    input: (tagName, attribs) => ({ tagName, attribs: attribs['type'] === 'checkbox' ? { ...attribs, disabled: '' } : {} }),
  },
  exclusiveFilter: (frame) => frame.tag === 'input' && frame.attribs['type'] !== 'checkbox',
};

/** Renders an article's markdown to HTML that is safe to insert into the page. */
export function renderMarkdown(source: string): string {
  const html = markdown.parse(source) as string;
  return sanitizeHtml(html, sanitizeOptions);
}

/** Plain text of the start of an article, for listings and search results (markdown syntax removed). */
export function markdownExcerpt(source: string, maxLength = 180): string {
  const text = sanitizeHtml(markdown.parse(source) as string, { allowedTags: [], allowedAttributes: {} })
    .replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > maxLength ? `${text.slice(0, maxLength).replace(/\s+\S*$/, '')}…` : text;
}
