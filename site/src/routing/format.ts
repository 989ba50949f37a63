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
