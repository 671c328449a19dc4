// The lint config plus type-aware promise rules (slower: it builds the TypeScript program).
// Run: npx eslint -c eslint.config.strict.mjs <files>. To be merged into eslint.config.mjs once clean.
import tseslint from 'typescript-eslint';
import base from './eslint.config.mjs';

export default tseslint.config(...base, {
  files: ['**/*.ts'],
  languageOptions: {
    parserOptions: {
      projectService: true,
      tsconfigRootDir: import.meta.dirname,
    },
  },
  rules: {
    '@typescript-eslint/no-floating-promises': 'error',
    '@typescript-eslint/no-misused-promises': 'error',
  },
});
