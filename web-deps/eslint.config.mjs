// ESLint's configuration for the page's own modules (web/js): the recommended rules, plus the ones
// that catch what bit us before (unused values left after refactors, shadowed names, loose equality).
// Run by the Maven build (scripts/web-lint.sh) and by hand: web-deps/node_modules/.bin/eslint
// --config web-deps/eslint.config.mjs web/js
import js from '@eslint/js';
import globals from 'globals';

export default [
  js.configs.recommended,
  {
    files: ['web/js/**/*.js'],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      // Leaflet and its draw plugin are classic scripts that define window.L.
      globals: { ...globals.browser, L: 'readonly' },
    },
    rules: {
      'no-unused-vars': ['error', { args: 'after-used', argsIgnorePattern: '^_', caughtErrors: 'none' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-shadow': 'error',
      'prefer-const': 'error',
      'no-var': 'error',
      // A function longer than a screen is several jobs: split it (blank lines and comments free).
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // The /ogc HTML pages' small map: a classic script, not a module.
    files: ['web/js/pagemap.js'],
    languageOptions: { sourceType: 'script' },
  },
];
