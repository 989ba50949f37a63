import type { SelectField } from 'payload'

/** The admin languages (payload.config.ts `i18n.supportedLanguages`). */
export const adminLanguages = ['vi', 'en'] as const

/**
 * The language of the admin for this account, kept on the user so that it follows them to
 * every browser (cms/components/AdminLanguage.tsx applies it after login). Ministry staff
 * work in Vietnamese, so that is the default.
 */
export const adminLanguageField: SelectField = {
  name: 'adminLanguage',
  type: 'select',
  defaultValue: 'vi',
  label: { vi: 'Ngôn ngữ trang quản trị', en: 'Admin language' },
  options: [
    { value: 'vi', label: 'Tiếng Việt' },
    { value: 'en', label: 'English' },
  ],
  admin: {
    position: 'sidebar',
    description: {
      vi: 'Ngôn ngữ của các màn hình quản trị cho tài khoản này, trên mọi thiết bị.',
      en: 'The language of the admin screens for this account, on every device.',
    },
  },
}
