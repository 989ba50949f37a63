import type { ExportedMission } from '#core/exportContract'
import { useTranslations } from '../i18n'
import { homePath } from '../routing/urls'

/**
 * The privacy notice and the accessibility statement every mission site publishes, in every
 * locale it publishes (many host countries require both of public-sector sites). Generated
 * from locales/*.json and the mission's contact details, so no mission can forget them.
 */
export const legalDocs = ['privacy', 'accessibility'] as const
export type LegalDoc = (typeof legalDocs)[number]

/** When the texts in locales/ were last reviewed (the accessibility statement shows it). */
export const LEGAL_REVIEWED = '2026-12-04'

export const legalPath = (m: ExportedMission, locale: string, doc: LegalDoc) => `${homePath(m, locale)}${useTranslations(locale)(`legal.${doc}.slug`)}/`
