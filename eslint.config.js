// ESLint: TypeScript-aware checks plus the structural rules the tree relies on
// (no import cycles, no climbing into another top-level folder's internals by accident).
import tseslint from 'typescript-eslint'
import importX from 'eslint-plugin-import-x'

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      '.data/**',
      'cms/.next/**',
      'site/.astro/**',
      'core/payload-types.ts',
      'cms/app/(payload)/admin/importMap.js',
      'cms/migrations/**',
      'bench/results/**',
      'coverage/**',
    ],
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parser: tseslint.parser, parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
    plugins: { '@typescript-eslint': tseslint.plugin, 'import-x': importX },
    settings: { 'import-x/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs'] } }, 'import-x/extensions': ['.ts', '.tsx', '.js'] },
    rules: {
      // A cycle between modules makes load order matter and hides which layer owns a concept.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      'no-debugger': 'error',
      'no-dupe-keys': 'error',
      'no-unreachable': 'error',
      eqeqeq: ['error', 'smart'],
    },
  },
)
