import type { Block } from 'payload'
import { heading } from './heading'
import { linkFields } from '../links'

/** The schema of the `consularLinks` home block; site/src/blocks/ConsularLinks.astro renders it. */
export const consularLinks: Block = {
  slug: 'consularLinks',
  labels: { singular: { vi: 'Liên kết lãnh sự', en: 'Consular quick links' }, plural: { vi: 'Liên kết lãnh sự', en: 'Consular quick links' } },
  fields: [heading, { name: 'links', type: 'array', maxRows: 8, fields: linkFields }],
}
