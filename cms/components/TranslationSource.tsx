'use client'
import { useEffect, useId, useState } from 'react'
import { Button, useConfig, useDocumentInfo, useForm, useFormFields, useLocale, useTranslation } from '@payloadcms/ui'
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
 * source's title, summary and body are shown above the form, each short field with a
 * "copy from the source" button, so a translator works from one screen.
 */
export function TranslationSource() {
  const { id, savedDocumentData } = useDocumentInfo()
  const { config } = useConfig()
  const { code: locale } = useLocale()
  const { t } = useTranslation<object, string>()
  const { dispatchFields } = useForm()
  const sourceLocale = (useFormFields(([fields]) => fields.sourceLocale?.value) as string | undefined) ?? 'vi'
  const [source, setSource] = useState<Source | null>(null)
  const headingId = useId()
  const savedAt = (savedDocumentData as { updatedAt?: string } | undefined)?.updatedAt

  useEffect(() => {
    if (!id || locale === sourceLocale) return setSource(null)
    void callApi<Source>(config, `/articles/${id}?locale=${sourceLocale}&fallback-locale=none&draft=true&depth=0`).then((r) => setSource(r.ok ? r.data : null))
  }, [id, locale, sourceLocale, config, savedAt])

  if (!source || locale === sourceLocale) return null
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
      <dl style={{ display: 'grid', gap: '.5rem', margin: 0 }}>
        {row('title')}
        {row('summary')}
        {paragraphs(source.body).length > 0 && (
          <div>
            <dt style={{ fontWeight: 600 }}>{t('workflow:field_body')}</dt>
            <dd lang={sourceLocale} style={{ margin: 0, maxHeight: '16rem', overflowY: 'auto' }}>
              {paragraphs(source.body).map((p, i) => (
                <p key={i}>{p}</p>
              ))}
            </dd>
          </div>
        )}
      </dl>
    </section>
  )
}
