import { serverURL } from '#core/config'
import { sectionSlug, uiKey } from '#core/uiStrings'
import { escapeHtml } from '#core/escapeHtml'
import { dirOf, nameIn, type MissionView } from './missionView'
import { tr } from './strings'
import { signToken } from './tokens'

/** What Payload's sendEmail passes on to nodemailer. */
export type OutgoingMessage = { to: string; subject: string; text: string; html: string; headers?: Record<string, string>; messageId?: string }

const api = (path: string, token: string) => `${serverURL.replace(/\/+$/, '')}/api/subscriptions/${path}?t=${encodeURIComponent(token)}`
export const confirmUrl = (token: string) => api('confirm', token)
export const unsubscribeUrl = (subscriberId: number) => api('unsubscribe', signToken({ k: 'manage', id: subscriberId }))
export const preferencesUrl = (subscriberId: number) => api('preferences', signToken({ k: 'manage', id: subscriberId }))

/** Public URL of an article on a mission's site (the site's URL scheme, docs/site.md). */
export const articleUrl = (m: MissionView, a: { locale: string; section: string; slug: string }) =>
  `${m.siteUrl}${a.locale}/${sectionSlug(a.locale, a.section)}/${a.slug}/`

type Block = { heading?: string; text?: string; link?: { href: string; label: string }; note?: string }

/**
 * Multipart text + HTML from one list of blocks, in the reader's language and the mission's
 * colour. HTML mail gets inline styles only (mail clients drop <style> and external CSS).
 */
function render(m: MissionView, locale: string, subject: string, blocks: Block[], footer: { subscriberId: number } | null) {
  const mission = nameIn(m, locale)
  const accent = /^#[0-9a-f]{3,8}$/i.test(m.accent) ? m.accent : '#a4161a'
  const foot = footer
    ? {
        why: tr(locale, 'mail.footer.why', { mission }),
        unsubscribe: { href: unsubscribeUrl(footer.subscriberId), label: tr(locale, 'mail.footer.unsubscribe') },
        preferences: { href: preferencesUrl(footer.subscriberId), label: tr(locale, 'mail.footer.preferences') },
      }
    : null
  const text = [
    mission,
    '',
    ...blocks.flatMap((b) =>
      [b.note, b.heading, b.text, b.link && (b.link.label === b.link.href ? b.link.href : `${b.link.label}: ${b.link.href}`), ''].filter(
        (x): x is string => x !== undefined,
      ),
    ),
    ...(foot ? ['--', foot.why, `${foot.unsubscribe.label}: ${foot.unsubscribe.href}`, `${foot.preferences.label}: ${foot.preferences.href}`] : []),
  ].join('\n')
  const e = escapeHtml
  const html = `<!doctype html><html lang="${e(locale)}" dir="${dirOf(locale)}"><head><meta charset="utf-8"><title>${e(subject)}</title></head>
<body style="margin:0;background:#f4f4f4;font-family:system-ui,Arial,sans-serif;color:#1a1a1a">
<div style="max-width:600px;margin:0 auto;background:#fff">
<div style="border-bottom:4px solid ${accent};padding:16px 20px;font-weight:bold;font-size:18px">${e(mission)}</div>
<div style="padding:8px 20px 16px">${blocks
    .map(
      (b) =>
        (b.note ? `<p style="background:#f6f6f6;border-inline-start:4px solid ${accent};padding:8px 12px">${e(b.note)}</p>` : '') +
        (b.heading ? `<h2 style="font-size:20px;margin:16px 0 8px">${e(b.heading)}</h2>` : '') +
        (b.text ? `<p style="line-height:1.5">${e(b.text).replace(/\n/g, '<br>')}</p>` : '') +
        (b.link ? `<p><a href="${e(b.link.href)}" style="color:${accent}">${e(b.link.label)}</a></p>` : ''),
    )
    .join('')}</div>
${foot ? `<div style="padding:12px 20px;border-top:1px solid #ddd;font-size:13px;color:#555"><p>${e(foot.why)}</p><p><a href="${e(foot.unsubscribe.href)}" style="color:#555">${e(foot.unsubscribe.label)}</a> · <a href="${e(foot.preferences.href)}" style="color:#555">${e(foot.preferences.label)}</a></p></div>` : ''}
</div></body></html>`
  return { text, html }
}

/** RFC 8058 one-click unsubscribe: mail clients POST "List-Unsubscribe=One-Click" to the URL. */
function listHeaders(subscriberId: number): Record<string, string> {
  return { 'List-Unsubscribe': `<${unsubscribeUrl(subscriberId)}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
}

/** The double opt-in message: it names no subscription (none exists yet), so it has no unsubscribe link. */
export function confirmMessage(m: MissionView, locale: string, to: string, token: string): OutgoingMessage {
  const mission = nameIn(m, locale)
  const subject = tr(locale, 'mail.confirm.subject', { mission })
  const link = confirmUrl(token)
  const { text, html } = render(
    m,
    locale,
    subject,
    [{ text: tr(locale, 'mail.confirm.body', { mission }), link: { href: link, label: link } }, { text: tr(locale, 'mail.confirm.ignore') }],
    null,
  )
  return { to, subject, text, html }
}

export type Recipient = { id: number; email: string; locale: string }

export function articleMessage(
  m: MissionView,
  r: Recipient,
  a: { title: string; summary?: string | null; section: string; slug: string },
  messageId: string,
): OutgoingMessage {
  const mission = nameIn(m, r.locale)
  const section = tr(r.locale, uiKey('section', a.section, 'name'))
  const subject = a.title
  const { text, html } = render(
    m,
    r.locale,
    subject,
    [
      { text: tr(r.locale, 'mail.article.intro', { mission, section }) },
      {
        heading: a.title,
        text: a.summary ?? undefined,
        link: { href: articleUrl(m, { locale: r.locale, section: a.section, slug: a.slug }), label: tr(r.locale, 'mail.article.read') },
      },
    ],
    { subscriberId: r.id },
  )
  return { to: r.email, subject, text, html, headers: listHeaders(r.id), messageId }
}

export function alertMessage(
  m: MissionView,
  r: Recipient,
  alert: { text: string; textLocale: string; severity: string; expiresAt: string },
  messageId: string,
): OutgoingMessage {
  const mission = nameIn(m, r.locale)
  const subject = tr(r.locale, 'mail.alert.subject', { mission })
  const until = new Intl.DateTimeFormat(r.locale, { dateStyle: 'long', timeStyle: 'long', timeZone: m.timeZone }).format(new Date(alert.expiresAt))
  const fallback =
    alert.textLocale !== r.locale ? tr(r.locale, 'mail.alert.fallback', { language: tr(r.locale, uiKey('language.inline', alert.textLocale)) }) : undefined
  const { text, html } = render(
    m,
    r.locale,
    subject,
    [{ note: fallback, heading: tr(r.locale, uiKey('alert', alert.severity)), text: alert.text }, { text: tr(r.locale, 'mail.alert.until', { date: until }) }],
    { subscriberId: r.id },
  )
  return { to: r.email, subject, text, html, headers: { ...listHeaders(r.id), Importance: 'high', Priority: 'urgent' }, messageId }
}

export function digestMessage(
  m: MissionView,
  r: Recipient,
  articles: { title: string; summary?: string | null; section: string; slug: string }[],
  messageId: string,
): OutgoingMessage {
  const mission = nameIn(m, r.locale)
  const subject = tr(r.locale, 'mail.digest.subject', { mission })
  const blocks: Block[] = [{ text: tr(r.locale, 'mail.digest.intro', { mission }) }]
  for (const a of articles)
    blocks.push({
      heading: a.title,
      text: a.summary ?? undefined,
      link: { href: articleUrl(m, { locale: r.locale, section: a.section, slug: a.slug }), label: tr(r.locale, 'mail.article.read') },
    })
  const { text, html } = render(m, r.locale, subject, blocks, { subscriberId: r.id })
  return { to: r.email, subject, text, html, headers: listHeaders(r.id), messageId }
}
