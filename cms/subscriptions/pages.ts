import { escapeHtml } from '#core/escapeHtml'
import { dirOf, nameIn, type MissionView } from './missionView'
import type { UiKey } from '#core/uiStrings'
import { tr } from './strings'

/** One field of a reader form (hidden inputs, checkboxes, radios and selects are all we need). */
export type FormField =
  | { kind: 'hidden'; name: string; value: string }
  | { kind: 'checkbox'; name: string; value: string; label: string; checked: boolean }
  | { kind: 'radio'; name: string; value: string; label: string; checked: boolean }
  | { kind: 'select'; name: string; label: string; options: { value: string; label: string; selected: boolean }[] }

export type ReaderPage = {
  locale: string
  mission: MissionView | null
  titleKey: UiKey
  bodyKey?: UiKey
  vars?: Record<string, string>
  /** A POST form on this page (confirm, unsubscribe, preferences): the token rides in a hidden field. */
  form?: { action: string; fields: FormField[]; buttonKey: UiKey }
  notice?: string
}

function field(f: FormField): string {
  const n = escapeHtml(f.name)
  if (f.kind === 'hidden') return `<input type="hidden" name="${n}" value="${escapeHtml(f.value)}">`
  if (f.kind === 'select')
    return `<p><label>${escapeHtml(f.label)} <select name="${n}">${f.options.map((o) => `<option value="${escapeHtml(o.value)}"${o.selected ? ' selected' : ''}>${escapeHtml(o.label)}</option>`).join('')}</select></label></p>`
  return `<p><label><input type="${f.kind}" name="${n}" value="${escapeHtml(f.value)}"${f.checked ? ' checked' : ''}> ${escapeHtml(f.label)}</label></p>`
}

/**
 * The pages the CMS shows readers (after the site's subscribe form, confirm, unsubscribe,
 * preferences): in the reader's language, in the mission's colour, with a way back to its site.
 * No script, no external resource; every form posts back to the CMS itself.
 */
export function readerPageHtml(p: ReaderPage): string {
  const l = p.locale
  const vars = { ...(p.vars ?? {}), mission: p.mission ? nameIn(p.mission, l) : '' }
  const title = tr(l, p.titleKey, vars)
  const accent = p.mission?.accent && /^#[0-9a-f]{3,8}$/i.test(p.mission.accent) ? p.mission.accent : '#a4161a'
  const back = p.mission ? `<p><a href="${escapeHtml(`${p.mission.siteUrl}${l}/`)}">${escapeHtml(tr(l, 'subscription.backToSite', vars))}</a></p>` : ''
  const form = p.form
    ? `<form method="post" action="${escapeHtml(p.form.action)}">${p.form.fields.map(field).join('')}<p><button type="submit">${escapeHtml(tr(l, p.form.buttonKey, vars))}</button></p></form>`
    : ''
  return `<!doctype html>
<html lang="${escapeHtml(l)}" dir="${dirOf(l)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title>
<style>body{font:1.0625rem/1.5 system-ui,sans-serif;margin:0;color:#1a1a1a;background:#fff}header{border-block-end:4px solid ${accent};padding:1rem}main{max-width:40rem;margin:0 auto;padding:1rem}a{color:${accent}}button{font:inherit;background:${accent};color:#fff;border:0;padding:.6rem 1.2rem;border-radius:4px;cursor:pointer}.notice{border-inline-start:4px solid ${accent};background:#f6f6f6;padding:.5rem 1rem}@media (prefers-color-scheme:dark){body{background:#121212;color:#eee}a{color:#9cc3ff}.notice{background:#222}}</style>
</head>
<body><header><strong>${escapeHtml(vars.mission)}</strong></header>
<main><h1>${escapeHtml(title)}</h1>${p.notice ? `<p class="notice" role="status">${escapeHtml(p.notice)}</p>` : ''}${p.bodyKey ? `<p>${escapeHtml(tr(l, p.bodyKey, vars))}</p>` : ''}${form}${back}</main>
</body></html>`
}

/** A reader page as a response: never cached, never framed, never indexed. */
export function readerPageResponse(p: ReaderPage, status = 200): Response {
  return new Response(readerPageHtml(p), {
    status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Robots-Tag': 'noindex',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
      'Referrer-Policy': 'no-referrer',
    },
  })
}
