import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './render-markdown';

describe('renderMarkdown', () => {
  it('renders paragraphs, emphasis, lists and links', () => {
    const html = renderMarkdown('Geneva, **31 October**.\n\n- one\n- two\n\n[Report](https://example.org/report.pdf)');
    expect(html).toContain('<p>Geneva, <strong>31 October</strong>.</p>');
    expect(html).toContain('<li>one</li>');
    expect(html).toContain('<a href="https://example.org/report.pdf" rel="noopener noreferrer nofollow">Report</a>');
  });

  it('strips script elements with their content', () => {
    const html = renderMarkdown('Hello <script>alert(1)</script> world\n\n<script src="https://evil.example/x.js"></script>');
    expect(html).not.toMatch(/script|alert/i);
    expect(html).toContain('Hello');
  });

  it('strips event handlers and unknown elements', () => {
    const html = renderMarkdown('<img src=x onerror="alert(1)"> <p onclick="steal()">Click</p> <iframe src="https://evil.example"></iframe>');
    expect(html).not.toMatch(/onerror|onclick|alert|steal|iframe|<img/i);
    expect(html).toContain('Click');
  });

  it('removes javascript: and data: links, in Markdown and in HTML, whatever their case', () => {
    const html = renderMarkdown('[a](javascript:alert(1)) [b](JaVaScRiPt:alert(2)) <a href="javascript:alert(3)">c</a> <a href="data:text/html,x">d</a> [e](vbscript:x)');
    expect(html).not.toMatch(/javascript|data:|vbscript|alert/i);
    expect(html).toMatch(/a.*b.*c.*d.*e/s);
  });
});
