/**
 * One structure, two renderings: every email body is described once as blocks
 * and rendered to text/plain and text/html here, so the two alternatives of a
 * multipart/alternative message (RFC 2046 §5.1.4) always say the same thing.
 *
 * All text is user text until proven otherwise: it is sanitised (no control
 * characters, CR/LF normalised) and HTML-escaped; links become `<a>` only for
 * absolute http(s) URLs, plain mailto: addresses and E.164 tel: numbers, so a `javascript:` or
 * `data:` "link" stays inert text.
 */
import { sanitizeText } from '../invites/sanitize-text';
import { escapeHtml } from './escape-html';

/** A line of text, or a link shown with a label. */
export type BodyLine = string | { text: string; href: string };

/** A labelled fact: "Topic: report launch", or a label over several lines. */
export interface BodyField {
  label: string;
  lines: BodyLine[];
}

export type BodyBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'fields'; fields: BodyField[] }
  /** `htmlOnly`: links too long to be useful as bare text (the text part says the same elsewhere). */
  | { kind: 'list'; items: BodyLine[]; htmlOnly?: boolean }
  /** A prominent link (a button in HTML), e.g. the reporter's manage link. */
  | { kind: 'action'; text: string; href: string };

export interface EmailBodyOptions {
  /** BCP 47 language of the text, for <html lang> (screen readers, hyphenation); English when absent. */
  language?: string;
  /** Heading at the top of the HTML, and its <title>. */
  title: string;
  blocks: BodyBlock[];
  /** Small print at the bottom. */
  footer?: string;
}

/**
 * Renders blocks to `{ text, html }`.
 *
 * Guarantees: every piece of text in the HTML is escaped (`& < > " '`); only
 * http(s) URLs and plain mailto: addresses become links; the text has LF line ends (nodemailer writes CRLF
 * on the wire) and no control characters other than LF and tab.
 */
export function renderEmailBody(options: EmailBodyOptions): { text: string; html: string } {
  return { text: renderText(options), html: renderHtml(options) };
}

/* ----------------------------------------------------------------------------
 * text/plain
 * ------------------------------------------------------------------------- */

function renderText(options: EmailBodyOptions): string {
  const sections = options.blocks.map((block) => {
    switch (block.kind) {
      case 'paragraph':
        return clean(block.text);
      case 'fields':
        return renderFieldsAsText(block.fields);
      case 'list':
        return block.htmlOnly ? '' : block.items.map((item) => `- ${renderTextLine(item)}`).join('\n');
      case 'action':
        return `${clean(block.text)}:\n${cleanUrl(block.href)}`;
    }
  });
  if (options.footer) sections.push(`--\n${clean(options.footer)}`);
  return `${sections.filter((section) => section !== '').join('\n\n')}\n`;
}

/**
 * Fields as plain text, one "Label: value" line each, or the label over
 * indented lines when there are several; links as "text: URL". This is also
 * the calendar DESCRIPTION, so the invite and the email read the same.
 */
export function renderFieldsAsText(fields: BodyField[]): string {
  return fields.map(renderTextField).join('\n');
}

function renderTextField(field: BodyField): string {
  const lines = field.lines.map(renderTextLine).filter((line) => line !== '');
  if (lines.length === 1) return `${clean(field.label)}: ${lines[0]}`;
  return [`${clean(field.label)}:`, ...lines.map((line) => `  ${line}`)].join('\n');
}

function renderTextLine(line: BodyLine): string {
  if (typeof line === 'string') return clean(line).replace(/\n/g, '\n  ');
  const text = clean(line.text);
  const href = cleanUrl(line.href);
  // A mailto: or tel: link is labelled with its address or number; the text alone says it all.
  if (/^(mailto|tel):/i.test(href) && text !== '') return text;
  return text === '' || text === href ? href : `${text}: ${href}`;
}

/* ----------------------------------------------------------------------------
 * text/html
 * ------------------------------------------------------------------------- */

/*
 * Inline styles only: Gmail and Outlook drop <style> in many cases. No images,
 * no remote resources, no scripts: nothing for a client to block or fetch.
 */
const STYLES = {
  body: 'margin:0;padding:24px;background:#ffffff;color:#1a1a1a;font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;font-size:15px;line-height:1.5;',
  heading: 'margin:0 0 16px;font-size:20px;line-height:1.3;',
  paragraph: 'margin:0 0 16px;',
  table: 'border-collapse:collapse;margin:0 0 16px;',
  label: 'padding:4px 16px 4px 0;vertical-align:top;color:#555555;white-space:nowrap;',
  value: 'padding:4px 0;vertical-align:top;',
  list: 'margin:0 0 16px;padding-left:20px;',
  action:
    'display:inline-block;margin:0 0 16px;padding:10px 16px;background:#1f4e79;color:#ffffff;text-decoration:none;border-radius:4px;',
  footer: 'margin:24px 0 0;color:#777777;font-size:13px;',
} as const;

function renderHtml(options: EmailBodyOptions): string {
  const title = escapeHtml(clean(options.title));
  const blocks = options.blocks.map(renderHtmlBlock).join('\n');
  const footer = options.footer ? `\n<p style="${STYLES.footer}">${renderHtmlText(options.footer)}</p>` : '';
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(options.language ?? 'en')}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title>`,
    '</head>',
    `<body style="${STYLES.body}">`,
    `<h1 style="${STYLES.heading}">${title}</h1>`,
    `${blocks}${footer}`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function renderHtmlBlock(block: BodyBlock): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p style="${STYLES.paragraph}">${renderHtmlText(block.text)}</p>`;
    case 'fields':
      return [
        `<table role="presentation" style="${STYLES.table}">`,
        ...block.fields.map(
          (field) =>
            `<tr><td style="${STYLES.label}">${escapeHtml(clean(field.label))}</td>` +
            `<td style="${STYLES.value}">${field.lines.map(renderHtmlLine).join('<br>')}</td></tr>`,
        ),
        '</table>',
      ].join('\n');
    case 'list':
      return `<ul style="${STYLES.list}">${block.items.map((item) => `<li>${renderHtmlLine(item)}</li>`).join('')}</ul>`;
    case 'action': {
      const href = safeLinkUrl(block.href);
      if (href === null) return `<p style="${STYLES.paragraph}">${renderHtmlText(`${block.text}: ${block.href}`)}</p>`;
      return `<p><a href="${escapeHtml(href)}" style="${STYLES.action}">${escapeHtml(clean(block.text))}</a></p>`;
    }
  }
}

function renderHtmlLine(line: BodyLine): string {
  if (typeof line === 'string') return renderHtmlText(line);
  const href = safeLinkUrl(line.href);
  const text = clean(line.text) || cleanUrl(line.href);
  if (href === null) return renderHtmlText(text === cleanUrl(line.href) ? text : `${text}: ${line.href}`);
  return `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;
}

/** Escaped text with its line breaks kept as <br>. */
function renderHtmlText(text: string): string {
  return escapeHtml(clean(text)).replace(/\n/g, '<br>\n');
}

/* ----------------------------------------------------------------------------
 * helpers
 * ------------------------------------------------------------------------- */

function clean(text: string): string {
  return sanitizeText(text).trim();
}

/** A URL shown as text: white space and controls removed, so it stays one clickable token. */
function cleanUrl(url: string): string {
  return sanitizeText(url).replace(/\s+/g, '');
}

/** mailto: one plain address, nothing after it (no ?subject=… or extra recipients). */
const MAILTO_PATTERN = /^mailto:[A-Za-z0-9.!#$%&'*+/=^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$/i;

/** tel: one E.164 number (RFC 3966 global number), nothing else. */
const TEL_PATTERN = /^tel:\+[1-9]\d{6,14}$/;

/** The normalised URL if it is absolute http(s), a plain mailto: or an E.164 tel:, else null. */
function safeLinkUrl(url: string): string | null {
  const cleaned = cleanUrl(url);
  if (MAILTO_PATTERN.test(cleaned) || TEL_PATTERN.test(cleaned)) return cleaned;
  try {
    const parsed = new URL(cleaned);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
