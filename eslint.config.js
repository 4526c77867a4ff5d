// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/**
 * The layer directions of DESIGN.md, enforced: components -> hooks -> src, server -> src, and
 * mocks -> src. Each entry forbids the imports that would point the wrong way. Inside a layer,
 * code sits by feature (`jobs/`, `userStats/`, `sellerBoards/`, ...) with one `shared/` folder;
 * `sharedRules` below keeps `shared/` from depending on any feature.
 */
const react = { regex: '^(react|react-dom|@tanstack/react-query|zustand)(/.*)?$', message: 'This layer must not depend on React: keep it framework-agnostic.' };
const hooksLayer = { regex: '(^|/)hooks(/|$)', message: 'Only components (and stories, tests, examples) may import hooks/.' };
const componentsLayer = { regex: '(^|/)components(/|$)', message: 'Components sit on top: nothing below them may import components/.' };
const css = { regex: '\\.css$', message: 'Only components and the demo import CSS.' };
const nodeBuiltins = { regex: '^node:', message: 'The core runs in browsers and edge runtimes: no Node built-ins.' };
const server = { regex: '(^|/)server(/|$)', message: 'The client side never imports the server package.' };

/** @param {object[]} patterns */
const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export const layerRules = {
  'src/**': restrict([react, hooksLayer, componentsLayer, css, nodeBuiltins, server]),
  'hooks/**': restrict([componentsLayer, css, server]),
  'components/**': restrict([server]),
  'mocks/**': restrict([react, hooksLayer, componentsLayer, css, server]),
  'server/src/**': restrict([react, hooksLayer, componentsLayer, css]),
};

/**
 * `<layer>/shared/**` may not import a sibling feature folder (`../jobs/...`): what several features
 * use cannot depend on one of them. Type-only imports are allowed (the core's query-key factory
 * names each feature's params). A separate rule name from the layer rule, so both apply.
 */
const featureFromShared = {
  regex: '^\\.\\./(?!shared/)[^./][^/]*/',
  allowTypeImports: true,
  message: 'shared/ is used by several features: it must not import one of them (move the code to shared/ or pass it in).',
};
export const sharedRules = {
  '@typescript-eslint/no-restricted-imports': ['error', { patterns: [featureFromShared] }],
};
const sharedFolders = ['src/shared/**', 'hooks/shared/**', 'components/shared/**', 'mocks/shared/**', 'server/src/shared/**'];

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', 'storybook-static/**', '.podium-data/**', '**/.next/**', '**/*.d.ts', '.storybook/public/**', 'examples/*/public/**', 'coverage/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', fetch: 'readonly', Request: 'readonly' } },
  },
  ...Object.entries(layerRules).map(([glob, rules]) => ({ files: [glob], rules })),
  { files: sharedFolders, rules: sharedRules },
);
