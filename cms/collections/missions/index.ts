import type { CollectionConfig, Field } from 'payload'
import { URL_SAFE_CODE } from '../../lib/slugify'
import { contentLocales, defaultLocale } from '#core/locales'
import { anyone, hqAdminField, hqAdminOnly, updateMissions } from '../../access/rules'
import { missionPreviewEndpoints } from '../../endpoints/preview'
import { enforceMissionRights } from '../../hooks/enforceMissionRights'
import { missionDeliveriesField } from '../../subscriptions/collections'
import { accreditationFields, consularFields, homeLayoutFields, menuFields, siteSettingsFields } from '../../fields/missionSettings'
import { optimisticConcurrency } from '../../hooks/optimisticConcurrency'

const timeZones = new Set(Intl.supportedValuesOf('timeZone'))
const countryNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' })

/** A diplomatic mission: one public website per mission. */
export const Missions: CollectionConfig = {
  slug: 'missions',
  labels: { singular: { vi: 'Cơ quan đại diện', en: 'Mission' }, plural: { vi: 'Cơ quan đại diện', en: 'Missions' } },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'code', 'kind', 'city'],
    // "Preview changes": the site with the form's unsaved settings (missions have no drafts, on purpose).
    components: { edit: { beforeDocumentControls: ['/components/MissionPreviewButton#MissionPreviewButton'] } },
  },
  access: { read: anyone, create: hqAdminOnly, update: updateMissions, delete: hqAdminOnly },
  // A mission populated into an article or user is its identity, not its site settings: the whole
  // record also populated its menus' pages and home blocks' articles (6 queries per article read).
  defaultPopulate: {
    code: true,
    name: true,
    kind: true,
    hostCountry: true,
    city: true,
    timeZone: true,
    enabledLocales: true,
    defaultLocale: true,
    siteUrl: true,
  },
  endpoints: missionPreviewEndpoints,
  hooks: {
    beforeOperation: [optimisticConcurrency, enforceMissionRights],
    // Settings, menus and the home layout are on the site: rebuild it after a change.
    afterChange: [
      async ({ doc, req, context, operation }) => {
        if (operation === 'update' && !context.skipRebuild)
          await req.payload.jobs.queue({ task: 'rebuildSites', queue: 'rebuild', input: { missions: [doc.id] }, req })
        return doc
      },
    ],
  },
  fields: [
    {
      // Unnamed tabs only arrange the form; the data stays flat (mission.siteTitle, mission.consular…).
      type: 'tabs',
      tabs: [
        { label: { vi: 'Cơ quan', en: 'Mission' }, fields: missionFields() },
        { label: { vi: 'Giao diện', en: 'Site' }, fields: siteSettingsFields },
        { label: { vi: 'Lãnh sự', en: 'Consular' }, fields: consularFields },
        { label: { vi: 'Menu', en: 'Menus' }, fields: menuFields },
        { label: { vi: 'Trang chủ', en: 'Home page' }, fields: homeLayoutFields },
        { label: { vi: 'Kiêm nhiệm', en: 'Accreditation' }, fields: accreditationFields },
      ],
    },
    missionDeliveriesField,
  ],
}

function missionFields(): Field[] {
  return [
    {
      name: 'code',
      access: { update: hqAdminField },
      type: 'text',
      required: true,
      unique: true,
      index: true,
      label: { vi: 'Mã', en: 'Code' },
      admin: { description: { vi: 'Dùng trong URL, ví dụ au-canberra', en: 'Used in URLs, e.g. au-canberra' } },
      validate: (value: unknown) =>
        typeof value === 'string' && URL_SAFE_CODE.test(value)
          ? true
          : 'Mission code must be lowercase letters, digits and single hyphens (e.g. "au-canberra"); no spaces or capitals.',
    },
    { name: 'name', type: 'text', required: true, localized: true, label: { vi: 'Tên', en: 'Name' } },
    {
      name: 'kind',
      access: { update: hqAdminField },
      type: 'select',
      required: true,
      defaultValue: 'embassy',
      label: { vi: 'Loại', en: 'Kind' },
      options: [
        { value: 'embassy', label: { vi: 'Đại sứ quán', en: 'Embassy' } },
        { value: 'consulate-general', label: { vi: 'Tổng lãnh sự quán', en: 'Consulate-General' } },
        { value: 'representative-office', label: { vi: 'Văn phòng đại diện', en: 'Representative office' } },
        { value: 'permanent-mission', label: { vi: 'Phái đoàn thường trực', en: 'Permanent mission' } },
      ],
    },
    {
      name: 'hostCountry',
      access: { update: hqAdminField },
      type: 'text',
      required: true,
      label: { vi: 'Nước sở tại (mã ISO)', en: 'Host country (ISO code)' },
      validate: (value: unknown) =>
        typeof value === 'string' && /^[A-Z]{2}$/.test(value) && countryNames.of(value)
          ? true
          : 'Host country must be an ISO 3166-1 alpha-2 code such as "AU".',
    },
    { name: 'city', type: 'text', required: true, localized: true, label: { vi: 'Thành phố', en: 'City' } },
    {
      name: 'timeZone',
      type: 'text',
      required: true,
      label: { vi: 'Múi giờ', en: 'Time zone' },
      validate: (value: unknown) => (typeof value === 'string' && timeZones.has(value) ? true : 'Time zone must be an IANA name such as "Australia/Sydney".'),
    },
    {
      name: 'enabledLocales',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: ['vi', 'en'], // a host-country language is switched on per mission
      label: { vi: 'Ngôn ngữ của trang', en: 'Site languages' },
      options: contentLocales.map((l) => ({ value: l.code, label: l.label })),
    },
    {
      name: 'defaultLocale',
      type: 'select',
      required: true,
      defaultValue: defaultLocale,
      label: { vi: 'Ngôn ngữ mặc định', en: 'Default language' },
      options: contentLocales.map((l) => ({ value: l.code, label: l.label })),
      validate: (value: unknown, { siblingData }: { siblingData: { enabledLocales?: string[] } }) =>
        !siblingData.enabledLocales || siblingData.enabledLocales.includes(String(value)) ? true : 'The default language must be one of the site languages.',
    },
    {
      name: 'siteUrl',
      access: { update: hqAdminField },
      type: 'text',
      label: { vi: 'Địa chỉ trang công khai', en: 'Public site URL' },
      admin: { description: { vi: 'Ví dụ https://vnembassy-au.example/', en: 'e.g. https://vnembassy-au.example/' } },
      validate: (value: unknown) => {
        if (value == null || value === '') return true
        try {
          const u = new URL(String(value))
          return u.protocol === 'https:' || u.protocol === 'http:' ? true : 'Site URL must start with https://'
        } catch {
          return 'Site URL must be an absolute URL such as https://vnembassy-au.example/'
        }
      },
    },
  ]
}
