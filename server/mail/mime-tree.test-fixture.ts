/**
 * A deliberately small MIME reader for tests: it shows the tree exactly as
 * written on the wire (which mailparser flattens), so tests can check nesting,
 * Content-Type parameters and transfer encodings. Test-only; handles what
 * nodemailer writes (CRLF, unquoted or quoted parameters, base64, QP, 7bit).
 */
export interface MimePart {
  /** Lowercased media type, e.g. "multipart/alternative". */
  type: string;
  /** Content-Type parameters, lowercased names, values as written (unquoted). */
  parameters: Record<string, string>;
  /** Raw Content-Type value as written. */
  contentTypeHeader: string;
  /** Unfolded header values by lowercased name (first occurrence). */
  headers: Map<string, string>;
  children: MimePart[];
  /** The body after undoing Content-Transfer-Encoding (empty for multiparts). */
  body: Buffer;
}

export function readMimeTree(raw: Buffer | string): MimePart {
  const text = typeof raw === 'string' ? raw : raw.toString('latin1');
  const split = text.indexOf('\r\n\r\n');
  const headerBlock = split === -1 ? text : text.slice(0, split);
  const bodyText = split === -1 ? '' : text.slice(split + 4);
  const headers = new Map<string, string>();
  for (const line of headerBlock.replace(/\r\n(?=[ \t])/g, '').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  const contentTypeHeader = headers.get('content-type') ?? 'text/plain';
  const [typeToken, ...parameterTokens] = contentTypeHeader.split(';');
  const parameters: Record<string, string> = {};
  for (const token of parameterTokens) {
    const equals = token.indexOf('=');
    if (equals === -1) continue;
    parameters[token.slice(0, equals).trim().toLowerCase()] = token.slice(equals + 1).trim().replace(/^"(.*)"$/, '$1');
  }
  const type = typeToken!.trim().toLowerCase();
  if (type.startsWith('multipart/')) {
    const delimiter = `--${parameters.boundary}`;
    const sections = `\r\n${bodyText}`.split(`\r\n${delimiter}`);
    // sections[0] is the preamble; the last starts with "--" (the close delimiter).
    const children = sections
      .slice(1)
      .filter((section) => !section.startsWith('--'))
      .map((section) => readMimeTree(section.replace(/^[ \t]*\r\n/, '')));
    return { type, parameters, contentTypeHeader, headers, children, body: Buffer.alloc(0) };
  }
  return { type, parameters, contentTypeHeader, headers, children: [], body: decodeBody(bodyText, headers.get('content-transfer-encoding')) };
}

function decodeBody(body: string, encoding: string | undefined): Buffer {
  switch ((encoding ?? '7bit').toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
    case 'quoted-printable':
      return Buffer.from(
        body.replace(/=\r\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
        'latin1',
      );
    default:
      return Buffer.from(body, 'latin1');
  }
}
