import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Payload } from 'payload'
import { createTestPayload } from '../helpers/payload'
import { startApiServer } from '../helpers/apiServer'
import { createMission, createUserAndLogin } from '../helpers/fixtures'
import { paragraphs } from '../../cms/seed/lexical'
import { sitesDir } from '#core/paths'

/** Previewing a draft from the admin: the mission's templates, the draft's text, nothing published. */
let payload: Payload
let close: () => Promise<void>
let api: { url: string; close: () => Promise<void> }
const tokens: Record<string, string> = {}
let draftId = 0

beforeAll(async () => {
  ;({ payload, close } = await createTestPayload())
  api = await startApiServer(payload)
  const own = await createMission(payload, 'pv-own')
  const other = await createMission(payload, 'pv-other')
  tokens.press = await createUserAndLogin(payload, api.url, 'press@example.org', 'correct-horse-battery-staple', {
    memberships: [{ mission: own.id, role: 'press-officer' }],
  })
  tokens.stranger = await createUserAndLogin(payload, api.url, 'stranger@example.org', 'correct-horse-battery-staple', {
    memberships: [{ mission: other.id, role: 'press-officer' }],
  })
  const res = await fetch(`${api.url}/api/articles?locale=vi&draft=true`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: tokens.press },
    body: JSON.stringify({
      title: 'Bản nháp để xem trước',
      summary: 'Chưa đăng',
      body: paragraphs(['Nội dung chưa duyệt.']),
      section: 'news',
      missions: [own.id],
    }),
  })
  draftId = ((await res.json()) as { doc: { id: number } }).doc.id
})

afterAll(async () => {
  await api?.close()
  await close?.()
})

const preview = (who: string | null, query = 'locale=vi') =>
  fetch(`${api.url}/api/articles/${draftId}/preview?${query}`, { headers: who ? { Authorization: tokens[who]! } : {} })

describe('draft preview', () => {
  it('renders the draft with the mission site’s templates, marked as a preview and noindex', async () => {
    const res = await preview('press')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/text\/html/)
    const html = await res.text()
    expect(html).toMatch(/<html lang="vi"/)
    expect(html).toContain('<h1>Bản nháp để xem trước</h1>')
    expect(html).toContain('Nội dung chưa duyệt.')
    expect(html).toContain('Bản xem trước của bản nháp chưa đăng')
    expect(html).toContain('<meta name="robots" content="noindex">')
  })

  it('publishes nothing: the live site has no page for the draft', () => {
    const live = path.join(sitesDir, 'pv-own')
    const pages = existsSync(live) ? readdirSync(live, { recursive: true }).map(String) : []
    expect(pages.filter((p) => p.includes('ban-nhap-de-xem-truoc'))).toEqual([])
  })

  it('is refused to anonymous readers and to staff of other missions, and for a missing language', async () => {
    expect((await preview(null)).status).toBe(401)
    expect((await preview('stranger')).status).toBe(404)
    expect((await preview('press', 'locale=en')).status).toBe(409)
  })
})
