import { describe, expect, it } from 'vitest';
import { normalizeEmailForLimits } from './normalize-email';

describe('normalizeEmailForLimits', () => {
  it('gives every spelling of one mailbox the same key', () => {
    expect(normalizeEmailForLimits('Dana@Example.org')).toBe('dana@example.org');
    expect(normalizeEmailForLimits('dana+1@example.org')).toBe('dana@example.org');
    expect(normalizeEmailForLimits('dana+news+x@example.org')).toBe('dana@example.org');
    expect(normalizeEmailForLimits('D.a.n.a+1@gmail.com')).toBe('dana@gmail.com');
    expect(normalizeEmailForLimits('dana@googlemail.com')).toBe('dana@gmail.com');
  });

  it('keeps what tells mailboxes apart', () => {
    expect(normalizeEmailForLimits('d.ana@example.org')).toBe('d.ana@example.org');
    expect(normalizeEmailForLimits('dana@sub.example.org')).not.toBe(normalizeEmailForLimits('dana@example.org'));
    expect(normalizeEmailForLimits('+tag@example.org')).toBe('+tag@example.org');
    expect(normalizeEmailForLimits('not an address')).toBe('not an address');
  });

  it('is idempotent', () => {
    for (const address of ['D.a.n.a+1@GoogleMail.com', 'x+y@example.org', 'plain@example.org']) {
      expect(normalizeEmailForLimits(normalizeEmailForLimits(address))).toBe(normalizeEmailForLimits(address));
    }
  });
});
