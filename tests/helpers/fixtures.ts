import type { Payload } from 'payload'
import type { Mission, User } from '#core/payload-types'

const system = { overrideAccess: true } as const

/** A mission with both demo locales, created as the system (Local API, no user). */
export async function createMission(payload: Payload, code: string, fields: Partial<Omit<Mission, 'id'>> = {}): Promise<Mission> {
  return payload.create({
    collection: 'missions',
    locale: 'vi',
    data: {
      code,
      name: code,
      kind: 'embassy',
      hostCountry: 'AU',
      city: 'Can-bê-ra',
      timeZone: 'Australia/Sydney',
      enabledLocales: ['vi', 'en'],
      defaultLocale: 'vi',
      ...fields,
    },
    ...system,
  })
}

/** A staff account; returns its Authorization header value after a real login over HTTP. */
export async function createUserAndLogin(
  payload: Payload,
  baseUrl: string,
  email: string,
  password: string,
  fields: Partial<Omit<User, 'id' | 'email'>> = {},
): Promise<string> {
  await payload.create({ collection: 'users', data: { email, password, ...fields } as never, ...system })
  const res = await fetch(`${baseUrl}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  const body = (await res.json()) as { token?: string }
  if (!res.ok || !body.token) throw new Error(`login as ${email} failed: ${res.status} ${JSON.stringify(body)}`)
  return `JWT ${body.token}`
}
