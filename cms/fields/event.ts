import type { Field, Validate } from 'payload'
import { eventOver } from '#core/exportContract'

/** When a stored date is set: a date field arrives as an ISO string or a Date. */
const timeOf = (value: unknown): number | null => {
  if (value == null || value === '') return null
  const t = new Date(value as string).getTime()
  return Number.isNaN(t) ? Number.NaN : t
}

const validStart: Validate = (value) => (Number.isNaN(timeOf(value)) ? `Event start "${String(value)}" is not a date and time.` : true)

/** The end may be left empty (a one-moment event); when given it needs a start and must not precede it. */
const endNotBeforeStart: Validate = (value, { siblingData }) => {
  const end = timeOf(value)
  if (end === null) return true
  if (Number.isNaN(end)) return `Event end "${String(value)}" is not a date and time.`
  const startValue = (siblingData as { startsAt?: unknown } | undefined)?.startsAt
  const start = timeOf(startValue)
  if (start === null) return `The event has an end (${new Date(end).toISOString()}) but no start: set the event start (startsAt) too.`
  if (Number.isNaN(start)) return true // reported on the start field
  return end >= start
    ? true
    : `Event end (endsAt ${new Date(end).toISOString()}) is before the event start (startsAt ${new Date(start).toISOString()}); the end must be at or after the start.`
}

/**
 * Articles that announce an event (a concert, an exhibition, a consular day) carry its date,
 * time and venue. Dates are shared by all languages (a translator may not move them); the
 * venue is written per language. Published events feed the home page's upcomingEvents block,
 * and the site is rebuilt when the event ends (cms/hooks/queueRebuild.ts).
 */
export const eventField: Field = {
  name: 'event',
  type: 'group',
  label: { vi: 'Sự kiện', en: 'Event' },
  admin: {
    description: {
      vi: 'Chỉ điền nếu bài viết thông báo một sự kiện. Giờ theo múi giờ của cơ quan đại diện.',
      en: 'Only for articles announcing an event. Times are shown in the mission’s time zone.',
    },
  },
  fields: [
    {
      name: 'startsAt',
      type: 'date',
      label: { vi: 'Bắt đầu', en: 'Starts' },
      index: true,
      admin: { date: { pickerAppearance: 'dayAndTime' } },
      validate: validStart,
    },
    {
      name: 'endsAt',
      type: 'date',
      label: { vi: 'Kết thúc', en: 'Ends' },
      admin: {
        date: { pickerAppearance: 'dayAndTime' },
        description: { vi: 'Không bắt buộc; không được trước giờ bắt đầu', en: 'Optional; not before the start' },
      },
      validate: endNotBeforeStart,
    },
    { name: 'venue', type: 'text', localized: true, label: { vi: 'Địa điểm', en: 'Venue' } },
  ],
}

/** When an event is over for readers: its end, else its start. Null when the article has no event. */
export function eventEnd(event: { startsAt?: string | null; endsAt?: string | null } | null | undefined): Date | null {
  const at = eventOver({ event })
  return at ? new Date(at) : null
}
