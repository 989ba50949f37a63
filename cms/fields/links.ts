import type { Field, TextFieldSingleValidation, Validate } from 'payload'
import { sections } from '#core/locales'
import { keepingLocale } from '#core/nestedRead'

const httpsUrl: Validate<string> = (value) => {
  if (value == null || value === '') return true
  try {
    return new URL(String(value)).protocol === 'https:' ? true : `"${value}" must be an https:// address.`
  } catch {
    return `"${value}" is not a web address; use a full address such as https://example.org/page.`
  }
}

export const requiredHttpsUrl: Validate<string> = (value, options) => (value ? httpsUrl(value, options) : 'Enter a web address (https://…).')

/** The address of an external link: required, and https:// (other kinds of link have none). */
const externalUrl: TextFieldSingleValidation = (value, options) => {
  const sibling: { kind?: string } = options.siblingData
  return sibling.kind === 'external' ? requiredHttpsUrl(value, options) : true
}

/** A menu or quick link to a page must point at a page that exists and belongs to this mission. */
const existingPage: Validate = async (value, { req, siblingData, id }) => {
  const s = siblingData as { kind?: string; label?: string }
  if (s.kind && s.kind !== 'page') return true
  if (value == null || value === '')
    return `Link "${s.label ?? ''}" points to a page, but no page is chosen (was it deleted?). Choose a page or remove the link.`
  const pageId = typeof value === 'object' ? (value as { id: number }).id : value
  const page = (await keepingLocale(req, () =>
    req.payload.findByID({ collection: 'pages', id: pageId as number, depth: 0, draft: true, overrideAccess: true, disableErrors: true, req }),
  )) as { mission?: unknown } | null
  if (!page) return `Link "${s.label ?? ''}" points to page #${pageId}, which no longer exists. Choose another page or remove the link.`
  const owner = typeof page.mission === 'object' && page.mission ? (page.mission as { id: number }).id : page.mission
  if (id != null && owner != null && Number(owner) !== Number(id)) return `Link "${s.label ?? ''}" points to page #${pageId}, which belongs to another mission.`
  return true
}

/** A link in a mission's menus and quick links: to one of its pages, a section or an https:// address. */
export const linkFields: Field[] = [
  { name: 'label', type: 'text', required: true, label: { vi: 'Nhãn', en: 'Label' } },
  {
    name: 'kind',
    type: 'select',
    required: true,
    defaultValue: 'page',
    label: { vi: 'Loại liên kết', en: 'Link to' },
    options: [
      { value: 'page', label: { vi: 'Trang', en: 'Page' } },
      { value: 'section', label: { vi: 'Chuyên mục', en: 'Section' } },
      { value: 'external', label: { vi: 'Địa chỉ ngoài', en: 'External URL' } },
    ],
  },
  { name: 'page', type: 'relationship', relationTo: 'pages', validate: existingPage, admin: { condition: (_, s) => s?.kind === 'page' } },
  {
    name: 'section',
    type: 'select',
    options: sections.map((v) => ({ value: v, label: v })),
    admin: { condition: (_, s) => s?.kind === 'section' },
    validate: (value: unknown, { siblingData }: { siblingData: { kind?: string; label?: string } }) =>
      siblingData.kind !== 'section' || value ? true : `Link "${siblingData.label ?? ''}" needs a section.`,
  },
  {
    name: 'url',
    type: 'text',
    admin: { condition: (_, s) => s?.kind === 'external' },
    validate: externalUrl,
  },
]
