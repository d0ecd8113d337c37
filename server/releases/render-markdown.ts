// The one adapter for `marked` and `sanitize-html`: a release body is Markdown
// written by staff, shown to anyone. Rendered on the server and sanitised with
// an allow-list, so a pasted <script>, an onclick or a javascript: link never
// reaches a reader's browser, whoever wrote the text.
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

// A private instance: options set here never leak into other users of marked.
const markdown = new Marked({ gfm: true, breaks: false, async: false });

const allowed: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'b', 'i', 'a', 'ul', 'ol', 'li', 'blockquote', 'h2', 'h3', 'h4', 'code', 'pre', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'del'],
  allowedAttributes: { a: ['href', 'title', 'rel'], th: ['align'], td: ['align'] },
  // No javascript:, data: or vbscript: URLs; relative links stay allowed.
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowProtocolRelative: false,
  // Links open elsewhere without handing the page to the target.
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow' }) },
  // Drop the content of dangerous elements, not just the tags.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object'],
};

/** Markdown to HTML safe to insert into a page: only the allow-listed tags, attributes and URL schemes survive. */
export function renderMarkdown(source: string): string {
  const html = markdown.parse(source) as string;
  return sanitizeHtml(html, allowed);
}
