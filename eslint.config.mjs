// Lint rules for the whole project: type-aware, with the rules the house style asks for.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.vscode-test/**', 'test-artifacts/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      eqeqeq: ['error', 'always'],
      curly: ['error', 'all'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Each custom message is a namespace holding its method and type, shared by client and server (as vscode-eslint does).
    files: ['server/src/protocol.ts'],
    rules: { '@typescript-eslint/no-namespace': 'off' },
  },
  {
    // The language service stays portable: no Node built-ins below the node-specific entry points.
    files: ['server/src/parse/**', 'server/src/model/**', 'server/src/engine/**', 'server/src/sync/**', 'server/src/languageService.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['fs', 'path', 'os', 'child_process', 'node:*', 'vscode-languageserver/node'] }],
    },
  },
  {
    // Features take the narrow context of engine/context.ts, never the facade that drives them, and never another feature.
    files: ['server/src/features/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['fs', 'path', 'os', 'child_process', 'node:*', 'vscode-languageserver/node', '**/languageService', './*'] }],
    },
  },
  {
    // The engine lies below the features: it never imports one, nor the facade.
    files: ['server/src/engine/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['fs', 'path', 'os', 'child_process', 'node:*', 'vscode-languageserver/node', '**/languageService', '**/features/*'] }],
    },
  },
);
