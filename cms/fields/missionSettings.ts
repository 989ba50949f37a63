import type { Field, TextFieldSingleValidation, Validate } from 'payload'
import { homeBlocks } from './blocks'
import { validateAccentColour } from './contrast'
import { linkFields, requiredHttpsUrl } from './links'
import { keepingLocale } from '#core/nestedRead'

/**
 * What a mission admin shapes on their own site (cms/collections/missions/index.ts adds these as
 * tabs). They live on the mission itself, so the existing row rule (a mission admin updates
 * only their own mission) covers them; HQ-level fields keep `hqAdminField` there.
 * docs/mission-sites.md explains each part.
 */

const countryNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' })
const isCountry = (v: unknown) => typeof v === 'string' && /^[A-Z]{2}$/.test(v) && Boolean(countryNames.of(v))

const phone: TextFieldSingleValidation = (value) =>
  value == null || value === '' || /^\+[0-9][0-9 ()-]{5,24}$/.test(String(value))
    ? true
    : `Phone number "${value}" must be in international form, starting with + and the country code, e.g. +61 2 6286 6059.`

const email: TextFieldSingleValidation = (value) =>
  value == null || value === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(String(value)) ? true : `"${value}" is not an e-mail address.`

const clock: TextFieldSingleValidation = (value) =>
  /^([01]\d|2[0-3]):[0-5]\d$/.test(String(value ?? '')) ? true : `Time "${value ?? ''}" must be HH:MM (24-hour clock), e.g. 08:30.`

const closesAfterOpens: TextFieldSingleValidation = (value, options) => {
  const c = clock(value, options)
  if (c !== true) return c
  const { opens }: { opens?: string } = options.siblingData
  return !opens || String(value) > opens ? true : `Closing time ${value} must be after opening time ${opens}.`
}

const accreditedCountry: TextFieldSingleValidation = (value, options) => {
  const data: { hostCountry?: string; accreditedCountries?: { country?: string }[] } = options.data
  if (!isCountry(value)) return `Accredited country "${value ?? ''}" must be an ISO 3166-1 alpha-2 code such as "NZ".`
  if (value === data.hostCountry) return `${value} is the host country; list only other countries.`
  const n = (data.accreditedCountries ?? []).filter((c) => c.country === value).length
  return n > 1 ? `${value} is listed twice.` : true
}

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

const menu = (name: string, label: { vi: string; en: string }): Field => ({
  name,
  type: 'array',
  localized: true, // each language has its own menu
  maxRows: 12,
  label,
  labels: { singular: { vi: 'Liên kết', en: 'Link' }, plural: { vi: 'Liên kết', en: 'Links' } },
  fields: linkFields,
})

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
    validate: validateAccentColour,
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
      { name: 'url', type: 'text', required: true, validate: requiredHttpsUrl },
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
        validate: phone,
      },
      { name: 'phone', type: 'text', label: { vi: 'Điện thoại', en: 'Phone' }, validate: phone },
      { name: 'email', type: 'text', label: { vi: 'Thư điện tử', en: 'E-mail' }, validate: email },
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
          { name: 'opens', type: 'text', required: true, validate: clock },
          {
            name: 'closes',
            type: 'text',
            required: true,
            validate: closesAfterOpens,
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
        validate: accreditedCountry,
      },
      { name: 'relations', type: 'textarea', localized: true, label: { vi: 'Quan hệ song phương', en: 'Bilateral relations' } },
      { name: 'consularContact', type: 'textarea', localized: true, label: { vi: 'Liên hệ lãnh sự', en: 'Consular contacts' } },
    ],
  },
]
