import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { paragraphs } from '../../cms/seed/lexical'
import { workflowWorld } from '../helpers/workflowHttp'

/**
 * Second eyes bound to content (issue 16): what goes live is exactly the text a second person
 * reviewed. Each refusal also leaves the public API unchanged.
 */
let w: Awaited<ReturnType<typeof workflowWorld>>

beforeAll(async () => {
  w = await workflowWorld('se-mission')
})
afterAll(async () => w?.close())

async function submittedArticle(title: string) {
  const created = await w.http('press', 'POST', '/api/articles?locale=vi&draft=true', {
    title,
    summary: 'Tóm tắt',
    body: paragraphs(['Bản gốc.']),
    section: 'news',
    missions: [w.missionId],
  })
  expect(created.status, created.text).toBe(201)
  const id = created.json.doc.id as number
  expect((await w.act('press', 'articles', id, { locale: 'vi', action: 'submit' })).status).toBe(200)
  return id
}
const liveVi = (id: number) => w.payload.findByID({ collection: 'articles', id, locale: 'vi', fallbackLocale: false, overrideAccess: true })

describe('second eyes bind to the submitted text', () => {
  it('a reviewer who rewrites a submitted article cannot then approve and publish it alone', async () => {
    const id = await submittedArticle('Bài bị viết lại')
    const rewrite = await w.http('reviewer', 'PATCH', `/api/articles/${id}?locale=vi&draft=true`, { body: paragraphs(['Văn bản chưa ai duyệt.']) })
    expect(rewrite.status, rewrite.text).toBe(200)
    const approve = await w.act('reviewer', 'articles', id, { locale: 'vi', action: 'approve' })
    expect(approve.status).toBe(409)
    expect(approve.json.errors[0].message).toMatch(/submitted for review first/)
    const publish = await w.act('reviewer', 'articles', id, { locale: 'vi', action: 'publish' })
    expect(publish.status).toBe(409)
    // Submitting it makes the reviewer the submitter: second eyes then refuse them.
    expect((await w.act('reviewer', 'articles', id, { locale: 'vi', action: 'submit' })).status).toBe(200)
    expect((await w.act('reviewer', 'articles', id, { locale: 'vi', action: 'publish' })).status).toBe(403)
    expect(await w.publicRead('articles', id, 'vi')).toEqual({ status: 404, title: null })
    expect((await liveVi(id)).workflow?.state).not.toBe('published')
  })

  it('the submitter cannot slip text in during review: the edit sends the locale back to draft', async () => {
    const id = await submittedArticle('Bài đang duyệt')
    const slip = await w.http('press', 'PATCH', `/api/articles/${id}?locale=vi&draft=true`, { summary: 'Thêm một câu không ai duyệt' })
    expect(slip.status, slip.text).toBe(200)
    const view = (await w.http('reviewer', 'GET', `/api/articles/${id}/workflow`)).json
    expect(view.locales.vi).toMatchObject({ state: 'draft', submittedBy: null })
    const publish = await w.act('reviewer', 'articles', id, { locale: 'vi', action: 'publish' })
    expect(publish.status).toBe(409)
    expect(await w.publicRead('articles', id, 'vi')).toEqual({ status: 404, title: null })
  })

  it('refuses to approve or publish a revision other than the one the reviewer saw', async () => {
    const id = await submittedArticle('Bản đã xem')
    const seen = (await w.http('reviewer', 'GET', `/api/articles/${id}/workflow`)).json.locales.vi.revision as string
    expect(seen).toMatch(/^[0-9a-f]{16}$/)
    const stale = await w.act('reviewer', 'articles', id, { locale: 'vi', action: 'publish', revision: 'ffffffffffffffff' })
    expect(stale.status).toBe(409)
    expect(stale.json.errors[0].message).toMatch(/changed since you opened it/)
    expect(await w.publicRead('articles', id, 'vi')).toEqual({ status: 404, title: null })
    const ok = await w.act('reviewer', 'articles', id, { locale: 'vi', action: 'publish', revision: seen })
    expect(ok.status, ok.text).toBe(200)
    expect(await w.publicRead('articles', id, 'vi')).toEqual({ status: 200, title: 'Bản đã xem' })
  })

  it('a shared field changed from another language after submission is not publishable without a new review', async () => {
    const id = await submittedArticle('Chuyên mục đổi')
    const other = await w.http('hq', 'PATCH', `/api/articles/${id}?locale=en&draft=true`, { title: 'Changed section', section: 'cultural-diplomacy' })
    expect(other.status, other.text).toBe(200)
    const publish = await w.act('reviewer', 'articles', id, { locale: 'vi', action: 'publish' })
    expect(publish.status).toBe(409)
    expect(publish.json.errors[0].message).toMatch(/changed after it was submitted, so nobody else has reviewed this text/)
    expect(await w.publicRead('articles', id, 'vi')).toEqual({ status: 404, title: null })
  })

  it('HQ can still force-publish with a reason', async () => {
    const id = await submittedArticle('Đăng khẩn cấp')
    await w.http('hq', 'PATCH', `/api/articles/${id}?locale=vi&draft=true`, { summary: 'Sửa gấp' })
    const forced = await w.act('hq', 'articles', id, { locale: 'vi', action: 'force_publish', note: 'Consular emergency' })
    expect(forced.status, forced.text).toBe(200)
    expect(forced.json.locales.vi).toMatchObject({ live: 'published', forcePublished: true })
    expect(await w.publicRead('articles', id, 'vi')).toEqual({ status: 200, title: 'Đăng khẩn cấp' })
  })
})

describe('every write outside the publish verbs is a draft', () => {
  it('a PATCH without draft=true on a live article changes neither its live text nor its visibility', async () => {
    const id = await submittedArticle('Bài đang trên trang')
    expect((await w.act('reviewer', 'articles', id, { locale: 'vi', action: 'publish' })).status).toBe(200)
    const patch = await w.http('press', 'PATCH', `/api/articles/${id}?locale=vi`, { title: 'Tiêu đề bị sửa thẳng' })
    expect(patch.status, patch.text).toBe(200)
    expect(await w.publicRead('articles', id, 'vi')).toEqual({ status: 200, title: 'Bài đang trên trang' })
  })

  it('a GraphQL mutation cannot publish an article', async () => {
    const id = await submittedArticle('Bài qua GraphQL')
    const res = await w.graphql('reviewer', `mutation { updateArticle(id: ${id}, locale: vi, data: { title: "GraphQL", _status: published }) { id } }`)
    expect(res.json.errors?.[0]?.message).toMatch(/Publish through the workflow/)
    expect(await w.publicRead('articles', id, 'vi')).toEqual({ status: 404, title: null })
  })
})
