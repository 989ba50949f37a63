import type { CollectionConfig } from 'payload'
import { slugField } from '../../fields/slug'
import { sections } from '#core/locales'
import { articlesWhereUserMay, createMissionContent, readArticles, readArticleVersions } from '../../access/rules'
import { isHq, missionsAllowing } from '../../access/roles'
import { enforceArticleDelete, enforceArticleRights } from '../../hooks/enforceArticleRights'
import { draftsOnlyForPeople, keepHistoryOfDeleted, protectWorkflowFields, recordEdits } from '../../hooks/protectWorkflowFields'
import { workflowFields } from '../../fields/workflow'
import { workflowEndpoints } from '../../workflow/endpoints'
import { contentLocales, defaultLocale } from '#core/locales'
import { queueRebuildAfterChange, queueRebuildAfterDelete } from '../../hooks/queueRebuild'
import { eventField } from '../../fields/event'
import { noDraftsForAnonymous, onlyLiveLocalesForAnonymous } from '../../hooks/publicReads'
import { restoreOnlyAsDraft } from '../../hooks/restoreAsDraft'
import { importSourceField } from '../../fields/importSource'
import { recordSlugRedirect } from '../../hooks/recordSlugRedirect'
import { optimisticConcurrency } from '../../hooks/optimisticConcurrency'
import { queueArticleMail } from '../../subscriptions/queue'
import { articleDeliveriesField } from '../../subscriptions/collections'

const sectionLabels = {
  news: { vi: 'Tin tức', en: 'News' },
  'cultural-diplomacy': { vi: 'Ngoại giao văn hóa', en: 'Cultural diplomacy' },
  'external-information': { vi: 'Thông tin đối ngoại', en: 'External information' },
} as const

/** News, cultural-diplomacy and external-information articles, published to one or many missions. */
export const Articles: CollectionConfig = {
  slug: 'articles',
  labels: { singular: { vi: 'Bài viết', en: 'Article' }, plural: { vi: 'Bài viết', en: 'Articles' } },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'section', 'missions', 'publishedAt', '_status'],
    // Staff work on their own missions; other missions' published articles stay out of their lists.
    components: { edit: { PublishButton: '/components/NoPublishButton#NoPublishButton' } },
    // The admin's Preview button: a draft build of this article with the mission's templates.
    preview: (doc, { locale }) => `/api/articles/${doc.id}/preview?locale=${locale}`,
    baseListFilter: ({ req }) => (!req.user || isHq(req.user) ? null : { missions: { in: missionsAllowing(req.user, 'read') } }),
  },
  versions: { drafts: true, maxPerDoc: 50 },
  access: {
    read: readArticles,
    readVersions: readArticleVersions,
    create: createMissionContent,
    update: articlesWhereUserMay('translate'),
    delete: articlesWhereUserMay('delete'),
  },
  hooks: {
    beforeOperation: [optimisticConcurrency, draftsOnlyForPeople, restoreOnlyAsDraft, noDraftsForAnonymous],
    afterRead: [onlyLiveLocalesForAnonymous],
    beforeChange: [protectWorkflowFields, enforceArticleRights, recordSlugRedirect],
    beforeDelete: [enforceArticleDelete, keepHistoryOfDeleted],
    afterChange: [recordEdits, queueRebuildAfterChange, queueArticleMail],
    afterDelete: [queueRebuildAfterDelete],
  },
  endpoints: workflowEndpoints,
  // The press officer's path first: title, summary, image, body; the mission is preset and the
  // section defaults. Rarely used fields (event, history, source language, slug) come last or folded.
  fields: [
    // For a translation: the source text above the form (cms/components/TranslationSource.tsx).
    { name: 'translationSource', type: 'ui', admin: { components: { Field: '/components/TranslationSource#TranslationSource' } } },
    { name: 'title', type: 'text', required: true, localized: true, label: { vi: 'Tiêu đề', en: 'Title' } },
    { name: 'summary', type: 'textarea', localized: true, label: { vi: 'Tóm tắt', en: 'Summary' } },
    // One person or office for every language (a name is not translated); imports keep the old site's author.
    {
      name: 'byline',
      type: 'text',
      maxLength: 200,
      label: { vi: 'Tác giả', en: 'Byline' },
      admin: { description: { vi: 'Tên người viết hoặc đơn vị, hiện dưới tiêu đề.', en: 'The writer or office, shown under the title.' } },
    },
    { name: 'heroImage', type: 'upload', relationTo: 'media', label: { vi: 'Ảnh chính', en: 'Hero image' } },
    // The image's alt text in every language of the missions, in place (cms/components/ImageAltTexts.tsx).
    { name: 'heroImageAlt', type: 'ui', admin: { components: { Field: '/components/ImageAltTexts#ImageAltTexts' } } },
    { name: 'body', type: 'richText', localized: true, label: { vi: 'Nội dung', en: 'Body' } },
    {
      name: 'section',
      type: 'select',
      required: true,
      defaultValue: 'news',
      label: { vi: 'Chuyên mục', en: 'Section' },
      options: sections.map((value) => ({ value, label: sectionLabels[value] })),
      admin: { position: 'sidebar' },
    },
    {
      name: 'missions',
      type: 'relationship',
      relationTo: 'missions',
      hasMany: true,
      required: true,
      minRows: 1,
      index: true,
      label: { vi: 'Cơ quan đại diện', en: 'Missions' },
      // Staff of exactly one mission write for it: no empty required field to fill.
      defaultValue: ({ user }) => {
        const own = !user || isHq(user) ? [] : missionsAllowing(user, 'create')
        return own.length === 1 ? own : undefined
      },
      admin: { position: 'sidebar' },
      // The picker offers only missions the user may write for; the save hook enforces the same.
      filterOptions: ({ user }) => (!user || isHq(user) ? true : { id: { in: missionsAllowing(user, 'create') } }),
    },
    {
      name: 'workflowPanel',
      type: 'ui',
      admin: { position: 'sidebar', components: { Field: '/components/WorkflowPanel#WorkflowPanel' } },
    },
    ...workflowFields,
    {
      name: 'publishedAt',
      type: 'date',
      index: true,
      label: { vi: 'Ngày đăng', en: 'Publication date' },
      admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
      hooks: {
        beforeChange: [({ value, siblingData }) => value ?? (siblingData._status === 'published' ? new Date().toISOString() : value)],
      },
    },
    {
      // A date the editors plan this article for, shown on the editorial calendar; unlike a schedule it publishes nothing.
      name: 'plannedFor',
      type: 'date',
      label: { vi: 'Dự kiến đăng', en: 'Planned for' },
      admin: {
        position: 'sidebar',
        date: { pickerAppearance: 'dayOnly' },
        description: { vi: 'Chỉ để lên lịch biên tập, không tự đăng bài', en: 'For the editorial calendar only; publishes nothing' },
      },
    },
    slugField(),
    {
      name: 'sourceLocale',
      type: 'select',
      defaultValue: defaultLocale,
      label: { vi: 'Ngôn ngữ gốc', en: 'Source language' },
      options: contentLocales.map((l) => ({ value: l.code, label: l.label })),
      admin: { position: 'sidebar', description: { vi: 'Bản dịch được so với ngôn ngữ này', en: 'Translations are checked against this language' } },
    },
    {
      // Concurrent accreditation: news about a country the mission also covers shows on that country's page.
      name: 'countries',
      type: 'text',
      hasMany: true,
      label: { vi: 'Nước liên quan (mã ISO)', en: 'Countries (ISO codes)' },
      admin: { position: 'sidebar' },
      validate: (value: unknown) =>
        value == null || (Array.isArray(value) && value.every((c) => typeof c === 'string' && /^[A-Z]{2}$/.test(c)))
          ? true
          : 'Countries must be ISO 3166-1 alpha-2 codes such as "NZ".',
    },
    {
      type: 'collapsible',
      label: { vi: 'Sự kiện (nếu bài thông báo một sự kiện)', en: 'Event (if the article announces one)' },
      admin: { initCollapsed: true },
      fields: [eventField],
    },
    importSourceField,
    articleDeliveriesField,
    {
      type: 'collapsible',
      label: { vi: 'Nhật ký biên tập', en: 'Workflow history' },
      admin: { initCollapsed: true },
      fields: [
        {
          name: 'history',
          type: 'join',
          collection: 'workflow-events',
          on: 'article',
          label: { vi: 'Nhật ký biên tập', en: 'Workflow history' },
          defaultSort: '-createdAt',
          // The log is written by the workflow only: no "create new" from here.
          admin: { defaultColumns: ['createdAt', 'locale', 'action', 'from', 'to', 'user', 'note'], allowCreate: false },
        },
      ],
    },
  ],
}
