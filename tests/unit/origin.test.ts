import { describe, expect, it } from 'vitest';
import { isAllowedOrigin } from '../../server/http/origin';

const publicUrl = 'https://desk.example.org';

describe('isAllowedOrigin', () => {
  it.each([
    [null, 'desk.example.org', true],
    ['https://desk.example.org', 'internal:3000', true],
    ['http://127.0.0.1:3000', '127.0.0.1:3000', true],
    ['https://evil.example.com', 'desk.example.org', false],
    ['https://desk.example.org.evil.com', 'desk.example.org', false],
    ['http://desk.example.org', 'other:80', false],
    ['null', 'desk.example.org', false],
    ['not a url', 'desk.example.org', false],
  ])('origin %s at host %s → %s', (origin, host, allowed) => {
    expect(isAllowedOrigin({ origin, host, publicUrl })).toBe(allowed);
  });
});
