import { loadDoc, writeDoc, type VerbContext, type Verb } from '../verb'

/** Takes the live copy down (or marks it withdrawn) without pushing an unreviewed revision live. */
export async function changeLiveState(ctx: VerbContext) {
  const live = await loadDoc(ctx.req, ctx.collection, ctx.id, ctx.locale, false)
  const { doc } = ctx
  await writeDoc(ctx, false, {
    title: live?.title ?? doc.title,
    summary: live?.summary ?? doc.summary,
    body: live?.body ?? doc.body,
    slug: live?.slug ?? doc.slug,
    workflow: ctx.workflow,
    _status: 'published',
  })
}

export const unpublish: Verb = { apply: changeLiveState }
