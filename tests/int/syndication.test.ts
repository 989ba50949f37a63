import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Payload } from 'payload'
import { createTestPayload } from '../helpers/payload'
import { startApiServer } from '../helpers/apiServer'
import { createMission, createUserAndLogin } from '../helpers/fixtures'
import { buildSites } from '../../pipeline/buildSites'
import { paragraphs } from '../../cms/seed/lexical'
import { demoImage } from '../../media/seedImages'

/** HQ publishes one article to several missions; missions add local touches or decline it. */
let payload: Payload
let close: () => Promise<void>
let api: { url: string; close: () => Promise<void> }
const PASSWORD = 'correct-horse-battery-staple'
const tokens = new Map<string, string>()
const ids: Record<string, number> = {}
const sitesDir = mkdtempSync(path.join(os.tmpdir(), 'mp-synd-'))

async function http(user: string, method: string, url: string, body?: unknown) {
  const res = await fetch(`${api.url}${url}`, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: tokens.get(user)! },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  return { status: res.status, text, json: text ? JSON.parse(text) : {} }
}
const page = (mission: string) => path.join(sitesDir, mission, 'vi', 'thong-tin-doi-ngoai', 'thong-cao-cua-bo', 'index.html')

beforeAll(async () => {
  ;({ payload, close } = await createTestPayload())
  api = await startApiServer(payload)
  for (const code of ['s-a', 's-b', 's-c']) ids[code] = (await createMission(payload, code)).id
  const accounts: [string, Record<string, unknown>][] = [
    ['hq', { hqRole: 'hq-editor' }],
    ['hq2', { hqRole: 'hq-editor' }],
    ['reviewer-b', { memberships: [{ mission: ids['s-b'], role: 'reviewer' }] }],
    ['press-b', { memberships: [{ mission: ids['s-b'], role: 'press-officer' }] }],
    ['admin-c', { memberships: [{ mission: ids['s-c'], role: 'mission-admin' }] }],
  ]
  for (const [name, extra] of accounts) tokens.set(name, await createUserAndLogin(payload, api.url, `${name}@example.org`, PASSWORD, extra))
})

afterAll(async () => {
  await api?.close()
  await close?.()
})

describe('syndication', () => {
  it('HQ corrections reach every mission, local overrides survive them, and a declining mission drops the item', async () => {
    const created = await http('hq', 'POST', '/api/articles?locale=vi&draft=true', {
      title: 'Thông cáo của Bộ',
      body: paragraphs(['Nội dung thông cáo.']),
      section: 'external-information',
      missions: [ids['s-a'], ids['s-b'], ids['s-c']],
    })
    expect(created.status, created.text).toBe(201)
    const article = created.json.doc.id
    await http('hq', 'POST', `/api/articles/${article}/workflow`, { locale: 'vi', action: 'submit' })
    expect((await http('hq2', 'POST', `/api/articles/${article}/workflow`, { locale: 'vi', action: 'publish' })).status).toBe(200)

    // Mission B's press officer may not edit HQ's shared article; its reviewer adds a local intro.
    expect((await http('press-b', 'PATCH', `/api/articles/${article}?locale=vi&draft=true`, { title: 'Sửa riêng' })).status).toBe(403)
    const intro = await http('reviewer-b', 'POST', '/api/article-overrides?locale=vi', { article, mission: ids['s-b'], intro: 'Lời giới thiệu của cơ quan B.' })
    expect(intro.status, intro.text).toBe(201)
    expect((await http('reviewer-b', 'POST', '/api/article-overrides?locale=vi', { article, mission: ids['s-a'], intro: 'Không được phép' })).status).toBe(403)
    expect((await http('press-b', 'POST', '/api/article-overrides?locale=vi', { article, mission: ids['s-b'], declined: true })).status).toBe(403)
    expect((await http('reviewer-b', 'POST', '/api/article-overrides?locale=vi', { article, mission: ids['s-b'], intro: 'Lần hai' })).status).toBe(409)
    // Mission C declines it.
    expect((await http('admin-c', 'POST', '/api/article-overrides', { article, mission: ids['s-c'], declined: true })).status).toBe(201)

    // HQ corrects the text; the correction goes through review again and then reaches every mission.
    await http('hq', 'PATCH', `/api/articles/${article}?locale=vi&draft=true`, { body: paragraphs(['Nội dung thông cáo đã đính chính.']) })
    await http('hq', 'POST', `/api/articles/${article}/workflow`, { locale: 'vi', action: 'submit' })
    expect((await http('hq2', 'POST', `/api/articles/${article}/workflow`, { locale: 'vi', action: 'publish' })).status).toBe(200)

    await buildSites({ payload, sitesDir, log: () => {} })
    const a = readFileSync(page('s-a'), 'utf8')
    const b = readFileSync(page('s-b'), 'utf8')
    expect(a).toContain('Nội dung thông cáo đã đính chính.')
    expect(a).not.toContain('Lời giới thiệu của cơ quan B.')
    expect(b).toContain('Nội dung thông cáo đã đính chính.')
    expect(b).toContain('<p class="local-intro">Lời giới thiệu của cơ quan B.</p>')
    expect(existsSync(page('s-c'))).toBe(false)
    expect(existsSync(path.join(sitesDir, 's-c', 'vi', 'index.html'))).toBe(true)
  })

  it("a mission's replacement image keeps its alt text in each language of the page", async () => {
    const system = { overrideAccess: true, context: { skipRebuild: true } } as const
    const article = await payload.create({
      collection: 'articles',
      locale: 'vi',
      data: { title: 'Ảnh riêng', summary: 'Tóm tắt', section: 'news', missions: [ids['s-a']!], _status: 'published', workflow: { state: 'published' } },
      ...system,
    })
    await payload.update({
      collection: 'articles',
      id: article.id,
      locale: 'en',
      data: { title: 'Own image', summary: 'Summary', _status: 'published', workflow: { state: 'published' } },
      ...system,
    })
    const image = await payload.create({
      collection: 'media',
      locale: 'vi',
      data: { alt: 'Quang cảnh buổi lễ' },
      file: { data: await demoImage(7), mimetype: 'image/jpeg', name: 'own.jpg', size: 0 },
      ...system,
    })
    await payload.update({ collection: 'media', id: image.id, locale: 'en', data: { alt: 'The ceremony' }, ...system })
    await payload.create({ collection: 'article-overrides', data: { article: article.id, mission: ids['s-a']!, heroImage: image.id }, ...system })

    await buildSites({ payload, missions: ['s-a'], sitesDir, log: () => {} })
    const altOf = (file: string) => /<figure class="picture">[\s\S]*?<img [^>]*alt="([^"]*)"/.exec(readFileSync(path.join(sitesDir, 's-a', file), 'utf8'))?.[1]
    expect(altOf('vi/tin-tuc/anh-rieng/index.html')).toBe('Quang cảnh buổi lễ')
    expect(altOf('en/news/own-image/index.html')).toBe('The ceremony')
  })
})
