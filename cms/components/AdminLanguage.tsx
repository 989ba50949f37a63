'use client'
import { useEffect, useRef, type ReactNode } from 'react'
import { useAuth, useConfig, useTranslation } from '@payloadcms/ui'
import type { User } from '#core/payload-types'

/**
 * The admin language follows the account, not the browser: after login the admin switches to
 * the user's `adminLanguage` (cms/fields/adminLanguage.ts); choosing another language in
 * Payload's own account settings is saved back onto the user.
 */
export function AdminLanguage({ children }: { children?: ReactNode }) {
  const { user, setUser, token, tokenExpirationMs } = useAuth<User & { adminLanguage?: string | null }>()
  const { config } = useConfig()
  const { i18n, switchLanguage } = useTranslation()
  const seen = useRef<string | null>(null)
  const stored = user ? (user.adminLanguage ?? 'vi') : null
  useEffect(() => {
    const current = i18n.language
    const previous = seen.current
    seen.current = current
    if (!user || !stored || current === stored) return
    if (previous && previous !== current) {
      // The language changed on this screen (Payload's selector): remember it on the account.
      void fetch(`${config.routes.api}/users/${user.id}`, {
        method: 'PATCH',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ adminLanguage: current }),
      }).then((res) => {
        // setUser takes the whole session (user, token, expiry): given the user alone it signs out.
        if (res.ok) setUser({ user: { ...user, adminLanguage: current as User['adminLanguage'] }, token, exp: Math.floor((tokenExpirationMs ?? 0) / 1000) })
      })
    } else void switchLanguage?.(stored as 'vi')
  }, [user, stored, i18n.language, config.routes.api, setUser, switchLanguage, token, tokenExpirationMs])
  return <>{children}</>
}
