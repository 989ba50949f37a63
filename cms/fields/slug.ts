import { ValidationError, type FieldHook, type PayloadRequest, type TextField, type Validate } from 'payload'
import { slugify, URL_SAFE_CODE } from '../lib/slugify'
import { keepingLocale } from '#core/nestedRead'
import { idsOf } from '../access/roles'

/** Generated slugs stay readable in a URL; a typed slug is the editor's choice and is kept whole. */
export const MAX_GENERATED_SLUG = 80

/** Cuts a slug to at most `max` characters at a word (hyphen) boundary; one overlong word is cut hard. */
export function capSlug(slug: string, max = MAX_GENERATED_SLUG): string {
  if (slug.length <= max) return slug
  const cut = slug.slice(0, max + 1)
  const boundary = cut.lastIndexOf('-')
  return (boundary > 0 ? cut.slice(0, boundary) : slug.slice(0, max)).replace(/-+$/, '')
}

/** The first of `base`, `base-2`, `base-3`, … not in `taken`, within MAX_GENERATED_SLUG characters. */
export function firstFreeSlug(base: string, taken: ReadonlySet<string>): string {
  const capped = capSlug(base)
  if (!taken.has(capped)) return capped
  for (let n = 2; ; n++) {
    const suffix = `-${n}`
    const candidate = `${capSlug(base, MAX_GENERATED_SLUG - suffix.length)}${suffix}`
    if (!taken.has(candidate)) return candidate
  }
}

type Scope = { req: PayloadRequest; collection: string; missions: number[]; id?: number | string }

/** Articles of the same missions in the request's locale whose slug matches `where` (drafts included). */
async function sameMissionSlugs({ req, collection, missions, id }: Scope, slugWhere: Record<string, unknown>, limit: number) {
  const found = await keepingLocale(req, () =>
    req.payload.find({
      collection: collection as 'articles',
      locale: req.locale ?? undefined,
      fallbackLocale: false,
      draft: true,
      depth: 0,
      limit,
      pagination: false,
      overrideAccess: true, // the check must see documents the editor cannot read, or the clash slips through
      req,
      where: { and: [{ slug: slugWhere }, { missions: { in: missions } }, ...(id != null ? [{ id: { not_equals: id } }] : [])] },
    }),
  )
  return found.docs as unknown as { id: number; title?: string; slug?: string }[]
}

const missionsOf = (data: unknown, originalDoc: unknown) =>
  idsOf((data as { missions?: unknown } | undefined)?.missions ?? (originalDoc as { missions?: unknown } | undefined)?.missions)

/** The refusal of a taken slug, in the admin's language for people (Local API scripts get English). */
function takenMessage(req: PayloadRequest, value: string, other: { id: number; title?: string }) {
  return req.user && req.i18n?.language === 'vi'
    ? `Đường dẫn "${value}" đã được bài #${other.id} "${other.title ?? ''}" của cùng cơ quan dùng (ngôn ngữ "${req.locale}"). Hãy chọn đường dẫn khác, hoặc xoá ô này để tạo tự động từ tiêu đề.`
    : `Slug "${value}" is already used in locale "${req.locale}" by article #${other.id} "${other.title ?? ''}" in the same mission. Choose another slug, or empty the field to generate one from the title.`
}

/**
 * A slug typed by the editor is normalised and refused when the mission already uses it in this
 * locale — also on draft saves, which skip Payload's validators. One generated from the title
 * never blocks a save: it takes the next free suffix (`-2`, `-3`, …).
 */
const fillFromTitle: FieldHook = async ({ value, siblingData, data, originalDoc, req, collection }) => {
  const missions = missionsOf(data, originalDoc)
  const scope = { req, collection: collection?.slug ?? '', missions, id: originalDoc?.id as number | undefined }
  if (typeof value === 'string' && value.trim()) {
    const typed = slugify(value)
    // An unchanged slug was checked when it was set; re-checking would block edits of the older article.
    if (typed === originalDoc?.slug || !missions.length || !collection) return typed
    const other = (await sameMissionSlugs(scope, { equals: typed }, 1))[0]
    if (other) throw new ValidationError({ collection: collection.slug, errors: [{ path: 'slug', message: takenMessage(req, typed, other) }], req })
    return typed
  }
  const title = typeof siblingData?.title === 'string' ? siblingData.title : ''
  if (!title.trim()) return value
  const base = capSlug(slugify(title))
  if (!base || !missions.length || !collection) return base
  const others = await sameMissionSlugs(scope, { like: base }, 500)
  return firstFreeSlug(base, new Set(others.map((d) => d.slug ?? '')))
}

/** Slugs are unique per mission and locale: two missions may both have /vi/tin-tuc/quoc-khanh/. */
const uniquePerMissionAndLocale: Validate<string> = async (value, { req, data, id, collectionSlug }) => {
  if (value == null || value === '') return true
  if (!URL_SAFE_CODE.test(value)) {
    return req.user && req.i18n?.language === 'vi'
      ? `Đường dẫn "${value}" chỉ được có chữ thường không dấu, chữ số và dấu gạch ngang.`
      : `Slug "${value}" may contain only lowercase letters, digits and hyphens.`
  }
  const missions = idsOf((data as { missions?: unknown }).missions)
  if (!missions.length || !collectionSlug) return true
  const other = (await sameMissionSlugs({ req, collection: collectionSlug, missions, id: id ?? undefined }, { equals: value }, 1))[0]
  return other ? takenMessage(req, value, other) : true
}

export const slugField = (): TextField => ({
  name: 'slug',
  type: 'text',
  localized: true,
  index: true,
  label: { vi: 'Đường dẫn', en: 'Slug' },
  admin: {
    position: 'sidebar',
    description: {
      vi: 'Để trống: tạo tự động từ tiêu đề (thêm -2 nếu đã có bài trùng).',
      en: 'Leave empty to generate it from the title (with -2 if already taken).',
    },
  },
  // A duplicate must not clash with its original's URL.
  hooks: { beforeValidate: [fillFromTitle], beforeDuplicate: [({ value }) => (value ? `${value}-copy` : value)] },
  validate: uniquePerMissionAndLocale,
})
