import type { CollectionConfig } from 'payload'
import { slugField } from '../fields/slug'
import { sections } from '../lib/locales'
import { readMissionContent, writeMissionContent } from '../access/rules'
import { queueRebuildAfterChange, queueRebuildAfterDelete } from '../hooks/queueRebuild'

const sectionLabels = {
  news: { vi: 'Tin tức', en: 'News' },
  'cultural-diplomacy': { vi: 'Ngoại giao văn hóa', en: 'Cultural diplomacy' },
  'external-information': { vi: 'Thông tin đối ngoại', en: 'External information' },
} as const

/** News, cultural-diplomacy and external-information articles, published to one or many missions. */
export const Articles: CollectionConfig = {
  slug: 'articles',
  labels: { singular: { vi: 'Bài viết', en: 'Article' }, plural: { vi: 'Bài viết', en: 'Articles' } },
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'section', 'missions', 'publishedAt', '_status'] },
  versions: { drafts: true, maxPerDoc: 50 },
  access: {
    read: readMissionContent,
    readVersions: writeMissionContent(['mission-admin', 'reviewer', 'press-officer', 'translator']),
    create: writeMissionContent(['mission-admin', 'reviewer', 'press-officer']),
    update: writeMissionContent(['mission-admin', 'reviewer', 'press-officer', 'translator']),
    delete: writeMissionContent(['mission-admin']),
  },
  hooks: { afterChange: [queueRebuildAfterChange], afterDelete: [queueRebuildAfterDelete] },
  fields: [
    { name: 'title', type: 'text', required: true, localized: true, label: { vi: 'Tiêu đề', en: 'Title' } },
    slugField(),
    { name: 'summary', type: 'textarea', localized: true, label: { vi: 'Tóm tắt', en: 'Summary' } },
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
      admin: { position: 'sidebar' },
    },
    { name: 'heroImage', type: 'upload', relationTo: 'media', label: { vi: 'Ảnh chính', en: 'Hero image' } },
    {
      name: 'publishedAt',
      type: 'date',
      index: true,
      label: { vi: 'Ngày đăng', en: 'Publication date' },
      admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
      hooks: {
        beforeChange: [
          ({ value, siblingData }) => (value ?? (siblingData._status === 'published' ? new Date().toISOString() : value)),
        ],
      },
    },
  ],
}
