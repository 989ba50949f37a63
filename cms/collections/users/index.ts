import type { CollectionConfig } from 'payload'
import { contentLocales } from '#core/locales'
import { hqRoles, missionRoles } from '../../access/roles'
import { createUsers, hqAdminField, hqAdminOnly, deleteUsers, readUsers, roleFieldAccess, updateUsers } from '../../access/rules'
import { enforceUserRights, guardAccountChange, guardAccountDeletion } from '../../hooks/enforceUserRights'
import { adminLanguageField } from '../../fields/adminLanguage'
import { production, servedOverHttps } from '#core/config'

const roleLabels: Record<string, { vi: string; en: string }> = {
  'hq-admin': { vi: 'Quản trị Bộ', en: 'HQ admin' },
  'hq-editor': { vi: 'Biên tập viên Bộ', en: 'HQ editor' },
  'mission-admin': { vi: 'Quản trị cơ quan', en: 'Mission admin' },
  reviewer: { vi: 'Người duyệt', en: 'Reviewer' },
  'press-officer': { vi: 'Cán bộ báo chí', en: 'Press officer' },
  translator: { vi: 'Biên dịch viên', en: 'Translator' },
}

const secureCookies = production() && servedOverHttps()

/** Staff accounts. Roles are per mission membership; HQ roles are global. */
export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: { vi: 'Người dùng', en: 'User' }, plural: { vi: 'Người dùng', en: 'Users' } },
  admin: { useAsTitle: 'email', defaultColumns: ['email', 'name', 'hqRole'] },
  auth: {
    // Every authenticated request loads its user: at depth 2 that populated each membership's mission with its menus' pages and home blocks' articles (7 queries); access needs only the ids.
    depth: 0,
    // Payload's lockout is per account whatever the address: it is only the durable backstop
    // at the account-wide rate limit (cms/hooks/abuseLimits.ts), which counts per address first.
    maxLoginAttempts: 50,
    lockTime: 10 * 60 * 1000,
    tokenExpiration: 8 * 60 * 60,
    cookies: { secure: secureCookies, sameSite: 'Lax' },
  },
  // Unlocking a locked account is HQ-admin only: anyone else could undo the lockout for any account.
  access: { read: readUsers, create: createUsers, update: updateUsers, delete: deleteUsers, unlock: hqAdminOnly, admin: ({ req }) => Boolean(req.user) },
  hooks: { beforeOperation: [enforceUserRights], beforeChange: [guardAccountChange], beforeDelete: [guardAccountDeletion] },
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
