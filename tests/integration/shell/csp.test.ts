import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('renderer Content-Security-Policy', () => {
  const html = readFileSync(resolve(__dirname, '../../../renderer/index.html'), 'utf8');
  const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
  const directive = (name: string) =>
    csp
      .split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith(`${name} `)) ?? '';

  it('is present as a meta tag', () => {
    expect(csp).not.toBe('');
  });

  it('allows scripts from the app only: no unsafe-eval, no unsafe-inline, no remote hosts', () => {
    const scripts = directive('script-src') || directive('default-src');
    expect(scripts).toBe("script-src 'self'");
    expect(directive('default-src')).toBe("default-src 'self'");
    expect(directive('object-src')).toBe("object-src 'none'");
  });

  it('has no inline script in the page', () => {
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});
