import { describe, expect, it } from 'vitest';
import { dueAnnouncement, formatRemaining } from './phase-timer';

describe('phase timer', () => {
  it('formats time left and overtime', () => {
    expect(formatRemaining(125_000, '残り', '超過')).toBe('残り 2:05');
    expect(formatRemaining(59_400, '残り', '超過')).toBe('残り 0:59');
    expect(formatRemaining(-61_000, '残り', '超過')).toBe('超過 1:01');
  });

  it('announces the last minute once, then time up once', () => {
    expect(dueAnnouncement(120_000, false, false)).toBeNull();
    expect(dueAnnouncement(60_000, false, false)).toBe('one');
    expect(dueAnnouncement(30_000, true, false)).toBeNull();
    expect(dueAnnouncement(0, true, false)).toBe('end');
    expect(dueAnnouncement(-5_000, true, true)).toBeNull();
  });

  it('says time up (not one minute) when the page opens late', () => {
    expect(dueAnnouncement(-90_000, false, false)).toBe('end');
  });
});
