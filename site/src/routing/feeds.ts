import { uiKey } from '#core/uiStrings'
import rss from '@astrojs/rss'
import type { ExportedArticle, ExportedMission } from '#core/exportContract'
import { useTranslations } from '../i18n'
import { absoluteUrl, articlePath, assetPath, feedPath, homePath, sectionPath } from './urls'
import { describe } from './seo'

const FEED_ITEMS = 30

/** RSS 2.0 feed of a mission in one locale (optionally one section); built with @astrojs/rss, which escapes every value. */
export function feedResponse(mission: ExportedMission, locale: string, list: ExportedArticle[], section?: string) {
  const t = useTranslations(locale)
  const missionName = mission.name[locale] ?? mission.name[mission.defaultLocale]!
  const sectionName = section ? t(uiKey('section', section, 'name')) : undefined
  const self = absoluteUrl(mission, feedPath(mission, locale, section))
  return rss({
    title: sectionName ? t('site.titleWithin', { title: sectionName, mission: missionName }) : missionName,
    description: sectionName ? t('feed.sectionDescription', { section: sectionName, mission: missionName }) : t('feed.description', { mission: missionName }),
    site: absoluteUrl(mission, section ? sectionPath(mission, locale, section) : homePath(mission, locale)),
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    // Locale codes and our own URLs never contain XML metacharacters.
    customData: `<language>${locale}</language><atom:link href="${self}" rel="self" type="application/rss+xml"/>`,
    items: list.slice(0, FEED_ITEMS).map((a) => ({
      title: a.title,
      link: absoluteUrl(mission, articlePath(mission, a)),
      pubDate: new Date(a.publishedAt),
      description: describe(a),
      categories: [t(uiKey('section', a.section, 'name'))],
      ...(a.hero?.og && a.hero.ogBytes
        ? { enclosure: { url: absoluteUrl(mission, assetPath(mission, a.hero.og)), length: a.hero.ogBytes, type: 'image/jpeg' } }
        : {}),
    })),
  })
}
