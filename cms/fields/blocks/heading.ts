import type { Field } from 'payload'

export const heading: Field = { name: 'heading', type: 'text', label: { vi: 'Tiêu đề khối', en: 'Block heading' } }
