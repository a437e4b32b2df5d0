// The module boundaries of docs/decisions/0020, checked by src/server/boundaries.test.ts: no import
// cycles, and no module reading another module's tables (a foreign key in schema.ts may reference them).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'A cycle means neither side can be read, tested or changed alone.',
      from: { path: '^src/' },
      // Type-only imports count too: they tie the files' meanings together all the same.
      to: { circular: true },
    },
    {
      name: 'no-foreign-tables',
      severity: 'error',
      comment: "A module uses another through its exported functions, never its tables (schema.ts).",
      from: { path: '(^|/)modules/([^/]+)/', pathNot: ['/schema\\.ts$', '\\.test\\.ts$', 'test-factories\\.ts$', 'fixture\\.ts$'] },
      to: { path: '(^|/)modules/[^/]+/schema\\.ts$', pathNot: 'modules/$2/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['node_modules', '^dist'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
