import type { CollectionBeforeChangeHook, CollectionBeforeDeleteHook, CollectionConfig, Validate } from 'payload'
import { ValidationError } from 'payload'
import { canOnArticle, idOf, isHq, missionsAllowing } from '../access/roles'
import { createMissionContent, pagesWhereUserMay, readPages, readPageVersions } from '../access/rules'
import { refusal } from '../lib/errors'
import { localeCodes } from '../../core/locales'
import { keepingLocale } from '../../core/nestedRead'
import { slugify, URL_SAFE_CODE } from '../lib/slugify'
import { pagePreviewEndpoints } from '../endpoints/preview'
import { optimisticConcurrency } from '../hooks/optimisticConcurrency'

export const pageKinds = ['about', 'ambassador', 'consular-services', 'visa', 'overseas-vietnamese', 'citizen-protection', 'other'] as const

/** Which mission a page is for, and whether this user may publish there, are checked against the data. */
const enforcePageRights: CollectionBeforeChangeHook = async ({ data, originalDoc, req, operation }) => {
  const user = req.user
  if (!user) return data // system writes (seed, jobs) use overrideAccess and no user
  const mission = idOf(data.mission ?? originalDoc?.mission)
  if (mission === undefined) throw refusal('A page belongs to one mission; choose it.', 400)
  if (operation === 'create' && !canOnArticle(user, 'create', [mission])) throw refusal('You may not create pages for that mission.')
  if (operation === 'update' && idOf(originalDoc?.mission) !== mission && !isHq(user)) throw refusal('Only HQ may move a page to another mission.')
  const before = (originalDoc?.publication as { state?: string } | undefined)?.state ?? 'draft'
  const after = (data.publication as { state?: string } | undefined)?.state ?? before
  if (after !== before && !canOnArticle(user, 'publish', [mission])) {
    throw refusal(`Publishing or unpublishing a page in "${req.locale}" needs the publish right (a reviewer or HQ); save it as a draft instead.`)
  }
  return data
}

/** A page linked from a menu or quick links cannot be deleted while the link stays. */
const refuseDeleteWhenLinked: CollectionBeforeDeleteHook = async ({ id, req }) => {
  for (const locale of localeCodes) {
    for (const field of ['headerMenu.page', 'footerMenu.page']) {
      const found = await keepingLocale(req, () =>
        req.payload.find({ collection: 'missions', locale, fallbackLocale: false, where: { [field]: { equals: id } }, depth: 0, limit: 1, overrideAccess: true, req }),
      )
      const m = found.docs[0]
      if (m) {
        throw new ValidationError({
          collection: 'pages',
          errors: [{ path: 'id', message: `Page #${id} is linked from the ${field.startsWith('header') ? 'header' : 'footer'} menu (${locale}) of ${m.code}; remove that link first.` }],
        })
      }
    }
  }
}

const uniqueSlug: Validate<string> = async (value, { req, data, id }) => {
  if (value == null || value === '') return true
  if (!URL_SAFE_CODE.test(value)) return `Slug "${value}" may contain only lowercase letters, digits and hyphens.`
  const mission = idOf((data as { mission?: unknown }).mission)
  if (mission === undefined) return true
  const clash = await keepingLocale(req, () =>
    req.payload.find({
      collection: 'pages',
      locale: req.locale ?? undefined,
      fallbackLocale: false,
      draft: true,
      depth: 0,
      limit: 1,
      overrideAccess: true,
      req,
      where: { and: [{ slug: { equals: value } }, { mission: { equals: mission } }, ...(id != null ? [{ id: { not_equals: id } }] : [])] },
    }),
  )
  return clash.docs[0] ? `Slug "${value}" is already used in "${req.locale}" by page #${clash.docs[0].id} of the same mission.` : true
}

/**
 * Static pages of one mission (About the mission, Ambassador, Consular services, Visa…).
 * Publication is per locale, as for articles: a page is public in a locale when its
 * published copy exists (_status) and that locale's `publication.state` is "published",
 * so the English page can go live before the Vietnamese one. Staff rights follow the
 * article table (cms/access/roles.ts): publishing needs the `publish` right.
 */
export const Pages: CollectionConfig = {
  slug: 'pages',
  labels: { singular: { vi: 'Trang tĩnh', en: 'Page' }, plural: { vi: 'Trang tĩnh', en: 'Pages' } },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'kind', 'mission', '_status'],
    baseListFilter: ({ req }) => (!req.user || isHq(req.user) ? null : { mission: { in: missionsAllowing(req.user, 'read') } }),
    // The admin's Preview button: a draft build of this page inside the mission's published site.
    preview: (doc, { locale }) => `/api/pages/${doc.id}/preview?locale=${locale}`,
  },
  endpoints: pagePreviewEndpoints,
  versions: { drafts: true, maxPerDoc: 50 },
  // Rules in cms/access/rules.ts, shared with articles.
  access: {
    read: readPages,
    readVersions: readPageVersions,
    create: createMissionContent,
    update: pagesWhereUserMay('update'),
    delete: pagesWhereUserMay('delete'),
  },
  hooks: {
    beforeOperation: [optimisticConcurrency],
    beforeChange: [enforcePageRights],
    beforeDelete: [refuseDeleteWhenLinked],
    afterChange: [
      async ({ doc, previousDoc, req, context }) => {
        if (context.skipRebuild || (doc._status !== 'published' && previousDoc?._status !== 'published')) return doc
        const mission = idOf(doc.mission)
        if (mission !== undefined) await req.payload.jobs.queue({ task: 'rebuildSites', queue: 'rebuild', input: { missions: [mission] }, req })
        return doc
      },
    ],
  },
  fields: [
    { name: 'title', type: 'text', required: true, localized: true, label: { vi: 'Tiêu đề', en: 'Title' } },
    {
      name: 'slug',
      type: 'text',
      localized: true,
      index: true,
      label: { vi: 'Đường dẫn', en: 'Slug' },
      admin: { position: 'sidebar' },
      hooks: {
        beforeValidate: [({ value, siblingData }) => (typeof value === 'string' && value.trim() ? slugify(value) : siblingData?.title ? slugify(String(siblingData.title)) : value)],
      },
      validate: uniqueSlug,
    },
    {
      name: 'mission',
      type: 'relationship',
      relationTo: 'missions',
      required: true,
      index: true,
      label: { vi: 'Cơ quan đại diện', en: 'Mission' },
      admin: { position: 'sidebar' },
      filterOptions: ({ user }) => (!user || isHq(user) ? true : { id: { in: missionsAllowing(user, 'create') } }),
    },
    {
      name: 'kind',
      type: 'select',
      required: true,
      defaultValue: 'other',
      label: { vi: 'Loại trang', en: 'Kind of page' },
      options: pageKinds.map((v) => ({ value: v, label: v })),
      admin: { position: 'sidebar' },
    },
    { name: 'summary', type: 'textarea', localized: true, label: { vi: 'Tóm tắt', en: 'Summary' } },
    { name: 'body', type: 'richText', localized: true, label: { vi: 'Nội dung', en: 'Body' } },
    {
      name: 'publication',
      type: 'group',
      localized: true,
      label: { vi: 'Xuất bản (theo ngôn ngữ)', en: 'Publication (per language)' },
      admin: { position: 'sidebar' },
      fields: [
        {
          name: 'state',
          type: 'select',
          defaultValue: 'draft',
          index: true,
          options: [
            { value: 'draft', label: { vi: 'Bản nháp', en: 'Draft' } },
            { value: 'published', label: { vi: 'Đã đăng', en: 'Published' } },
          ],
        },
      ],
    },
  ],
}
