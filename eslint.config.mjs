// ESLint for the whole repository: JavaScript and typescript-eslint's recommended rules, the React hooks rules in
// the renderer, nothing about layout (Prettier owns that: `npm run format`). Type-aware rules are left out so
// `npm run lint` stays fast on a small machine; `npm run typecheck` is the type checker.
import js from '@eslint/js'
import { defineConfig, globalIgnores } from 'eslint/config'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default defineConfig(
  globalIgnores(['out/', 'dist/', 'coverage/', 'test-results/', '**/node_modules/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Unused names are errors, except the ones that say they are unused on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true }
      ]
    }
  },
  {
    // electron-builder's configuration and hooks are CommonJS, as it loads them.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}', 'src/preload/browser.ts'],
    languageOptions: { globals: { ...globals.browser } }
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    // The two classic hooks rules. The plugin's React Compiler rules are left out: the app is not compiled by it.
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      // A missing dependency is a stale-value bug: an error, and a deliberate exception says why in a disable comment.
      'react-hooks/exhaustive-deps': 'error',
      // Leaving a feature or folder goes through the aliases (a relative path then says nothing of where it lands).
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(\\.\\./){2,}', message: 'Import through @renderer/… or @shared/….' }] }]
    }
  },
  {
    // Shared components, hooks and the WebRTC helpers serve every feature, so they never depend on one.
    files: ['src/renderer/src/{components,hooks,webrtc}/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(\\.\\./){2,}', message: 'Import through @renderer/… or @shared/….' },
            {
              regex: '^(@renderer/|(\\.\\./)+)features/',
              message: 'A shared component or hook must not import a feature: move what it needs out of the feature.'
            }
          ]
        }
      ]
    }
  },
  {
    // Playwright's page.evaluate bodies run in the page, and the benchmark's empty page is a page.
    files: ['tests/e2e/**/*.ts', 'bench/**/*.{ts,mjs,js}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } }
  },
  {
    // Stand-ins for Electron's and Vite's objects are duck-typed: `any` is the honest type there.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' }
  }
)
