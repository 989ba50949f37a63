/**
 * Dates in the reader's language and the mission's time zone (Intl, no hand-rolled formats).
 * Formatters are costly to create and a build formats thousands of dates: one per locale and zone.
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>()
const regionNames = new Map<string, Intl.DisplayNames>()
/** The same dates and countries recur on thousands of pages (cards, footers): format each once. */
const formatted = new Map<string, string>()

export function formatDate(iso: string, locale: string, timeZone: string): string {
  const key = `${locale}|${timeZone}`
  const memo = `${key}|${iso}`
  const done = formatted.get(memo)
  if (done !== undefined) return done
  let format = dateFormats.get(key)
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone })))
  const value = format.format(new Date(iso))
  formatted.set(memo, value)
  return value
}

export function countryName(code: string, locale: string): string {
  const memo = `region|${locale}|${code}`
  const done = formatted.get(memo)
  if (done !== undefined) return done
  let names = regionNames.get(locale)
  if (!names) regionNames.set(locale, (names = new Intl.DisplayNames([locale], { type: 'region' })))
  const value = names.of(code) ?? code
  formatted.set(memo, value)
  return value
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>()

/**
 * An event's date and time in the mission's time zone: "12 December 2026, 18:00 – 21:00" for a
 * same-day range, both full dates for a longer one (Intl's formatRange decides what to repeat).
 */
export function formatEventTime(startsAt: string, endsAt: string | null | undefined, locale: string, timeZone: string): string {
  const key = `${locale}|${timeZone}`
  let format = dateTimeFormats.get(key)
  if (!format) dateTimeFormats.set(key, (format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone })))
  const start = new Date(startsAt)
  const end = endsAt ? new Date(endsAt) : null
  return end && end.getTime() > start.getTime() ? format.formatRange(start, end) : format.format(start)
}
