import type { Access, CollectionConfig } from 'payload'
import { refusal } from '../../lib/errors'
import { canOnArticle, idOf, isHq, missionsAllowing } from '../../access/roles'
import { anyone } from '../../access/rules'
import { keepingLocale } from '#core/nestedRead'
import { optimisticConcurrency } from '../../hooks/optimisticConcurrency'

/** Reviewers and mission admins handle their missions' overrides; HQ all of them. */
const ownMissionsOverrides: Access = ({ req }) => {
  if (!req.user) return false
  if (isHq(req.user)) return true
  const missions = [...missionsAllowing(req.user, 'publish'), ...missionsAllowing(req.user, 'delete')]
  return missions.length ? { mission: { in: missions } } : false
}

/**
 * A mission's local touch on an article HQ syndicates to several missions: its own intro
 * paragraph or lead image, or declining the item for its site. Kept apart from the article,
 * so later HQ corrections still flow to every mission and the local touch stays.
 */
export const ArticleOverrides: CollectionConfig = {
  slug: 'article-overrides',
  labels: { singular: { vi: 'Điều chỉnh tại cơ quan', en: 'Mission override' }, plural: { vi: 'Điều chỉnh tại cơ quan', en: 'Mission overrides' } },
  admin: { useAsTitle: 'id', defaultColumns: ['article', 'mission', 'declined', 'updatedAt'] },
  access: {
    // Overrides are public page content (an intro, an image) or a public absence; the site build reads them anonymously.
    read: anyone,
    create: ({ req }) => Boolean(req.user && (isHq(req.user) || missionsAllowing(req.user, 'publish').length || missionsAllowing(req.user, 'delete').length)),
    update: ownMissionsOverrides,
    delete: ownMissionsOverrides,
  },
  hooks: {
    beforeOperation: [optimisticConcurrency],
    beforeChange: [
      async ({ data, originalDoc, req }) => {
        const mission = idOf(data.mission ?? originalDoc?.mission)
        const article = idOf(data.article ?? originalDoc?.article)
        if (mission === undefined || article === undefined) return data
        // Mission admins and reviewers decide their mission's local touches; HQ may too.
        if (req.user && !isHq(req.user) && !(canOnArticle(req.user, 'publish', [mission]) || canOnArticle(req.user, 'delete', [mission]))) {
          throw refusal('You may only change the overrides of missions where you are a reviewer or mission admin.')
        }
        const doc = await keepingLocale(req, () =>
          req.payload.findByID({ collection: 'articles', id: article, depth: 0, draft: true, overrideAccess: true, disableErrors: true, req }),
        )
        const missions = (doc?.missions ?? []).map(idOf)
        if (!doc || !missions.includes(mission)) throw refusal('That article is not published to this mission.', 400)
        const clash = await keepingLocale(req, () =>
          req.payload.find({
            collection: 'article-overrides',
            where: {
              and: [{ article: { equals: article } }, { mission: { equals: mission } }, ...(originalDoc?.id ? [{ id: { not_equals: originalDoc.id } }] : [])],
            },
            limit: 1,
            overrideAccess: true,
            req,
          }),
        )
        if (clash.docs.length) throw refusal(`This mission already has an override for the article (#${clash.docs[0]!.id}); edit that one.`, 409)
        return data
      },
    ],
    afterChange: [
      async ({ doc, req }) => {
        await req.payload.jobs.queue({ task: 'rebuildSites', queue: 'rebuild', input: { missions: [idOf(doc.mission)!] }, req })
        return doc
      },
    ],
  },
  fields: [
    { name: 'article', type: 'relationship', relationTo: 'articles', required: true, index: true, label: { vi: 'Bài viết', en: 'Article' } },
    { name: 'mission', type: 'relationship', relationTo: 'missions', required: true, index: true, label: { vi: 'Cơ quan', en: 'Mission' } },
    { name: 'declined', type: 'checkbox', defaultValue: false, label: { vi: 'Không đăng trên trang của cơ quan', en: 'Do not show on this mission’s site' } },
    { name: 'intro', type: 'textarea', localized: true, label: { vi: 'Đoạn mở đầu riêng', en: 'Local intro paragraph' } },
    { name: 'heroImage', type: 'upload', relationTo: 'media', label: { vi: 'Ảnh chính riêng', en: 'Local lead image' } },
  ],
}
