import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { paragraphs } from '../../cms/seed/lexical'
import { workflowWorld } from '../helpers/workflowHttp'

/**
 * Anonymous readers get only live locales of live documents, and none of the workflow or
 * translation bookkeeping (issue 16): not with ?locale=all, not through GraphQL.
 */
let w: Awaited<ReturnType<typeof workflowWorld>>
let articleId: number
let pageId: number
const bookkeeping = ['submittedBy', 'submittedRevision', 'approvedBy', 'changedAt', 'scheduledAt', 'rejectionReason', 'forcePublished', 'forceReason']

beforeAll(async () => {
  w = await workflowWorld('ar-mission')
  // vi: submitted by the press officer, approved and published by a reviewer; en: written, then unpublished.
  const created = await w.http('press', 'POST', '/api/articles?locale=vi&draft=true', {
    title: 'Tin công khai',
    body: paragraphs(['Nội dung công khai.']),
    section: 'news',
    missions: [w.missionId],
  })
  articleId = created.json.doc.id
  await w.http('press', 'PATCH', `/api/articles/${articleId}?locale=en&draft=true`, {
    title: 'Withdrawn English text',
    body: paragraphs(['Unpublished English text.']),
  })
  for (const locale of ['vi', 'en']) {
    await w.act('press', 'articles', articleId, { locale, action: 'submit' })
    await w.act('reviewer', 'articles', articleId, { locale, action: 'approve' })
    expect((await w.act('reviewer', 'articles', articleId, { locale, action: 'publish' })).status).toBe(200)
  }
  expect((await w.act('reviewer', 'articles', articleId, { locale: 'en', action: 'unpublish' })).status).toBe(200)

  const page = await w.http('press', 'POST', '/api/pages?locale=vi', {
    title: 'Trang công khai',
    body: paragraphs(['Trang.']),
    mission: w.missionId,
    kind: 'about',
  })
  pageId = page.json.doc.id
  await w.http('press', 'PATCH', `/api/pages/${pageId}?locale=en`, { title: 'Draft English page' })
  await w.act('press', 'pages', pageId, { locale: 'vi', action: 'submit' })
  expect((await w.act('reviewer', 'pages', pageId, { locale: 'vi', action: 'publish' })).status).toBe(200)
})
afterAll(async () => w?.close())

const keysDeep = (value: unknown, out = new Set<string>()): Set<string> => {
  if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) (out.add(k), keysDeep(v, out))
  return out
}

describe('anonymous reads', () => {
  it('an article with locale=all carries only its live locale and no bookkeeping', async () => {
    const res = await w.http(null, 'GET', `/api/articles/${articleId}?locale=all&depth=0`)
    expect(res.status).toBe(200)
    expect(Object.keys(res.json.title)).toEqual(['vi'])
    expect(res.text).not.toContain('Unpublished English text')
    expect(res.text).not.toContain('Withdrawn English text')
    const keys = keysDeep(res.json)
    for (const field of [...bookkeeping, 'translation', 'sourceSnapshot', 'updateKind', 'changeNote']) expect(keys.has(field), field).toBe(false)
    expect(res.json.workflow.vi.state).toBe('published')
  })

  it('a single locale read has no bookkeeping either; staff still see it', async () => {
    const anonymous = await w.http(null, 'GET', `/api/articles/${articleId}?locale=vi&depth=0`)
    for (const field of bookkeeping) expect(field in anonymous.json.workflow, field).toBe(false)
    const staff = await w.http('reviewer', 'GET', `/api/articles/${articleId}?locale=vi&depth=0`)
    expect(typeof staff.json.workflow.submittedBy).toBe('number')
    expect(typeof staff.json.workflow.approvedBy).toBe('number')
  })

  it('lists and GraphQL give the same answer', async () => {
    const list = await w.http(null, 'GET', `/api/articles?locale=all&depth=0&where[id][equals]=${articleId}`)
    expect(Object.keys(list.json.docs[0].title)).toEqual(['vi'])
    expect(keysDeep(list.json).has('submittedBy')).toBe(false)
    const gql = await w.graphql(null, `{ Article(id: ${articleId}, locale: vi) { title workflow { state submittedBy { id } approvedBy { id } forceReason } } }`)
    expect(gql.json.data?.Article?.title).toBe('Tin công khai')
    expect(gql.json.data?.Article?.workflow?.submittedBy ?? null).toBeNull()
    expect(gql.json.data?.Article?.workflow?.approvedBy ?? null).toBeNull()
  })

  it('never gets a draft, not with draft=true', async () => {
    const edit = await w.http('press', 'PATCH', `/api/articles/${articleId}?locale=vi&draft=true`, { title: 'Bản nháp chưa duyệt' })
    expect(edit.status, edit.text).toBe(200)
    for (const query of ['locale=vi&draft=true', 'locale=all&draft=true']) {
      const res = await w.http(null, 'GET', `/api/articles/${articleId}?${query}&depth=0`)
      expect(res.status).toBe(200)
      expect(res.text).not.toContain('Bản nháp chưa duyệt')
    }
    const list = await w.http(null, 'GET', `/api/articles?locale=vi&draft=true&where[id][equals]=${articleId}`)
    expect(list.json.docs.map((d: { title: string }) => d.title)).toEqual(['Tin công khai'])
  })

  it('a page with locale=all carries only its live locale', async () => {
    const res = await w.http(null, 'GET', `/api/pages/${pageId}?locale=all&depth=0`)
    expect(res.status).toBe(200)
    expect(Object.keys(res.json.title)).toEqual(['vi'])
    expect(res.text).not.toContain('Draft English page')
    expect(keysDeep(res.json).has('submittedBy')).toBe(false)
    expect((await w.http(null, 'GET', `/api/pages/${pageId}?locale=en&fallback-locale=none`)).status).toBe(404)
  })
})
