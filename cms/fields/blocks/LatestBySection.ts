import type { Block } from 'payload'
import { sections } from '#core/locales'

/** The schema of the `latestBySection` home block; site/src/blocks/LatestBySection.astro renders it. */
export const latestBySection: Block = {
  slug: 'latestBySection',
  labels: { singular: { vi: 'Tin mới theo chuyên mục', en: 'Latest by section' }, plural: { vi: 'Tin mới theo chuyên mục', en: 'Latest by section' } },
  fields: [
    { name: 'section', type: 'select', required: true, options: sections.map((v) => ({ value: v, label: v })) },
    { name: 'count', type: 'number', min: 1, max: 12, defaultValue: 3 },
  ],
}
