import type { Block } from 'payload'
import { heading } from './heading'

/** The schema of the `headOfMission` home block; site/src/blocks/HeadOfMission.astro renders it. */
export const headOfMission: Block = {
  slug: 'headOfMission',
  labels: { singular: { vi: 'Thông điệp của Đại sứ', en: 'Head-of-mission message' }, plural: { vi: 'Thông điệp', en: 'Messages' } },
  fields: [heading, { name: 'name', type: 'text', required: true }, { name: 'message', type: 'textarea', required: true }],
}
