/**
 * Dates in the reader's language and the mission's time zone (Intl, no hand-rolled formats).
 * Formatters are costly to create and a build formats thousands of dates: one per locale and zone.
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>()
const regionNames = new Map<string, Intl.DisplayNames>()

export function formatDate(iso: string, locale: string, timeZone: string): string {
  const key = `${locale}|${timeZone}`
  let format = dateFormats.get(key)
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone })))
  return format.format(new Date(iso))
}

export function countryName(code: string, locale: string): string {
  let names = regionNames.get(locale)
  if (!names) regionNames.set(locale, (names = new Intl.DisplayNames([locale], { type: 'region' })))
  return names.of(code) ?? code
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
