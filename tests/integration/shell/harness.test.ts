import { describe, expect, it } from 'vitest';
import { findChromium } from '../../../electron/backend/reports/chromium';

describe('browser test harness', () => {
  it('names the browsers it looked for, instead of skipping, when none is installed', () => {
    expect(() => findChromium(['/nope/chromium', '/nope/chrome'], () => false)).toThrow(
      /找不到 Chromium 系浏览器（已查找：\/nope\/chromium、\/nope\/chrome）.*apt-get install -y chromium/,
    );
  });

  it('takes the first browser that exists', () => {
    expect(findChromium(['/a', '/b', '/c'], (p) => p !== '/a')).toBe('/b');
  });
});
