import type { Payload } from 'payload'
import { startApiServer } from './apiServer'
import { createMission, createUserAndLogin } from './fixtures'
import { createTestPayload } from './payload'

export type Res = { status: number; json: any; text: string }
export const PASSWORD = 'correct-horse-battery-staple'

/**
 * One mission with a staff account per role, logged in over real HTTP, for the workflow tests
 * (tests/int/secondEyes.test.ts, pagesWorkflow.test.ts, anonymousReads.test.ts).
 */
export async function workflowWorld(code: string) {
  const { payload, close } = await createTestPayload()
  const api = await startApiServer(payload)
  const missionId = (await createMission(payload, code)).id
  const tokens = new Map<string, string>()
  const accounts: [string, Record<string, unknown>][] = [
    ['press', { memberships: [{ mission: missionId, role: 'press-officer' }] }],
    ['reviewer', { memberships: [{ mission: missionId, role: 'reviewer' }] }],
    ['reviewer2', { memberships: [{ mission: missionId, role: 'reviewer' }] }],
    ['translator', { memberships: [{ mission: missionId, role: 'translator', translationLocales: ['en'] }] }],
    ['hq', { hqRole: 'hq-editor' }],
    ['hqAdmin', { hqRole: 'hq-admin' }],
  ]
  for (const [name, extra] of accounts) tokens.set(name, await createUserAndLogin(payload, api.url, `${name}.${code}@example.org`, PASSWORD, extra))

  async function http(user: string | null, method: string, url: string, body?: unknown): Promise<Res> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' }
    if (user) headers.Authorization = tokens.get(user)!
    const res = await fetch(`${api.url}${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
    const text = await res.text()
    return { status: res.status, text, json: text ? JSON.parse(text) : {} }
  }
  const graphql = (user: string | null, query: string) => http(user, 'POST', '/api/graphql', { query })
  const act = (user: string, collection: 'articles' | 'pages', id: number, body: Record<string, unknown>) =>
    http(user, 'POST', `/api/${collection}/${id}/workflow`, body)
  /** What an anonymous reader gets for one locale (status and title). */
  const publicRead = async (collection: 'articles' | 'pages', id: number, locale: string) => {
    const res = await http(null, 'GET', `/api/${collection}/${id}?locale=${locale}&fallback-locale=none&depth=0`)
    return { status: res.status, title: res.status === 200 ? (res.json.title as string) : null }
  }
  return {
    payload: payload as Payload,
    missionId,
    http,
    graphql,
    act,
    publicRead,
    close: async () => {
      await api.close()
      await close()
    },
  }
}
