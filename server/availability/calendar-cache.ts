// A read-through cache of spokespeople's calendars for the slot queries.
//
// Why: availability.slots is the hottest public query (a press release goes
// out, reporters open the slot picker), and every Prisma query costs about a
// millisecond on the JS engine, so loading a calendar per request (four
// queries) caps one instance at a few hundred answers a second.
//
// Correctness: slot lists are advice, never the booking check. Every booking
// re-checks conflicts inside its serialising transaction (DESIGN.md rule 2),
// so a stale entry can at worst offer a slot that then answers SLOT_TAKEN.
// Writes made by this process invalidate the affected entries at once
// (invalidateCalendars, called after commit by every write path); writes made
// by another instance sharing the PostgreSQL database are picked up within
// CALENDAR_CACHE_TTL_MS.
import type { DbOrTx } from '../db';
import { loadCalendars, type SpokespersonCalendar } from './load-calendars';

/** Longest time an entry is served without reloading (bounds staleness across instances). */
export const CALENDAR_CACHE_TTL_MS = 5_000;
/**
 * Each entry covers this span around its load time: longer than any booking horizon
 * (MAX_HORIZON_DAYS, 366) plus the time an entry is served, so every public window fits.
 */
const COVER_BEFORE_MS = 2 * 86_400_000;
const COVER_AFTER_MS = 370 * 86_400_000;
/** Bounds the slug → id memo; a press office has far fewer spokespeople. */
const MAX_REMEMBERED_SLUGS = 1_000;

interface Entry {
  loadedAt: number;
  from: number;
  to: number;
  calendar: Promise<SpokespersonCalendar | null>;
  /** Set once the load succeeded, so an expired entry can be served while it reloads. */
  settled?: boolean;
  /** The loaded calendar, once settled. */
  value?: SpokespersonCalendar | null;
}

export class CalendarCache {
  private readonly entries = new Map<string, Entry>();
  private active: { loadedAt: number; ids: Promise<string[]> } | undefined;
  /** Bumped by every invalidation, so a slug lookup that raced a write is not kept. */
  private generation = 0;
  /**
   * Bumped per spokesperson by an invalidation of that spokesperson (all of them for
   * an invalidation of all), so a load that raced a write to its calendar is not kept,
   * while loads of the others are: a busy writer on one calendar must not send
   * every other calendar's readers back to the database.
   */
  private readonly idGenerations = new Map<string, number>();
  private allGeneration = 0;

  private stampOf(id: string): string {
    return `${this.allGeneration}:${this.idGenerations.get(id) ?? 0}`;
  }

  constructor(private readonly db: DbOrTx) {}

  /**
   * Calendars of the given active spokespeople (all active ones when `ids` is
   * omitted) valid for the window `[from, to)`, in name order for `all`.
   */
  async get(options: { ids?: string[]; from: Date; to: Date; now: number }): Promise<SpokespersonCalendar[]> {
    const { from, to, now } = options;
    if (from.getTime() < now - COVER_BEFORE_MS || to.getTime() > now + COVER_AFTER_MS) {
      // Outside what an entry loaded now covers (history, or beyond any horizon): read directly.
      // Public slot questions never get here: they are clamped to now … now + the longest
      // horizon first (clampToBookableWindow in find-free-slots.ts).
      return loadCalendars({ db: this.db, where: options.ids ? { ids: options.ids } : undefined, from, to });
    }
    const ids = options.ids ?? (await this.activeIds(now));
    const missing: string[] = [];
    const stale: Entry[] = [];
    for (const id of ids) {
      const entry = this.entries.get(id);
      if (this.isFresh(entry, from, to, now)) continue;
      missing.push(id);
      // Expired by age only (no write invalidated it): answer from it while the reload runs,
      // so the periodic refresh never stalls the requests that arrive meanwhile.
      // (Also while that reload is under way: a second load of the same calendar would only race it.)
      if (entry?.settled && this.covers(entry, from, to)) stale.push(entry);
    }
    const served = new Map<string, Promise<SpokespersonCalendar | null>>();
    if (stale.length === missing.length && missing.length > 0) {
      for (const id of missing) served.set(id, this.entries.get(id)!.calendar);
      const due = missing.filter((id) => !this.reloading.has(id));
      if (due.length > 0) this.reload(due, now);
    } else if (missing.length > 0) {
      this.load(missing, now);
    }
    const calendars = await Promise.all(ids.map((id) => served.get(id) ?? this.entries.get(id)!.calendar));
    return calendars.filter((calendar): calendar is SpokespersonCalendar => calendar !== null);
  }

  /**
   * The id of the spokesperson a public link names, by id or by slug (reporters'
   * links carry slugs, so the slot picker can ask for slots without first
   * fetching the profile). Anything that is not a known slug is returned as is:
   * `get` then answers for it as an id (nothing, for junk). A slug seen in the
   * last CALENDAR_CACHE_TTL_MS is answered without a query.
   */
  async resolveId(idOrSlug: string, now: number): Promise<string> {
    // Ids of calendars this cache has loaded stay ids across writes (an entry
    // dropped by a write would otherwise send every request for it to the
    // database until the next load).
    if (this.entries.has(idOrSlug) || this.knownIds.has(idOrSlug)) return idOrSlug;
    const remembered = this.slugs.get(idOrSlug);
    if (remembered && now - remembered.loadedAt < CALENDAR_CACHE_TTL_MS) return remembered.id;
    // Concurrent questions with the same unknown name share one query.
    let lookup = this.lookups.get(idOrSlug);
    if (!lookup) {
      const generation = this.generation;
      lookup = this.db.spokesperson.findUnique({ where: { slug: idOrSlug }, select: { id: true } }).then((row) => {
        if (!row) return idOrSlug;
        // Only slugs that exist are remembered (junk from the public is not kept), and not across a write.
        if (generation === this.generation) {
          if (this.slugs.size >= MAX_REMEMBERED_SLUGS) this.slugs.clear();
          this.slugs.set(idOrSlug, { id: row.id, loadedAt: now });
        }
        return row.id;
      });
      this.lookups.set(idOrSlug, lookup);
      void lookup.finally(() => this.lookups.delete(idOrSlug)).catch(() => {});
    }
    return lookup;
  }

  private readonly lookups = new Map<string, Promise<string>>();
  /** Ids of spokespeople whose calendars were loaded; bounded like the slugs. */
  private readonly knownIds = new Set<string>();

  private rememberIds(calendars: SpokespersonCalendar[]): void {
    if (this.knownIds.size >= MAX_REMEMBERED_SLUGS) this.knownIds.clear();
    for (const calendar of calendars) this.knownIds.add(calendar.id);
  }

  /**
   * Whether `calendar` is what `get` would answer for its spokesperson now,
   * without reloading: the same object, loaded less than CALENDAR_CACHE_TTL_MS ago.
   */
  isCurrent(calendar: SpokespersonCalendar, now: number): boolean {
    const entry = this.entries.get(calendar.id);
    return entry?.value === calendar && now - entry.loadedAt < CALENDAR_CACHE_TTL_MS;
  }

  /** Drops entries (all when `ids` is omitted); call after a committed write. */
  invalidate(ids?: string[]): void {
    this.generation++;
    this.active = undefined;
    // A write may have changed a slug: resolve them afresh.
    this.slugs.clear();
    if (!ids) {
      this.allGeneration++;
      this.idGenerations.clear();
      this.entries.clear();
    } else {
      for (const id of ids) {
        this.idGenerations.set(id, (this.idGenerations.get(id) ?? 0) + 1);
        this.entries.delete(id);
      }
    }
  }

  private readonly reloading = new Set<string>();
  private readonly slugs = new Map<string, { id: string; loadedAt: number }>();

  private covers(entry: Entry, from: Date, to: Date): boolean {
    return entry.from <= from.getTime() && entry.to >= to.getTime();
  }

  private isFresh(entry: Entry | undefined, from: Date, to: Date, now: number): boolean {
    return entry !== undefined && now - entry.loadedAt < CALENDAR_CACHE_TTL_MS && this.covers(entry, from, to);
  }

  /** Loads in the background and swaps the entries in when done; the old ones serve meanwhile. */
  private reload(ids: string[], now: number): void {
    for (const id of ids) this.reloading.add(id);
    const stamps = new Map(ids.map((id) => [id, this.stampOf(id)]));
    const from = now - COVER_BEFORE_MS;
    const to = now + COVER_AFTER_MS;
    loadCalendars({ db: this.db, where: { ids }, from: new Date(from), to: new Date(to) }).then(
      (calendars) => {
        for (const id of ids) this.reloading.delete(id);
        this.rememberIds(calendars);
        for (const id of ids) {
          // A write invalidated this entry meanwhile: what we read may predate it.
          if (stamps.get(id) !== this.stampOf(id)) continue;
          const loaded = calendars.find((candidate) => candidate.id === id) ?? null;
          // Unchanged (the usual case): keep the object, so the slot lists and texts built
          // from it (slot-lists.ts) live on instead of being rebuilt every CALENDAR_CACHE_TTL_MS.
          const value = sameCalendar(this.entries.get(id)?.value, loaded) ? this.entries.get(id)!.value! : loaded;
          if (value) coverages.set(value, { from, to });
          this.entries.set(id, { loadedAt: now, from, to, calendar: Promise.resolve(value), settled: true, value });
        }
      },
      () => {
        for (const id of ids) this.reloading.delete(id);
      },
    );
  }

  private load(ids: string[], now: number): void {
    const from = now - COVER_BEFORE_MS;
    const to = now + COVER_AFTER_MS;
    const stamps = new Map(ids.map((id) => [id, this.stampOf(id)]));
    const batch = loadCalendars({ db: this.db, where: { ids }, from: new Date(from), to: new Date(to) }).then((calendars) => {
      for (const calendar of calendars) coverages.set(calendar, { from, to });
      this.rememberIds(calendars);
      return calendars;
    });
    for (const id of ids) {
      const entry: Entry = {
        loadedAt: now,
        from,
        to,
        calendar: batch.then((calendars) => calendars.find((calendar) => calendar.id === id) ?? null),
      };
      this.entries.set(id, entry);
      // A failed load or one that raced an invalidation is not kept.
      entry.calendar.then(
        (value) => {
          if (stamps.get(id) !== this.stampOf(id) && this.entries.get(id) === entry) this.entries.delete(id);
          else {
            entry.settled = true;
            entry.value = value;
          }
        },
        () => this.entries.get(id) === entry && this.entries.delete(id),
      );
    }
  }

  private async activeIds(now: number): Promise<string[]> {
    if (!this.active || now - this.active.loadedAt >= CALENDAR_CACHE_TTL_MS) {
      const ids = this.db.spokesperson
        .findMany({ where: { active: true }, select: { id: true }, orderBy: { name: 'asc' } })
        .then((rows) => rows.map((row) => row.id));
      const active = { loadedAt: now, ids };
      this.active = active;
      ids.catch(() => this.active === active && (this.active = undefined));
    }
    return this.active.ids;
  }
}

/** Whether two loads of a calendar read the same data (then the earlier object can stand for both). */
function sameCalendar(kept: SpokespersonCalendar | null | undefined, loaded: SpokespersonCalendar | null): boolean {
  if (!kept || !loaded) return false;
  let text = calendarTexts.get(kept);
  if (text === undefined) {
    text = JSON.stringify(kept);
    calendarTexts.set(kept, text);
  }
  const loadedText = JSON.stringify(loaded);
  return loadedText === text;
}
const calendarTexts = new WeakMap<SpokespersonCalendar, string>();

/**
 * The span a cached calendar's data are complete for (its bookings, time off
 * and overrides were read for all of it); undefined for calendars read for one
 * window only. slot-lists.ts computes over the whole horizon only inside it.
 */
const coverages = new WeakMap<SpokespersonCalendar, { from: number; to: number }>();

/** Records that `calendar`'s data are complete over `[from, to]` (the cache does, and tests). */
export function recordCalendarCoverage(calendar: SpokespersonCalendar, coverage: { from: number; to: number }): void {
  coverages.set(calendar, coverage);
}

export function calendarCoverage(calendar: SpokespersonCalendar): { from: number; to: number } | undefined {
  return coverages.get(calendar);
}

// One cache per database client: tests open many databases in one process.
const caches = new WeakMap<object, CalendarCache>();

export function getCalendarCache(db: DbOrTx): CalendarCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new CalendarCache(db);
    caches.set(db, cache);
  }
  return cache;
}

/** Call after committing any change to spokespeople, availability, time off, interviews or holds. */
export function invalidateCalendars(db: DbOrTx, spokespersonIds?: string[]): void {
  caches.get(db)?.invalidate(spokespersonIds);
}
