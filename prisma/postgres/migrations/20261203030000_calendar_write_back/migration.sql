-- Confirmed interviews written into one chosen CalDAV calendar of the spokesperson (optional).
ALTER TABLE "CalendarConnection" ADD COLUMN "writeCalendarUrl" TEXT;
