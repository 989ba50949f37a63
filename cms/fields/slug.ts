import type { FieldHook, TextField, Validate } from 'payload'
import { slugify, URL_SAFE_CODE } from '../lib/slugify'
import { keepingLocale } from '../../core/nestedRead'
import { idsOf } from '../access/roles'

const fillFromTitle: FieldHook = ({ value, siblingData }) => {
  if (typeof value === 'string' && value.trim()) return slugify(value)
  return typeof siblingData?.title === 'string' && siblingData.title.trim() ? slugify(siblingData.title) : value
}

/** Slugs are unique per mission and locale: two missions may both have /vi/tin-tuc/quoc-khanh/. */
const uniquePerMissionAndLocale: Validate<string> = async (value, { req, data, id, collectionSlug }) => {
  if (value == null || value === '') return true
  if (!URL_SAFE_CODE.test(value)) return `Slug "${value}" may contain only lowercase letters, digits and hyphens.`
  const missions = idsOf((data as { missions?: unknown }).missions)
  if (!missions.length || !collectionSlug) return true
  const clash = await keepingLocale(req, () => req.payload.find({
    collection: collectionSlug as 'articles',
    locale: req.locale ?? undefined,
    fallbackLocale: false,
    draft: true,
    depth: 0,
    limit: 1,
    pagination: false,
    overrideAccess: true, // the check must see documents the editor cannot read, or the clash slips through
    req,
    where: {
      and: [
        { slug: { equals: value } },
        { missions: { in: missions } },
        ...(id != null ? [{ id: { not_equals: id } }] : []),
      ],
    },
  }))
  const other = clash.docs[0] as { id: number; title?: string } | undefined
  return other
    ? `Slug "${value}" is already used in locale "${req.locale}" by article #${other.id} "${other.title ?? ''}" in the same mission. Choose another slug.`
    : true
}

export const slugField = (): TextField => ({
  name: 'slug',
  type: 'text',
  localized: true,
  index: true,
  label: { vi: 'Đường dẫn', en: 'Slug' },
  admin: { position: 'sidebar', description: { vi: 'Tạo tự động từ tiêu đề', en: 'Generated from the title' } },
  // A duplicate must not clash with its original's URL.
  hooks: { beforeValidate: [fillFromTitle], beforeDuplicate: [({ value }) => (value ? `${value}-copy` : value)] },
  validate: uniquePerMissionAndLocale,
})
