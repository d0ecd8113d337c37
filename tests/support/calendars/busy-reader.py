#!/usr/bin/python3
# The independent reader the calendar tests compare against: Debian's python3
# icalendar + recurring_ical_events compute the busy intervals of .ics files by
# the README's rules (transparent and cancelled events are free; floating times
# and all-day dates are in the spokesperson's zone). Prints JSON
# [[startMs, endMs], ...] sorted. Usage: busy-reader.py ZONE FROM_ISO TO_ISO FILE...
import datetime, json, sys
from zoneinfo import ZoneInfo
import icalendar, recurring_ical_events

zone = ZoneInfo(sys.argv[1])
window_from = datetime.datetime.fromisoformat(sys.argv[2].replace('Z', '+00:00'))
window_to = datetime.datetime.fromisoformat(sys.argv[3].replace('Z', '+00:00'))

def instant(value):
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=zone)
        return int(value.timestamp() * 1000)
    # A date: the spokesperson's local midnight.
    return int(datetime.datetime(value.year, value.month, value.day, tzinfo=zone).timestamp() * 1000)

busy = []
for path in sys.argv[4:]:
    with open(path, 'rb') as handle:
        calendar = icalendar.Calendar.from_ical(handle.read())
    # Wide query (the library compares in its own way); the window is applied below, exactly.
    for event in recurring_ical_events.of(calendar).between(window_from - datetime.timedelta(days=2), window_to + datetime.timedelta(days=2)):
        if str(event.get('TRANSP', 'OPAQUE')).upper() == 'TRANSPARENT' or str(event.get('STATUS', '')).upper() == 'CANCELLED':
            continue
        start = event['DTSTART'].dt
        if 'DTEND' in event:
            end = event['DTEND'].dt
        elif 'DURATION' in event:
            end = start + event['DURATION'].dt
        else:
            end = start + datetime.timedelta(days=1) if not isinstance(start, datetime.datetime) else start
        interval = [instant(start), instant(end)]
        if interval[1] > interval[0] and interval[0] < int(window_to.timestamp() * 1000) and interval[1] > int(window_from.timestamp() * 1000):
            busy.append(interval)
print(json.dumps(sorted(busy)))
