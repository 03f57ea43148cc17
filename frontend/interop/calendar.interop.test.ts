// Reads Tsunagu's calendar outputs with ical.js (Thunderbird's parser), in a process whose local
// zone is not Tokyo. The Java test CalendarInteropTest writes the files and runs this.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';

const dir = process.env.TSUNAGU_ICS_DIR;

function calendar(name: string): ICAL.Component {
  if (!dir) throw new Error('TSUNAGU_ICS_DIR is not set: run through CalendarInteropTest');
  return new ICAL.Component(ICAL.parse(readFileSync(join(dir, name), 'utf8')));
}

function events(cal: ICAL.Component): ICAL.Event[] {
  // each file's own VTIMEZONE is what a client has; register it as Thunderbird does
  for (const tz of cal.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(tz);
  }
  return cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

function hm(d: Date): string {
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

describe('calendar outputs read by ical.js in Europe/Berlin', () => {
  it('runs in a zone other than Tokyo', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe('Europe/Berlin');
  });

  it('a download is PUBLISH with its zone: 15:00 Tokyo is 07:00 in a Berlin winter', () => {
    const cal = calendar('download.ics');
    expect(cal.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(cal.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Asia/Tokyo');
    const [e] = events(cal);
    expect(e.startDate.zone?.tzid).toBe('Asia/Tokyo');
    expect(e.startDate.toJSDate().toISOString()).toBe('2027-01-12T06:00:00.000Z');
    expect(hm(e.startDate.toJSDate())).toBe('07:00');
    expect(hm(e.endDate.toJSDate())).toBe('08:30');
    expect(e.component.getFirstProperty('organizer')).toBeNull();
  });

  it('in a Berlin summer the same 15:00 is 08:00', () => {
    const [e] = events(calendar('download-summer.ics'));
    expect(e.startDate.toJSDate().toISOString()).toBe('2027-07-13T06:00:00.000Z');
    expect(hm(e.startDate.toJSDate())).toBe('08:00');
  });

  it('a feed is PUBLISH, carries the zone once and places every event', () => {
    const cal = calendar('feed.ics');
    expect(cal.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(cal.getAllSubcomponents('vtimezone')).toHaveLength(1);
    const byTitle = new Map(events(cal).map((e) => [e.summary, e]));
    expect(byTitle.get('相互運用 冬の会')?.startDate.toJSDate().toISOString()).toBe('2027-01-12T06:00:00.000Z');
    expect(byTitle.get('相互運用 夏の会')?.startDate.toJSDate().toISOString()).toBe('2027-07-13T06:00:00.000Z');
    for (const e of byTitle.values()) {
      expect(e.component.getFirstProperty('organizer')).toBeNull();
    }
  });

  it('an invitation is REQUEST with an ORGANIZER and its one ATTENDEE', () => {
    const cal = calendar('invitation.ics');
    expect(cal.getFirstPropertyValue('method')).toBe('REQUEST');
    const [e] = events(cal);
    expect(e.startDate.toJSDate().toISOString()).toBe('2027-01-12T06:00:00.000Z');
    const organizer = e.component.getFirstProperty('organizer');
    expect(String(organizer?.getFirstValue())).toMatch(/^mailto:/i);
    expect(organizer?.getParameter('cn')).toBeTruthy();
    expect(e.attendees).toHaveLength(1);
    expect(String(e.attendees[0].getFirstValue()).toLowerCase()).toBe('mailto:interop.guest@example.jp');
    expect(e.attendees[0].getParameter('cn')).toBe('相互運用 太郎');
  });

  it('a cancellation is CANCEL of the same event, at a higher SEQUENCE', () => {
    const invite = events(calendar('invitation.ics'))[0];
    const cal = calendar('cancellation.ics');
    expect(cal.getFirstPropertyValue('method')).toBe('CANCEL');
    const [e] = events(cal);
    expect(e.uid).toBe(invite.uid);
    expect(e.sequence).toBeGreaterThan(invite.sequence);
    expect(e.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(e.component.getFirstProperty('organizer')).not.toBeNull();
    expect(e.attendees).toHaveLength(1);
  });
});
