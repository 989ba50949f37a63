'use client'
import { useEffect, useId, useState } from 'react'
import { Button, useConfig, useDocumentInfo, useForm, useFormFields, useFormModified, useLocale, useTranslation } from '@payloadcms/ui'
import { callApi } from './adminApi'

type Source = { title?: string | null; summary?: string | null; body?: unknown }
type LexicalNode = { text?: string; type?: string; children?: LexicalNode[] }

/** Plain text of a Lexical body, one paragraph per block, for reading beside the translation. */
function paragraphs(body: unknown): string[] {
  const root = (body as { root?: LexicalNode } | null)?.root
  const text = (node: LexicalNode): string => (node.text ?? '') + (node.children ?? []).map(text).join('')
  return (root?.children ?? []).map(text).filter((p) => p.trim())
}

/**
 * Translation workspace: when the edited language is not the article's source language, the
 * source's title, summary and body are shown beside the form (above it on narrow screens), each
 * field with a "copy from the source" button, so a translator works from one screen.
 */
export function TranslationSource() {
  const { id, savedDocumentData } = useDocumentInfo()
  const { config } = useConfig()
  const { code: locale } = useLocale()
  const { t } = useTranslation<object, string>()
  const { dispatchFields } = useForm()
  const sourceLocale = (useFormFields(([fields]) => fields.sourceLocale?.value) as string | undefined) ?? 'vi'
  const [source, setSource] = useState<Source | null>(null)
  const [hasOwnText, setHasOwnText] = useState(true)
  const [startError, setStartError] = useState<string | null>(null)
  const [starting, setStarting] = useState(false)
  const [bodyNote, setBodyNote] = useState<string | null>(null)
  const modified = useFormModified()
  const headingId = useId()
  const savedAt = (savedDocumentData as { updatedAt?: string } | undefined)?.updatedAt

  useEffect(() => {
    if (!id || locale === sourceLocale) return setSource(null)
    void callApi<Source>(config, `/articles/${id}?locale=${sourceLocale}&fallback-locale=none&draft=true&depth=0`).then((r) => setSource(r.ok ? r.data : null))
    void callApi<Source>(config, `/articles/${id}?locale=${locale}&fallback-locale=none&draft=true&depth=0`).then((r) => setHasOwnText(!r.ok || !!r.data.title))
  }, [id, locale, sourceLocale, config, savedAt])

  if (!source || locale === sourceLocale) return null
  /** Saves part of the source as this language's draft and reloads the form with it; the refusal's message otherwise. */
  const saveFromSource = async (data: Source): Promise<string | null> => {
    const r = await callApi(config, `/articles/${id}?locale=${locale}&draft=true&depth=0`, { method: 'PATCH', body: JSON.stringify(data) })
    if (r.ok) window.location.reload()
    return r.ok ? null : r.message
  }
  // A new translation starts as a copy of the source, saved as this language's draft, then translated in place.
  const startFromSource = async () => {
    setStarting(true)
    const error = await saveFromSource({ title: source.title, summary: source.summary, body: source.body })
    setStarting(false)
    setStartError(error)
  }
  // The body is a rich-text editor that does not take a new value in place: the source's body is
  // saved as this language's draft and the form reloads, so other unsaved edits must be saved first.
  const copyBody = async () => {
    if (modified) return setBodyNote(t('workflow:copyBodySaveFirst'))
    setBodyNote(null)
    setBodyNote(await saveFromSource({ body: source.body }))
  }
  const sourceName = t(`workflow:lang_${sourceLocale}`)
  const copy = (path: 'title' | 'summary') => dispatchFields({ type: 'UPDATE', path, value: source[path] ?? '' })
  const row = (path: 'title' | 'summary') =>
    source[path] ? (
      <div>
        <dt style={{ fontWeight: 600 }}>{t(`workflow:field_${path}`)}</dt>
        <dd style={{ margin: 0, display: 'flex', gap: '.5rem', alignItems: 'baseline', flexWrap: 'wrap' }}>
          <span lang={sourceLocale} style={{ flex: '1 1 20rem' }}>
            {source[path]}
          </span>
          <Button
            buttonStyle="secondary"
            size="small"
            margin={false}
            onClick={() => copy(path)}
            aria-label={`${t('workflow:copyFromSource')}: ${t(`workflow:field_${path}`)}`}
          >
            {t('workflow:copyFromSource')}
          </Button>
        </dd>
      </div>
    ) : null
  return (
    <section
      aria-labelledby={headingId}
      className="translation-source"
      style={{ border: '1px solid var(--theme-elevation-150)', padding: '1rem', marginBlockEnd: '1.5rem' }}
    >
      <h3 id={headingId} style={{ marginBlockStart: 0 }}>
        {t('workflow:sourceText', { source: t(`workflow:lang_${sourceLocale}`) })}
      </h3>
      {!hasOwnText && (
        <div style={{ marginBlockEnd: '1rem' }}>
          <Button buttonStyle="primary" margin={false} disabled={starting} onClick={() => void startFromSource()} aria-describedby={`${headingId}-start`}>
            {t('workflow:translateFrom', { source: sourceName })}
          </Button>
          <p id={`${headingId}-start`} style={{ margin: '.25rem 0 0', fontSize: '.85em' }}>
            {t('workflow:translateFromHelp', { source: sourceName })}
          </p>
          {startError && (
            <p role="alert" style={{ color: 'var(--theme-error-500)' }}>
              {startError}
            </p>
          )}
        </div>
      )}
      <dl style={{ display: 'grid', gap: '.5rem', margin: 0 }}>
        {row('title')}
        {row('summary')}
        {paragraphs(source.body).length > 0 && (
          <div>
            <dt style={{ fontWeight: 600 }}>{t('workflow:field_body')}</dt>
            <dd style={{ margin: 0 }}>
              <div lang={sourceLocale} style={{ maxHeight: '16rem', overflowY: 'auto' }}>
                {paragraphs(source.body).map((p, i) => (
                  <p key={i}>{p}</p>
                ))}
              </div>
              {hasOwnText && (
                <Button
                  buttonStyle="secondary"
                  size="small"
                  margin={false}
                  onClick={() => void copyBody()}
                  aria-label={`${t('workflow:copyFromSource')}: ${t('workflow:field_body')}`}
                >
                  {t('workflow:copyFromSource')}
                </Button>
              )}
              {bodyNote && (
                <p role="alert" style={{ margin: '.25rem 0 0' }}>
                  {bodyNote}
                </p>
              )}
            </dd>
          </div>
        )}
      </dl>
    </section>
  )
}
