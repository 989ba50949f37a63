import type { Block } from 'payload'
import { heading } from './heading'

/** The schema of the `upcomingEvents` home block; site/src/blocks/UpcomingEvents.astro renders it:
 * published articles with an event that has not ended when the site is built, soonest first. */
export const upcomingEvents: Block = {
  slug: 'upcomingEvents',
  labels: { singular: { vi: 'Sự kiện sắp diễn ra', en: 'Upcoming events' }, plural: { vi: 'Sự kiện sắp diễn ra', en: 'Upcoming events' } },
  fields: [heading, { name: 'count', type: 'number', min: 1, max: 12, defaultValue: 3, label: { vi: 'Số sự kiện', en: 'Number of events' } }],
}
