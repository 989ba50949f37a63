import type { Block } from 'payload'
import { heading } from './heading'

/** The schema of the `contact` home block; site/src/blocks/Contact.astro renders it. */
export const contact: Block = {
  slug: 'contact',
  labels: { singular: { vi: 'Liên hệ', en: 'Contact' }, plural: { vi: 'Liên hệ', en: 'Contact' } },
  fields: [heading],
}
