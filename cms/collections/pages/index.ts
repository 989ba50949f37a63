import type { CollectionBeforeChangeHook, CollectionBeforeDeleteHook, CollectionConfig, Validate } from 'payload'
import { ValidationError } from 'payload'
import { canOnArticle, idOf, isHq, missionsAllowing } from '../../access/roles'
import { createMissionContent, pagesWhereUserMay, readPages, readPageVersions } from '../../access/rules'
import { refusal } from '../../lib/errors'
import { localeCodes } from '#core/locales'
import { keepingLocale } from '#core/nestedRead'
import { slugify, URL_SAFE_CODE } from '../../lib/slugify'
import { pagePreviewEndpoints } from '../../endpoints/preview'
import { workflowGroup } from '../../fields/workflow'
import { noDraftsForAnonymous, onlyLiveLocalesForAnonymous } from '../../hooks/publicReads'
import { restoreOnlyAsDraft } from '../../hooks/restoreAsDraft'
import { workflowEndpointsOf } from '../../workflow/endpoints'
import { draftsOnlyForPeople, keepHistoryOfDeleted, protectWorkflowFields, recordEdits } from '../../hooks/protectWorkflowFields'
import { importSourceField } from '../../fields/importSource'
import { recordSlugRedirect } from '../../hooks/recordSlugRedirect'
import { optimisticConcurrency } from '../../hooks/optimisticConcurrency'

export const pageKinds = [
  'about',
  'ambassador',
  'consular-services',
  'visa',
  'overseas-vietnamese',
  'citizen-protection',
  'accessibility',
  'privacy',
  'other',
] as const
/** Kinds the site shows at its fixed legal addresses instead of the generated text (site/src/data/legal.ts). */
export const legalPageKinds = ['accessibility', 'privacy'] as const
export const conformanceLevels = ['full', 'partial', 'non-conformant'] as const

/** A statement field that the given kinds of page must fill in (checked when the page is published; drafts may be incomplete). */
const requiredFor =
  (...kinds: (typeof legalPageKinds)[number][]): Validate<unknown> =>
  (value, { data }) => {
    const { kind }: { kind?: string } = data
    return !kinds.some((k) => k === kind) || (value !== null && value !== undefined && String(value).trim() !== '')
      ? true
      : `Required on the ${kinds.join(' and ')} page${kinds.length > 1 ? 's' : ''}.`
  }

/** Which mission a page is for is checked against the data; going live happens only through the workflow. */
const enforcePageRights: CollectionBeforeChangeHook = async ({ data, originalDoc, req, operation, context }) => {
  const user = req.user
  // System writes (seed, jobs) use overrideAccess and no user; the workflow service has checked rights.
  if (!user || context.workflowService) return data
  const mission = idOf(data.mission ?? originalDoc?.mission)
  if (mission === undefined) throw refusal('A page belongs to one mission; choose it.', 400)
  if (operation === 'create' && !canOnArticle(user, 'create', [mission])) throw refusal('You may not create pages for that mission.')
  if (operation === 'update' && idOf(originalDoc?.mission) !== mission && !isHq(user)) throw refusal('Only HQ may move a page to another mission.')
  // A person's restore is always a draft (cms/hooks/restoreAsDraft.ts); the version's own status does not apply.
  if (context.isRestoringVersion) data._status = 'draft'
  if (data._status === 'published' || context.askedToPublish) {
    throw refusal(
      canOnArticle(user, 'publish', [mission])
        ? `Publish through the workflow, one language at a time: POST /api/pages/:id/workflow {"locale":"${req.locale}","action":"publish"}.`
        : `Publishing a page in "${req.locale}" needs the publish right (a reviewer or HQ): save it as a draft and submit it for review.`,
    )
  }
  return data
}

/** A page linked from a menu or quick links cannot be deleted while the link stays. */
const refuseDeleteWhenLinked: CollectionBeforeDeleteHook = async ({ id, req }) => {
  for (const locale of localeCodes) {
    for (const field of ['headerMenu.page', 'footerMenu.page']) {
      const found = await keepingLocale(req, () =>
        req.payload.find({
          collection: 'missions',
          locale,
          fallbackLocale: false,
          where: { [field]: { equals: id } },
          depth: 0,
          limit: 1,
          overrideAccess: true,
          req,
        }),
      )
      const m = found.docs[0]
      if (m) {
        throw new ValidationError({
          collection: 'pages',
          errors: [
            {
              path: 'id',
              message: `Page #${id} is linked from the ${field.startsWith('header') ? 'header' : 'footer'} menu (${locale}) of ${m.code}; remove that link first.`,
            },
          ],
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
 * Pages go through the same per-locale workflow as articles (cms/workflow/stateMachine.ts,
 * POST /api/pages/:id/workflow), with the same second eyes; a page is public in a locale by
 * the one definition in core/publicContent.ts, so the English page can go live before the
 * Vietnamese one. Staff rights follow the article table (cms/access/roles.ts).
 */
export const Pages: CollectionConfig = {
  slug: 'pages',
  labels: { singular: { vi: 'Trang tĩnh', en: 'Page' }, plural: { vi: 'Trang tĩnh', en: 'Pages' } },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'kind', 'mission', '_status'],
    baseListFilter: ({ req }) => (!req.user || isHq(req.user) ? null : { mission: { in: missionsAllowing(req.user, 'read') } }),
    // Publishing is per language through the workflow (POST /api/pages/:id/workflow); Payload's all-languages button is hidden.
    components: { edit: { PublishButton: '/components/NoPublishButton#NoPublishButton' } },
    // The admin's Preview button: a draft build of this page inside the mission's published site.
    preview: (doc, { locale }) => `/api/pages/${doc.id}/preview?locale=${locale}`,
  },
  endpoints: [...workflowEndpointsOf('pages'), ...pagePreviewEndpoints],
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
    beforeOperation: [optimisticConcurrency, draftsOnlyForPeople, restoreOnlyAsDraft, noDraftsForAnonymous],
    afterRead: [onlyLiveLocalesForAnonymous],
    beforeChange: [protectWorkflowFields, enforcePageRights, recordSlugRedirect],
    beforeDelete: [refuseDeleteWhenLinked, keepHistoryOfDeleted],
    afterChange: [
      recordEdits,
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
        beforeValidate: [
          ({ value, siblingData }) =>
            typeof value === 'string' && value.trim() ? slugify(value) : siblingData?.title ? slugify(String(siblingData.title)) : value,
        ],
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
    {
      // What an accessibility statement and a privacy notice must say (EU Directive 2016/2102, GDPR art. 13).
      name: 'statement',
      type: 'group',
      label: { vi: 'Nội dung bắt buộc', en: 'Required statement details' },
      admin: { condition: (data) => (legalPageKinds as readonly string[]).includes(data?.kind) },
      fields: [
        {
          name: 'conformance',
          type: 'select',
          label: { vi: 'Mức tuân thủ WCAG 2.2 AA', en: 'Conformance with WCAG 2.2 AA' },
          options: conformanceLevels.map((v) => ({ value: v, label: v })),
          validate: requiredFor('accessibility'),
        },
        {
          name: 'contact',
          type: 'email',
          label: { vi: 'Địa chỉ liên hệ', en: 'Contact address' },
          validate: (value, args) => {
            const required = requiredFor('accessibility', 'privacy')(value, args)
            if (required !== true) return required
            return !value || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(String(value)) || `"${String(value)}" is not an e-mail address.`
          },
        },
        { name: 'reviewedAt', type: 'date', label: { vi: 'Ngày rà soát', en: 'Date of review' }, validate: requiredFor('accessibility', 'privacy') },
        {
          name: 'retention',
          type: 'textarea',
          localized: true,
          label: { vi: 'Dữ liệu lưu giữ và thời hạn', en: 'What is stored and for how long' },
          validate: requiredFor('privacy'),
        },
      ],
    },
    // The same workflow panel as articles: submit, approve, publish per language (cms/components/WorkflowPanel.tsx).
    { name: 'workflowPanel', type: 'ui', admin: { position: 'sidebar', components: { Field: '/components/WorkflowPanel#WorkflowPanel' } } },
    { name: 'summary', type: 'textarea', localized: true, label: { vi: 'Tóm tắt', en: 'Summary' } },
    { name: 'body', type: 'richText', localized: true, label: { vi: 'Nội dung', en: 'Body' } },
    workflowGroup,
    importSourceField,
    {
      name: 'history',
      type: 'join',
      collection: 'workflow-events',
      on: 'page',
      label: { vi: 'Nhật ký biên tập', en: 'Workflow history' },
      defaultSort: '-createdAt',
      admin: { defaultColumns: ['createdAt', 'locale', 'action', 'from', 'to', 'user', 'note'] },
    },
  ],
}
