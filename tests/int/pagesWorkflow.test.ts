import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { paragraphs } from '../../cms/seed/lexical'
import { workflowWorld } from '../helpers/workflowHttp'

/**
 * Pages follow the articles' workflow (issue 16): nothing a person writes to a page is public
 * until a second person publishes that locale; restoring a version never publishes; deleting
 * keeps the workflow history.
 */
let w: Awaited<ReturnType<typeof workflowWorld>>
const system = { overrideAccess: true, context: { skipRebuild: true } } as const

beforeAll(async () => {
  w = await workflowWorld('pw-mission')
})
afterAll(async () => w?.close())

/** A page published in vi and en by a trusted script (as the demo seed does). */
async function livePage(title: string) {
  const page = await w.payload.create({
    collection: 'pages',
    locale: 'vi',
    data: { title, body: paragraphs(['Nội dung.']), mission: w.missionId, kind: 'about', _status: 'published' },
    ...system,
  })
  await w.payload.update({
    collection: 'pages',
    id: page.id,
    locale: 'en',
    data: { title: `${title} (EN)`, body: paragraphs(['Content.']), _status: 'published' },
    ...system,
  })
  return page.id
}

describe('pages go live only through the workflow', () => {
  it('a press officer cannot publish a new English title with one PATCH', async () => {
    const id = await livePage('Giới thiệu')
    const deface = await w.http('press', 'PATCH', `/api/pages/${id}?locale=en`, { title: 'Defaced', _status: 'published' })
    expect(deface.status).toBe(403)
    expect(deface.json.errors[0].message).toMatch(/needs the publish right/)
    expect(await w.publicRead('pages', id, 'en')).toEqual({ status: 200, title: 'Giới thiệu (EN)' })
    // Nor a reviewer, nor a plain save: without draft=true it is saved as a draft all the same.
    expect((await w.http('reviewer', 'PATCH', `/api/pages/${id}?locale=en`, { title: 'Defaced', _status: 'published' })).status).toBe(403)
    expect((await w.http('press', 'PATCH', `/api/pages/${id}?locale=en`, { title: 'Defaced' })).status).toBe(200)
    expect(await w.publicRead('pages', id, 'en')).toEqual({ status: 200, title: 'Giới thiệu (EN)' })
  })

  it('a GraphQL mutation cannot publish a page either', async () => {
    const id = await livePage('Lãnh sự')
    const res = await w.graphql('press', `mutation { updatePage(id: ${id}, locale: en, data: { title: "Defaced", _status: published }) { id title } }`)
    expect(res.json.errors?.[0]?.message).toMatch(/publish right/)
    expect(await w.publicRead('pages', id, 'en')).toEqual({ status: 200, title: 'Lãnh sự (EN)' })
  })

  it('submit → the submitter may not publish → a reviewer publishes that locale only', async () => {
    const created = await w.http('press', 'POST', '/api/pages?locale=en', {
      title: 'Visa',
      body: paragraphs(['Visa rules.']),
      mission: w.missionId,
      kind: 'visa',
    })
    expect(created.status, created.text).toBe(201)
    const id = created.json.doc.id as number
    expect(await w.publicRead('pages', id, 'en')).toEqual({ status: 404, title: null })
    expect((await w.act('press', 'pages', id, { locale: 'en', action: 'submit' })).status).toBe(200)
    expect((await w.act('press', 'pages', id, { locale: 'en', action: 'publish' })).status).toBe(403)
    const published = await w.act('reviewer', 'pages', id, { locale: 'en', action: 'publish' })
    expect(published.status, published.text).toBe(200)
    expect(published.json.locales.en).toMatchObject({ state: 'published', live: 'published' })
    expect(published.json.locales.en.allowedActions).toEqual(['unpublish'])
    expect(await w.publicRead('pages', id, 'en')).toEqual({ status: 200, title: 'Visa' })
    expect(published.json.history.map((h: { action: string }) => h.action)).toEqual(['publish', 'submit', 'create'])
    // Pages have no public withdrawal notice: withdraw is not one of their verbs.
    expect((await w.act('reviewer', 'pages', id, { locale: 'en', action: 'withdraw', note: 'x' })).status).toBe(400)
  })
})

async function versionBefore(collection: 'pages' | 'articles', id: number, before: Date) {
  const versions = await w.payload.findVersions({
    collection,
    where: { and: [{ parent: { equals: id } }, { createdAt: { less_than: before.toISOString() } }] },
    sort: '-createdAt',
    limit: 1,
    overrideAccess: true,
  })
  return versions.docs[0]!.id
}

describe('restoring a version never publishes', () => {
  it('restoring a page version from before a reviewer unpublished English does not bring English back', async () => {
    const id = await livePage('Đại sứ')
    await new Promise((r) => setTimeout(r, 20))
    const cut = new Date()
    expect((await w.act('reviewer', 'pages', id, { locale: 'en', action: 'unpublish' })).status).toBe(200)
    expect(await w.publicRead('pages', id, 'en')).toEqual({ status: 404, title: null })
    const version = await versionBefore('pages', id, cut)

    const restore = await w.http('reviewer', 'POST', `/api/pages/versions/${version}`)
    expect(restore.status).toBe(409)
    expect(restore.json.errors[0].message).toMatch(/restore it as a draft/)
    expect(await w.publicRead('pages', id, 'en')).toEqual({ status: 404, title: null })

    const asDraft = await w.http('reviewer', 'POST', `/api/pages/versions/${version}?draft=true`)
    expect(asDraft.status, asDraft.text).toBe(200)
    expect(await w.publicRead('pages', id, 'en')).toEqual({ status: 404, title: null })
    expect(await w.publicRead('pages', id, 'vi')).toEqual({ status: 200, title: 'Đại sứ' })
    const view = (await w.http('reviewer', 'GET', `/api/pages/${id}/workflow`)).json
    expect(view.locales.en).toMatchObject({ state: 'unpublished', live: null })
  })

  it('the same holds for an article version', async () => {
    const created = await w.http('press', 'POST', '/api/articles?locale=vi&draft=true', {
      title: 'Bài khôi phục',
      body: paragraphs(['Gốc.']),
      section: 'news',
      missions: [w.missionId],
    })
    const id = created.json.doc.id as number
    await w.http('press', 'PATCH', `/api/articles/${id}?locale=en&draft=true`, { title: 'Restored article', body: paragraphs(['Original.']) })
    for (const locale of ['vi', 'en']) {
      await w.act('press', 'articles', id, { locale, action: 'submit' })
      expect((await w.act('reviewer', 'articles', id, { locale, action: 'publish' })).status).toBe(200)
    }
    await new Promise((r) => setTimeout(r, 20))
    const cut = new Date()
    expect((await w.act('reviewer', 'articles', id, { locale: 'en', action: 'unpublish' })).status).toBe(200)
    const version = await versionBefore('articles', id, cut)
    expect((await w.http('reviewer', 'POST', `/api/articles/versions/${version}`)).status).toBe(409)
    expect((await w.http('reviewer', 'POST', `/api/articles/versions/${version}?draft=true`)).status).toBe(200)
    expect(await w.publicRead('articles', id, 'en')).toEqual({ status: 404, title: null })
    const view = await w.http('reviewer', 'GET', `/api/articles/${id}/workflow`)
    expect(view.json.locales?.en, view.text).toMatchObject({ state: 'unpublished', live: null })
  })
})

describe('deleting a document with a workflow history', () => {
  it('keeps the history with the deleted article’s id and title instead of failing', async () => {
    const created = await w.http('press', 'POST', '/api/articles?locale=vi&draft=true', { title: 'Bài sẽ xoá', section: 'news', missions: [w.missionId] })
    const id = created.json.doc.id as number
    await w.act('press', 'articles', id, { locale: 'vi', action: 'submit' })
    const del = await w.http('hqAdmin', 'DELETE', `/api/articles/${id}`)
    expect(del.status, del.text).toBe(200)
    expect((await w.http(null, 'GET', `/api/articles/${id}`)).status).toBe(404)
    const events = await w.payload.find({ collection: 'workflow-events', where: { documentId: { equals: id } }, sort: 'createdAt', overrideAccess: true })
    expect(events.docs.map((e) => e.action)).toEqual(['create', 'submit', 'delete'])
    expect(events.docs.every((e) => e.documentTitle === 'Bài sẽ xoá' && e.documentCollection === 'articles')).toBe(true)
    // Readable by staff, not editable.
    const list = await w.http('reviewer', 'GET', `/api/workflow-events?where[documentId][equals]=${id}`)
    expect(list.json.totalDocs).toBe(3)
    expect((await w.http('hqAdmin', 'PATCH', `/api/workflow-events/${events.docs[0]!.id}`, { note: 'rewritten' })).status).toBe(403)
  })

  it('does the same for a page', async () => {
    const created = await w.http('press', 'POST', '/api/pages?locale=vi', { title: 'Trang sẽ xoá', mission: w.missionId, kind: 'other' })
    const id = created.json.doc.id as number
    await w.act('press', 'pages', id, { locale: 'vi', action: 'submit' })
    const del = await w.http('hqAdmin', 'DELETE', `/api/pages/${id}`)
    expect(del.status, del.text).toBe(200)
    const events = await w.payload.find({
      collection: 'workflow-events',
      where: { and: [{ documentId: { equals: id } }, { documentCollection: { equals: 'pages' } }] },
      sort: 'createdAt',
      overrideAccess: true,
    })
    expect(events.docs.map((e) => [e.action, e.documentTitle])).toEqual([
      ['create', 'Trang sẽ xoá'],
      ['submit', 'Trang sẽ xoá'],
      ['delete', 'Trang sẽ xoá'],
    ])
  })
})
