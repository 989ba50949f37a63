import type { Access, CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeChangeHook, Field, Validate } from 'payload'
import type { RedirectsPluginConfig } from '@payloadcms/plugin-redirects/types'
import { idOf, isHq, missionsAllowing, missionsWhere } from '../../access/roles'
import { refusal } from '../../lib/errors'
import { capPageSize } from '../../hooks/abuseLimits'
import { contentLocales } from '#core/locales'
import { isSitePath } from '#core/sitePaths'
import { keepingLocale } from '#core/nestedRead'

/**
 * Old URLs of a mission's site → where they live now: written by the importer (WordPress
 * permalinks, ?p=ID, attachment pages, category feeds) and by a slug change of a published
 * article or page (cms/hooks/recordSlugRedirect.ts), editable in the admin. The build writes
 * each mission's redirects to dist/sites/<code>/_redirects.json (pipeline/exportRedirects.ts),
 * which the local site server and the edge answer as 301/302.
 *
 * Access as for other mission content: HQ and the mission's admins edit; the mission's staff
 * read; readers never read the collection (they get the built file).
 */
const readRedirects: Access = ({ req }) => {
  const user = req.user
  if (!user) return false
  if (isHq(user)) return true
  const missions = missionsAllowing(user, 'read')
  return missions.length ? { mission: { in: missions } } : false
}

const editRedirects: Access = ({ req }) => {
  const user = req.user
  if (!user) return false
  if (isHq(user)) return true
  const missions = missionsWhere(user, ['mission-admin'])
  return missions.length ? { mission: { in: missions } } : false
}

/** Collection access cannot see the incoming mission: a mission admin writes only their missions' redirects. */
const enforceMission: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  const user = req.user
  if (!user || isHq(user)) return data
  const administered = missionsWhere(user, ['mission-admin'])
  for (const mission of [idOf(data.mission ?? originalDoc?.mission), idOf(originalDoc?.mission)]) {
    if (mission !== undefined && !administered.includes(mission)) throw refusal('You may edit redirects only of the missions you administer.')
  }
  return data
}

const uniqueFromPerMission: Validate<string> = async (value, { req, data, id }) => {
  if (typeof value !== 'string' || !isSitePath(value)) return 'Give the old address as a path inside the mission site, e.g. /2019/05/old-post/ or /?p=123.'
  const mission = idOf((data as { mission?: unknown }).mission)
  if (mission === undefined) return true
  const clash = await keepingLocale(req, () =>
    req.payload.find({
      collection: 'redirects',
      depth: 0,
      limit: 1,
      pagination: false,
      overrideAccess: true, // must see every redirect of the mission
      req,
      where: { and: [{ from: { equals: value } }, { mission: { equals: mission } }, ...(id != null ? [{ id: { not_equals: id } }] : [])] },
    }),
  )
  return clash.docs[0] ? `"${value}" already redirects (redirect #${clash.docs[0].id}); edit that one instead.` : true
}

const customTarget: Validate<string | null | undefined> = (value, { siblingData }) =>
  (siblingData as { type?: string })?.type !== 'custom' || (typeof value === 'string' && isSitePath(value))
    ? true
    : 'Give the new address as a path inside the mission site, e.g. /vi/tin-tuc/new-slug/.'

const queueRebuild = async (doc: { mission?: unknown }, req: Parameters<CollectionAfterChangeHook>[0]['req'], skip: unknown) => {
  const mission = idOf(doc.mission)
  if (!skip && mission !== undefined) await req.payload.jobs.queue({ task: 'rebuildSites', queue: 'rebuild', input: { missions: [mission] }, req })
}
const rebuildAfterChange: CollectionAfterChangeHook = async ({ doc, req, context }) => (await queueRebuild(doc, req, context.skipRebuild), doc)
const rebuildAfterDelete: CollectionAfterDeleteHook = async ({ doc, req, context }) => (await queueRebuild(doc, req, context.skipRebuild), doc)

/** The plugin's fields with `from` unique per mission instead of globally, plus mission, target locale and origin. */
function fields({ defaultFields }: { defaultFields: Field[] }): Field[] {
  const [from, to, type] = defaultFields as [Field & { name: string }, Field & { fields: (Field & { name: string })[] }, Field]
  return [
    {
      ...from,
      unique: false,
      validate: uniqueFromPerMission,
      admin: {
        description: {
          vi: 'Đường dẫn cũ trong trang của cơ quan, vd. /2019/05/bai-cu/ hoặc /?p=123',
          en: 'Old path inside the mission site, e.g. /2019/05/old-post/ or /?p=123',
        },
      },
    } as Field,
    {
      name: 'mission',
      type: 'relationship',
      relationTo: 'missions',
      required: true,
      index: true,
      label: { vi: 'Cơ quan đại diện', en: 'Mission' },
      filterOptions: ({ user }) => (!user || isHq(user) ? true : { id: { in: missionsWhere(user, ['mission-admin']) } }),
    },
    {
      ...to,
      fields: to.fields.map((f) => (f.name === 'url' ? ({ ...f, validate: customTarget } as Field) : f)),
    } as Field,
    {
      name: 'locale',
      type: 'select',
      defaultValue: 'vi',
      options: contentLocales.map((l) => ({ value: l.code, label: l.label })),
      label: { vi: 'Ngôn ngữ của trang đích', en: 'Language of the target page' },
      admin: { condition: (data) => data?.to?.type === 'reference' },
    },
    type!,
    {
      name: 'origin',
      type: 'select',
      defaultValue: 'manual',
      options: [
        { value: 'manual', label: { vi: 'Nhập tay', en: 'Entered by hand' } },
        { value: 'import', label: { vi: 'Nhập từ trang cũ', en: 'Imported from the old site' } },
        { value: 'slug-change', label: { vi: 'Đổi đường dẫn', en: 'Slug change' } },
      ],
      admin: { readOnly: true, position: 'sidebar' },
    },
  ]
}

export const redirectsPluginConfig: RedirectsPluginConfig = {
  collections: ['articles', 'pages'],
  redirectTypes: ['301', '302'],
  redirectTypeFieldOverride: { defaultValue: '301', label: { vi: 'Loại chuyển hướng', en: 'Redirect type' } },
  overrides: {
    labels: { singular: { vi: 'Chuyển hướng', en: 'Redirect' }, plural: { vi: 'Chuyển hướng', en: 'Redirects' } },
    admin: {
      useAsTitle: 'from',
      defaultColumns: ['from', 'to.type', 'mission', 'origin', 'updatedAt'],
      group: { vi: 'Trang của cơ quan', en: 'Mission sites' },
    },
    access: {
      read: readRedirects,
      create: ({ req }) => Boolean(req.user && (isHq(req.user) || missionsWhere(req.user, ['mission-admin']).length)),
      update: editRedirects,
      delete: editRedirects,
    },
    // The plugin adds the collection after withAbuseLimits ran over the others: the same page-size cap here.
    hooks: { beforeOperation: [capPageSize], beforeChange: [enforceMission], afterChange: [rebuildAfterChange], afterDelete: [rebuildAfterDelete] },
    fields,
  },
}
