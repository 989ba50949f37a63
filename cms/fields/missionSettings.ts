import type { Block, Field, Validate } from 'payload'
import { sections } from '../../core/locales'
import { validateAccentColour } from './contrast'
import { keepingLocale } from '../../core/nestedRead'

/**
 * What a mission admin shapes on their own site (cms/collections/missions/index.ts adds these as
 * tabs). They live on the mission itself, so the existing row rule (a mission admin updates
 * only their own mission) covers them; HQ-level fields keep `hqAdminField` there.
 * docs/mission-sites.md explains each part.
 */

const countryNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' })
const isCountry = (v: unknown) => typeof v === 'string' && /^[A-Z]{2}$/.test(v) && Boolean(countryNames.of(v))

const httpsUrl: Validate<string> = (value) => {
  if (value == null || value === '') return true
  try {
    return new URL(String(value)).protocol === 'https:' ? true : `"${value}" must be an https:// address.`
  } catch {
    return `"${value}" is not a web address; use a full address such as https://example.org/page.`
  }
}

const requiredHttpsUrl: Validate<string> = (value, options) => (value ? httpsUrl(value, options) : 'Enter a web address (https://…).')

const phone: Validate<string> = (value) =>
  value == null || value === '' || /^\+[0-9][0-9 ()-]{5,24}$/.test(String(value))
    ? true
    : `Phone number "${value}" must be in international form, starting with + and the country code, e.g. +61 2 6286 6059.`

const email: Validate<string> = (value) =>
  value == null || value === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(String(value)) ? true : `"${value}" is not an e-mail address.`

const clock: Validate<string> = (value) =>
  /^([01]\d|2[0-3]):[0-5]\d$/.test(String(value ?? '')) ? true : `Time "${value ?? ''}" must be HH:MM (24-hour clock), e.g. 08:30.`

type MediaDoc = { filename?: string | null; filesize?: number | null; width?: number | null; height?: number | null; mimeType?: string | null }

/** A logo or favicon must be an image in the media library, small enough to load on every page. */
const imageRule =
  (what: string, rule: { maxBytes: number; minWidth: number; square?: boolean }): Validate =>
  async (value, { req }) => {
    if (value == null || value === '') return true
    const id = typeof value === 'object' ? (value as { id: number }).id : value
    const media = (await keepingLocale(req, () =>
      req.payload.findByID({ collection: 'media', id: id as number, depth: 0, overrideAccess: true, disableErrors: true, req }),
    )) as MediaDoc | null
    if (!media?.filename) return `The ${what} (media #${id}) does not exist in the media library; upload it again.`
    if ((media.filesize ?? 0) > rule.maxBytes) return `The ${what} is ${Math.ceil((media.filesize ?? 0) / 1024)} KB; the limit is ${rule.maxBytes / 1024} KB.`
    if ((media.width ?? 0) < rule.minWidth) return `The ${what} is ${media.width ?? 0} px wide; it must be at least ${rule.minWidth} px.`
    if (rule.square && media.width !== media.height) return `The ${what} must be square; it is ${media.width}×${media.height} px.`
    return true
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

const linkFields: Field[] = [
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
    validate: ((value: unknown, options: { siblingData: { kind?: string } }) =>
      options.siblingData.kind === 'external' ? requiredHttpsUrl(value as string, options as never) : true) as never,
  },
]

const menu = (name: string, label: { vi: string; en: string }): Field => ({
  name,
  type: 'array',
  localized: true, // each language has its own menu
  maxRows: 12,
  label,
  labels: { singular: { vi: 'Liên kết', en: 'Link' }, plural: { vi: 'Liên kết', en: 'Links' } },
  fields: linkFields,
})

const heading: Field = { name: 'heading', type: 'text', label: { vi: 'Tiêu đề khối', en: 'Block heading' } }

/** Home page blocks: one Astro component per slug in site/src/blocks/. */
export const homeBlocks: Block[] = [
  { slug: 'leadStory', labels: { singular: { vi: 'Tin nổi bật', en: 'Lead story' }, plural: { vi: 'Tin nổi bật', en: 'Lead stories' } }, fields: [heading] },
  {
    slug: 'latestBySection',
    labels: { singular: { vi: 'Tin mới theo chuyên mục', en: 'Latest by section' }, plural: { vi: 'Tin mới theo chuyên mục', en: 'Latest by section' } },
    fields: [
      { name: 'section', type: 'select', required: true, options: sections.map((v) => ({ value: v, label: v })) },
      { name: 'count', type: 'number', min: 1, max: 12, defaultValue: 3 },
    ],
  },
  {
    slug: 'featured',
    labels: { singular: { vi: 'Bài ghim', en: 'Featured articles' }, plural: { vi: 'Bài ghim', en: 'Featured articles' } },
    fields: [heading, { name: 'articles', type: 'relationship', relationTo: 'articles', hasMany: true, maxRows: 6 }],
  },
  {
    slug: 'headOfMission',
    labels: { singular: { vi: 'Thông điệp của Đại sứ', en: 'Head-of-mission message' }, plural: { vi: 'Thông điệp', en: 'Messages' } },
    fields: [heading, { name: 'name', type: 'text', required: true }, { name: 'message', type: 'textarea', required: true }],
  },
  {
    slug: 'consularLinks',
    labels: { singular: { vi: 'Liên kết lãnh sự', en: 'Consular quick links' }, plural: { vi: 'Liên kết lãnh sự', en: 'Consular quick links' } },
    fields: [heading, { name: 'links', type: 'array', maxRows: 8, fields: linkFields }],
  },
  { slug: 'contact', labels: { singular: { vi: 'Liên hệ', en: 'Contact' }, plural: { vi: 'Liên hệ', en: 'Contact' } }, fields: [heading] },
  {
    // Published articles with an event that has not ended when the site is built, soonest first.
    slug: 'upcomingEvents',
    labels: { singular: { vi: 'Sự kiện sắp diễn ra', en: 'Upcoming events' }, plural: { vi: 'Sự kiện sắp diễn ra', en: 'Upcoming events' } },
    fields: [heading, { name: 'count', type: 'number', min: 1, max: 12, defaultValue: 3, label: { vi: 'Số sự kiện', en: 'Number of events' } }],
  },
]

export const siteSettingsFields: Field[] = [
  {
    name: 'siteTitle',
    type: 'text',
    localized: true,
    label: { vi: 'Tên trang', en: 'Site title' },
    admin: { description: { vi: 'Để trống: dùng tên cơ quan', en: 'Empty: the mission name' } },
  },
  { name: 'tagline', type: 'text', localized: true, label: { vi: 'Khẩu hiệu', en: 'Tagline' } },
  {
    name: 'logo',
    type: 'upload',
    relationTo: 'media',
    label: { vi: 'Logo', en: 'Logo' },
    validate: imageRule('logo', { maxBytes: 1024 * 1024, minWidth: 64 }),
  },
  {
    name: 'favicon',
    type: 'upload',
    relationTo: 'media',
    label: { vi: 'Biểu tượng trang', en: 'Favicon' },
    validate: imageRule('favicon', { maxBytes: 256 * 1024, minWidth: 32, square: true }),
  },
  {
    name: 'accentColour',
    type: 'text',
    label: { vi: 'Màu nhấn', en: 'Accent colour' },
    admin: {
      description: { vi: 'Mã hex, ví dụ #1f5fa8; độ tương phản với màu trắng ≥ 4.5:1', en: 'Hex, e.g. #1f5fa8; contrast with white must be at least 4.5:1' },
    },
    validate: validateAccentColour as never,
  },
  {
    name: 'socialProfiles',
    type: 'array',
    maxRows: 8,
    label: { vi: 'Mạng xã hội', en: 'Social profiles' },
    fields: [
      {
        name: 'network',
        type: 'select',
        required: true,
        options: ['facebook', 'x', 'youtube', 'instagram', 'linkedin', 'tiktok', 'zalo'].map((v) => ({ value: v, label: v })),
      },
      { name: 'url', type: 'text', required: true, validate: requiredHttpsUrl as never },
    ],
  },
  {
    name: 'analyticsOptIn',
    type: 'checkbox',
    defaultValue: false,
    label: { vi: 'Thống kê truy cập (không cookie)', en: 'Visitor statistics (cookieless only)' },
  },
]

// Texts inside these rows are localized but not required: a locale without its own text shows
// the default language's (site build), so editing one language never blocks on the others.
export const consularFields: Field[] = [
  {
    name: 'consular',
    type: 'group',
    label: { vi: 'Thông tin lãnh sự', en: 'Consular information' },
    fields: [
      {
        name: 'hotline',
        type: 'text',
        label: { vi: 'Đường dây nóng bảo hộ công dân (24/7)', en: '24/7 citizen-protection hotline' },
        admin: { description: { vi: 'Hiện ở chân mọi trang', en: 'Shown in every page footer' } },
        validate: phone as never,
      },
      { name: 'phone', type: 'text', label: { vi: 'Điện thoại', en: 'Phone' }, validate: phone as never },
      { name: 'email', type: 'text', label: { vi: 'Thư điện tử', en: 'E-mail' }, validate: email as never },
      {
        name: 'addresses',
        type: 'array',
        maxRows: 6,
        label: { vi: 'Địa chỉ', en: 'Addresses' },
        fields: [
          { name: 'label', type: 'text', localized: true },
          { name: 'address', type: 'textarea', localized: true },
        ],
      },
      {
        name: 'officeHours',
        type: 'array',
        maxRows: 7,
        label: { vi: 'Giờ làm việc (giờ địa phương)', en: 'Office hours (mission time zone)' },
        fields: [
          { name: 'days', type: 'text', localized: true },
          { name: 'opens', type: 'text', required: true, validate: clock as never },
          {
            name: 'closes',
            type: 'text',
            required: true,
            validate: ((value: unknown, o: { siblingData: { opens?: string } }) => {
              const c = clock(value as string, o as never)
              if (c !== true) return c
              return !o.siblingData.opens || String(value) > o.siblingData.opens
                ? true
                : `Closing time ${value} must be after opening time ${o.siblingData.opens}.`
            }) as never,
          },
        ],
      },
      {
        name: 'holidays',
        type: 'array',
        maxRows: 40,
        label: { vi: 'Ngày nghỉ lễ', en: 'Public holidays' },
        fields: [
          { name: 'date', type: 'date', required: true, admin: { date: { pickerAppearance: 'dayOnly' } } },
          { name: 'name', type: 'text', localized: true },
        ],
      },
    ],
  },
]

export const menuFields: Field[] = [
  menu('headerMenu', { vi: 'Menu đầu trang', en: 'Header menu' }),
  menu('footerMenu', { vi: 'Menu chân trang', en: 'Footer menu' }),
]

export const homeLayoutFields: Field[] = [
  {
    name: 'homeLayout',
    type: 'blocks',
    localized: true, // ordered per language
    maxRows: 12,
    label: { vi: 'Bố cục trang chủ', en: 'Home page layout' },
    admin: { description: { vi: 'Để trống: bố cục mặc định', en: 'Empty: the default layout (lead story, latest per section)' } },
    blocks: homeBlocks,
  },
]

export const accreditationFields: Field[] = [
  {
    name: 'accreditedCountries',
    type: 'array',
    maxRows: 20,
    label: { vi: 'Kiêm nhiệm', en: 'Concurrent accreditation' },
    admin: { description: { vi: 'Các nước khác mà cơ quan kiêm nhiệm', en: 'Other countries this mission is accredited to' } },
    fields: [
      {
        name: 'country',
        type: 'text',
        required: true,
        label: { vi: 'Nước (mã ISO)', en: 'Country (ISO code)' },
        validate: ((value: unknown, { data }: { data: { hostCountry?: string; accreditedCountries?: { country?: string }[] } }) => {
          if (!isCountry(value)) return `Accredited country "${value ?? ''}" must be an ISO 3166-1 alpha-2 code such as "NZ".`
          if (value === data.hostCountry) return `${value} is the host country; list only other countries.`
          const n = (data.accreditedCountries ?? []).filter((c) => c.country === value).length
          return n > 1 ? `${value} is listed twice.` : true
        }) as never,
      },
      { name: 'relations', type: 'textarea', localized: true, label: { vi: 'Quan hệ song phương', en: 'Bilateral relations' } },
      { name: 'consularContact', type: 'textarea', localized: true, label: { vi: 'Liên hệ lãnh sự', en: 'Consular contacts' } },
    ],
  },
]
