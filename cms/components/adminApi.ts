/**
 * How the admin's own components talk to the API: by path on the page's own origin, never by
 * `config.serverURL`. An admin opened at http://127.0.0.1:3000 while SERVER_URL says localhost
 * then still works for reading, and when a call fails the component says why instead of
 * staying empty.
 */
type RoutesConfig = { routes: { api: string }; serverURL?: string }

export const apiPath = (config: RoutesConfig, path: string) => `${config.routes.api}${path}`

export type ApiResult<T> = { ok: true; data: T } | { ok: false; status: number; message: string }

/** The page's origin differs from SERVER_URL: cookie-authenticated writes will be refused (CSRF). */
export function originMismatch(config: RoutesConfig): string | null {
  if (typeof window === 'undefined' || !config.serverURL) return null
  try {
    const configured = new URL(config.serverURL).origin
    return configured === window.location.origin ? null : configured
  } catch {
    return null
  }
}

export async function callApi<T>(config: RoutesConfig, path: string, init: RequestInit = {}): Promise<ApiResult<T>> {
  try {
    const res = await fetch(apiPath(config, path), {
      credentials: 'same-origin',
      ...init,
      headers: { ...(init.body ? { 'Content-Type': 'application/json' } : {}), ...init.headers },
    })
    const body = (await res.json().catch(() => null)) as (T & { errors?: { message: string }[] }) | null
    if (res.ok && body) return { ok: true, data: body }
    return { ok: false, status: res.status, message: body?.errors?.map((e) => e.message).join(' ') || `HTTP ${res.status}` }
  } catch (error) {
    return { ok: false, status: 0, message: error instanceof Error ? error.message : String(error) }
  }
}

/** Dates and times as the admin language writes them (13/12/2026 14:05 in Vietnamese). */
export function formatDateTime(value: string | number | Date, language: string, timeZone?: string): string {
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return String(value)
  return new Intl.DateTimeFormat(language === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }).format(
    date,
  )
}
