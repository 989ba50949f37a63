import type { Block } from 'payload'
import { heading } from './heading'

/** The schema of the `leadStory` home block; site/src/blocks/LeadStory.astro renders it. */
export const leadStory: Block = {
  slug: 'leadStory',
  labels: { singular: { vi: 'Tin nổi bật', en: 'Lead story' }, plural: { vi: 'Tin nổi bật', en: 'Lead stories' } },
  fields: [heading],
}
