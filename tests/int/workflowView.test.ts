import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Payload } from 'payload'
import { createTestPayload } from '../helpers/payload'
import { startApiServer } from '../helpers/apiServer'
import { createMission, createUserAndLogin } from '../helpers/fixtures'
import { revisionOf } from '../../cms/workflow/revision'
import { isLiveState } from '#core/publicContent'
import { localeCodes } from '#core/locales'

/**
 * GET /api/articles/:id/workflow shows the workflow of every article its caller may read as staff
 * (an article shared by several missions included), reads the article twice whatever the number
 * of locales, and shows the same per-locale state as reading each locale on its own.
 */
let payload: Payload
let close: () => Promise<void>
let api: { url: string; close: () => Promise<void> }
const tokens = new Map<string, string>()
const PASSWORD = 'correct-horse-battery-staple'
let shared: number

type Res = { status: number; json: any; text: string }
async function http(user: string | null, method: string, url: string, body?: unknown): Promise<Res> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' }
  if (user) headers.Authorization = tokens.get(user)!
  const res = await fetch(`${api.url}${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  const text = await res.text()
  return { status: res.status, text, json: text ? JSON.parse(text) : {} }
}
const act = (user: string, id: number, body: Record<string, unknown>) => http(user, 'POST', `/api/articles/${id}/workflow`, body)

beforeAll(async () => {
  ;({ payload, close } = await createTestPayload())
  api = await startApiServer(payload)
  const a = (await createMission(payload, 'wv-a')).id
  const b = (await createMission(payload, 'wv-b')).id
  const c = (await createMission(payload, 'wv-c')).id
  for (const [name, fields] of [
    ['hq', { hqRole: 'hq-editor' }],
    ['hqAdmin', { hqRole: 'hq-admin' }],
    ['pressB', { memberships: [{ mission: b, role: 'press-officer' }] }],
    ['reviewerB', { memberships: [{ mission: b, role: 'reviewer' }] }],
    ['pressC', { memberships: [{ mission: c, role: 'press-officer' }] }],
  ] as const) {
    tokens.set(name, await createUserAndLogin(payload, api.url, `${name}@wv.example.org`, PASSWORD, fields as never))
  }
  // HQ writes an article for missions A and B, in Vietnamese and English, and publishes the Vietnamese.
  const created = await http('hq', 'POST', '/api/articles?locale=vi&draft=true', { title: 'Bài chung', section: 'news', missions: [a, b] })
  expect(created.status, created.text).toBe(201)
  shared = created.json.doc.id
  expect((await http('hq', 'PATCH', `/api/articles/${shared}?locale=en&draft=true`, { title: 'Shared article' })).status).toBe(200)
  expect((await act('hq', shared, { locale: 'vi', action: 'submit' })).status).toBe(200)
  expect((await act('hqAdmin', shared, { locale: 'vi', action: 'approve' })).status).toBe(200)
  const published = await act('hqAdmin', shared, { locale: 'vi', action: 'publish' })
  expect(published.status, published.text).toBe(200)
  // A later draft of the Vietnamese, so the latest revision and the live copy differ.
  expect((await http('hq', 'PATCH', `/api/articles/${shared}?locale=vi&draft=true`, { title: 'Bài chung, bản sửa' })).status).toBe(200)
})

afterAll(async () => {
  await api?.close()
  await close?.()
})

describe('GET /api/articles/:id/workflow', () => {
  it('answers the staff of every mission the article belongs to, as reading the article does', async () => {
    for (const user of ['pressB', 'reviewerB', 'hq']) {
      expect((await http(user, 'GET', `/api/articles/${shared}?locale=vi&draft=true`)).status, user).toBe(200)
      const view = await http(user, 'GET', `/api/articles/${shared}/workflow`)
      expect(view.status, `${user}: ${view.text}`).toBe(200)
      expect(view.json.id).toBe(shared)
    }
  })

  it('stays 404 for staff of other missions and for documents that do not exist', async () => {
    expect((await http('pressC', 'GET', `/api/articles/${shared}/workflow`)).status).toBe(404)
    expect((await http('hq', 'GET', `/api/articles/999999/workflow`)).status).toBe(404)
    expect((await http(null, 'GET', `/api/articles/${shared}/workflow`)).status).toBe(401)
  })

  it('shows each locale as reading that locale alone does: latest revision, state and live copy', async () => {
    const view = (await http('pressB', 'GET', `/api/articles/${shared}/workflow`)).json
    for (const locale of localeCodes) {
      const latest = (await http('hq', 'GET', `/api/articles/${shared}?locale=${locale}&fallback-locale=none&draft=true&depth=0`)).json
      const live = (await http('hq', 'GET', `/api/articles/${shared}?locale=${locale}&fallback-locale=none&depth=0`)).json
      const shown = view.locales[locale]
      expect(shown.exists, locale).toBe(Boolean(latest.title))
      expect(shown.state, locale).toBe(latest.workflow?.state ?? 'draft')
      expect(shown.revision, locale).toBe(latest.title ? revisionOf('articles', latest) : null)
      expect(shown.live, locale).toBe(live.title && isLiveState(live.workflow?.state) ? live.workflow.state : null)
    }
    expect(view.locales.vi).toMatchObject({ exists: true, state: 'draft', live: 'published' })
    // The Vietnamese changed after the English was written: the translation is outdated, with the diff.
    expect(view.locales.en).toMatchObject({ exists: true, state: 'draft', live: null, sourceLocale: 'vi', outdated: true })
    expect(view.locales.en.sourceDiff.length).toBeGreaterThan(0)
    expect(view.locales.ar).toMatchObject({ exists: false, live: null, allowedActions: [] })
    expect(view.history.map((e: { action: string }) => e.action)).toEqual(['edit', 'publish', 'approve', 'submit', 'edit', 'create'])
  })

  it('costs a handful of queries, whatever the number of locales (docs/operations.md, "Reads")', async () => {
    // Counted on the pg clients of this process, as the Reads table was measured.
    const query = pg.Client.prototype.query
    let count = 0
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      count++
      return (query as (...a: unknown[]) => unknown).apply(this, args)
    } as typeof query
    try {
      await http('hq', 'GET', `/api/articles/${shared}/workflow`) // warm
      count = 0
      expect((await http('hq', 'GET', `/api/articles/${shared}/workflow`)).status).toBe(200)
    } finally {
      pg.Client.prototype.query = query
    }
    console.log(`GET /api/articles/:id/workflow: ${count} queries`)
    expect(count).toBeGreaterThan(0)
    expect(count).toBeLessThanOrEqual(12)
  })
})
