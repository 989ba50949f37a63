import type { CollectionConfig } from 'payload'
import { contentLocales } from '../../core/locales'
import { hqRoles, missionRoles } from '../access/roles'
import { createUsers, hqAdminField, deleteUsers, readUsers, roleFieldAccess, updateUsers } from '../access/rules'
import { enforceUserRights } from '../hooks/enforceUserRights'
import { adminLanguageField } from '../fields/adminLanguage'

const roleLabels: Record<string, { vi: string; en: string }> = {
  'hq-admin': { vi: 'Quản trị Bộ', en: 'HQ admin' },
  'hq-editor': { vi: 'Biên tập viên Bộ', en: 'HQ editor' },
  'mission-admin': { vi: 'Quản trị cơ quan', en: 'Mission admin' },
  reviewer: { vi: 'Người duyệt', en: 'Reviewer' },
  'press-officer': { vi: 'Cán bộ báo chí', en: 'Press officer' },
  translator: { vi: 'Biên dịch viên', en: 'Translator' },
}

const secureCookies = process.env.NODE_ENV === 'production' && (process.env.SERVER_URL ?? '').startsWith('https:')

/** Staff accounts. Roles are per mission membership; HQ roles are global. */
export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: { vi: 'Người dùng', en: 'User' }, plural: { vi: 'Người dùng', en: 'Users' } },
  admin: { useAsTitle: 'email', defaultColumns: ['email', 'name', 'hqRole'] },
  auth: {
    maxLoginAttempts: 5,
    lockTime: 10 * 60 * 1000,
    tokenExpiration: 8 * 60 * 60,
    cookies: { secure: secureCookies, sameSite: 'Lax' },
  },
  access: { read: readUsers, create: createUsers, update: updateUsers, delete: deleteUsers, admin: ({ req }) => Boolean(req.user) },
  hooks: { beforeOperation: [enforceUserRights] },
  fields: [
    { name: 'name', type: 'text', label: { vi: 'Họ tên', en: 'Name' } },
    adminLanguageField,
    {
      name: 'hqRole',
      type: 'select',
      label: { vi: 'Vai trò ở Bộ', en: 'HQ role' },
      options: hqRoles.map((value) => ({ value, label: roleLabels[value] })),
      access: { create: hqAdminField, update: hqAdminField },
    },
    {
      name: 'memberships',
      type: 'array',
      label: { vi: 'Cơ quan và vai trò', en: 'Missions and roles' },
      access: { create: roleFieldAccess, update: roleFieldAccess },
      fields: [
        { name: 'mission', type: 'relationship', relationTo: 'missions', required: true },
        {
          name: 'role',
          type: 'select',
          required: true,
          options: missionRoles.map((value) => ({ value, label: roleLabels[value] })),
        },
        {
          name: 'translationLocales',
          type: 'select',
          hasMany: true,
          label: { vi: 'Ngôn ngữ được dịch', en: 'Locales they translate' },
          options: contentLocales.map((l) => ({ value: l.code, label: l.label })),
        },
      ],
    },
  ],
}
