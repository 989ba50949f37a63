import { defineConfig } from 'astro/config'

/**
 * One build renders every mission: routes carry the mission code, and the pipeline
 * splits `outDir/<code>/` into `dist/sites/<code>/` afterwards (see pipeline/buildSites.ts).
 */
export default defineConfig({
  output: 'static',
  outDir: process.env.MP_ASTRO_OUT_DIR ?? './dist',
  cacheDir: process.env.MP_ASTRO_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always', concurrency: 8 },
  compressHTML: true,
  devToolbar: { enabled: false },
})
