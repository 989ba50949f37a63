import { defineConfig } from 'astro/config'
import { siteBuild } from '#core/config'

/**
 * One build renders every mission: routes carry the mission code, and the pipeline
 * splits `outDir/<code>/` into `dist/sites/<code>/` afterwards (see pipeline/buildSites.ts).
 */
export default defineConfig({
  output: 'static',
  outDir: siteBuild.outDir() ?? './dist',
  cacheDir: siteBuild.cacheDir() ?? './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always', concurrency: 8 },
  compressHTML: true,
  devToolbar: { enabled: false },
})
