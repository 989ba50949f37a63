import type { Block } from 'payload'
import { leadStory } from './LeadStory'
import { latestBySection } from './LatestBySection'
import { featured } from './Featured'
import { headOfMission } from './HeadOfMission'
import { consularLinks } from './ConsularLinks'
import { contact } from './Contact'
import { upcomingEvents } from './UpcomingEvents'

/** Home page blocks, in the admin's order: one schema file and one Astro component (site/src/blocks/) per slug. */
export const homeBlocks: Block[] = [leadStory, latestBySection, featured, headOfMission, consularLinks, contact, upcomingEvents]
