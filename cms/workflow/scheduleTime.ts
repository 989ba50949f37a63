import { TZDate } from '@date-fns/tz'

/** A time without an offset is read in the mission's time zone, as editors enter it. */
export function parseScheduleTime(at: string, timeZone: string): Date | null {
  if (!at) return null
  if (/[zZ]$|[+-]\d\d:?\d\d$/.test(at)) {
    const d = new Date(at)
    return Number.isNaN(d.getTime()) ? null : d
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(at)
  if (!m) return null
  const [y, mo, d, h, mi, s] = m.slice(1).map((part) => Number(part ?? 0))
  return new Date(new TZDate(y!, mo! - 1, d!, h!, mi!, s!, timeZone).getTime())
}
