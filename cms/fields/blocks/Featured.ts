import type { Block } from 'payload'
import { heading } from './heading'

/** The schema of the `featured` home block; site/src/blocks/Featured.astro renders it. */
export const featured: Block = {
  slug: 'featured',
  labels: { singular: { vi: 'Bài ghim', en: 'Featured articles' }, plural: { vi: 'Bài ghim', en: 'Featured articles' } },
  fields: [heading, { name: 'articles', type: 'relationship', relationTo: 'articles', hasMany: true, maxRows: 6 }],
}
