import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { buildPlanner, expandNightHours, type PlannerSpokespersonSource } from './planner';

const utc = (iso: string) => Date.parse(iso);
/** An interval as local wall times, the way a person reads it (luxon as the oracle). */
const local = (interval: { start: string; end: string }, zone: string) =>
  `${DateTime.fromISO(interval.start, { zone }).toFormat('MM-dd HH:mm ZZ')} – ${DateTime.fromISO(interval.end, { zone }).toFormat('MM-dd HH:mm ZZ')}`;

function person(overrides: Partial<PlannerSpokespersonSource> = {}): PlannerSpokespersonSource {
  return { id: 's1', name: 'Hector', timeZone: 'Europe/Zurich', weeklyRules: [], overrides: [], timeOff: [], interviews: [], holds: [], ...overrides };
}

describe('expandNightHours', () => {
  it('is 22:00–07:00 local, an hour shorter across the spring-forward night and longer across the fall-back one', () => {
    const spring = expandNightHours({ timeZone: 'America/New_York', from: utc('2027-03-13T12:00:00Z'), to: utc('2027-03-14T12:00:00Z') });
    expect(spring.map((night) => [new Date(night.start).toISOString(), (night.end - night.start) / 3_600_000])).toEqual([['2027-03-14T03:00:00.000Z', 8]]);
    const autumn = expandNightHours({ timeZone: 'America/New_York', from: utc('2027-11-06T12:00:00Z'), to: utc('2027-11-07T12:00:00Z') });
    expect(autumn.map((night) => [new Date(night.start).toISOString(), (night.end - night.start) / 3_600_000])).toEqual([['2027-11-07T02:00:00.000Z', 10]]);
  });

  it('returns nights overlapping the window whole, not clipped', () => {
    const nights = expandNightHours({ timeZone: 'Asia/Kathmandu', from: utc('2027-06-01T00:00:00Z'), to: utc('2027-06-01T01:00:00Z') });
    // 22:00 on 31 May to 07:00 on 1 June in Kathmandu (+05:45).
    expect(nights).toEqual([{ start: utc('2027-05-31T16:15:00Z'), end: utc('2027-06-01T01:15:00Z') }]);
  });
});

describe('buildPlanner', () => {
  it('expands working hours in the spokesperson’s zone, not the viewer’s, with date overrides', () => {
    const view = buildPlanner({
      from: utc('2027-03-27T00:00:00Z'),
      to: utc('2027-03-30T00:00:00Z'),
      viewerTimeZone: 'Asia/Tokyo',
      spokespeople: [
        person({
          weeklyRules: [6, 7, 1].map((weekday) => ({ weekday: weekday as 1 | 6 | 7, start: '09:00', end: '17:00' })),
          overrides: [{ date: '2027-03-29', ranges: [{ start: '13:00', end: '14:00' }] }],
        }),
      ],
    });
    expect(view.spokespeople[0]!.working.map((range) => local(range, 'Europe/Zurich'))).toEqual([
      '03-27 09:00 +01:00 – 03-27 17:00 +01:00',
      '03-28 09:00 +02:00 – 03-28 17:00 +02:00',
      '03-29 13:00 +02:00 – 03-29 14:00 +02:00',
    ]);
    expect(view.spokespeople[0]!.working[0]).toEqual({ start: '2027-03-27T08:00:00.000Z', end: '2027-03-27T16:00:00.000Z' });
    expect(view.spokespeople[0]!.working[1]).toEqual({ start: '2027-03-28T07:00:00.000Z', end: '2027-03-28T15:00:00.000Z' });
  });

  it('keeps only what overlaps the window, sorted, and leaves out empty optional fields', () => {
    const view = buildPlanner({
      from: utc('2027-03-29T00:00:00Z'),
      to: utc('2027-03-30T00:00:00Z'),
      viewerTimeZone: 'UTC',
      spokespeople: [
        person({
          timeOff: [
            { id: 't2', start: utc('2027-03-29T12:00:00Z'), end: utc('2027-03-29T13:00:00Z'), reason: null },
            { id: 't1', start: utc('2027-03-28T22:00:00Z'), end: utc('2027-03-29T01:00:00Z'), reason: 'Flight' },
            { id: 't0', start: utc('2027-03-28T12:00:00Z'), end: utc('2027-03-29T00:00:00Z'), reason: 'Ends at the window’s start' },
          ],
          interviews: [{ id: 'i1', start: utc('2027-03-29T09:00:00Z'), end: utc('2027-03-29T09:30:00Z'), status: 'confirmed', reference: 'IR-AAAA', outlet: null }],
          holds: [{ requestId: 'r1', reference: 'IR-BBBB', start: utc('2027-03-30T00:00:00Z'), end: utc('2027-03-30T00:30:00Z') }],
        }),
      ],
    });
    const [planned] = view.spokespeople;
    expect(planned!.timeOff).toEqual([
      { id: 't1', start: '2027-03-28T22:00:00.000Z', end: '2027-03-29T01:00:00.000Z', reason: 'Flight' },
      { id: 't2', start: '2027-03-29T12:00:00.000Z', end: '2027-03-29T13:00:00.000Z' },
    ]);
    expect(planned!.interviews).toEqual([{ id: 'i1', start: '2027-03-29T09:00:00.000Z', end: '2027-03-29T09:30:00.000Z', status: 'confirmed', reference: 'IR-AAAA' }]);
    // A hold starting exactly at the window's end is outside it (half-open).
    expect(planned!.holds).toEqual([]);
    expect(view.night).toEqual([
      { start: '2027-03-28T22:00:00.000Z', end: '2027-03-29T07:00:00.000Z' },
      { start: '2027-03-29T22:00:00.000Z', end: '2027-03-30T07:00:00.000Z' },
    ]);
  });
});
