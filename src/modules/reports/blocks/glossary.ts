// The glossary block (seed 000, 3 Definisjoner og begreper): the cooperation's terms as a two-column table.
import { z } from '@hono/zod-openapi';
import { listGlossary } from '../glossary.service.js';
import { registerReportBlock } from './registry.js';

export function registerGlossaryReportBlock() {
  registerReportBlock({
    type: 'reports.glossary', module: 'reports',
    label: { nb: 'Definisjoner og begreper', en: 'Glossary' },
    description: 'Samarbeidets ordliste, alfabetisk.',
    params: z.object({}),
    load: async (ctx) => {
      const { terms } = await listGlossary(ctx.db, { cooperationId: ctx.cooperationId });
      return {
        title: 'Definisjoner og begreper', asOf: ctx.asOf,
        tables: [{
          caption: 'Definisjoner og begreper', unit: null,
          columns: [{ label: 'Begrep', align: 'left' }, { label: 'Forklaring', align: 'left' }],
          rows: terms.map((t) => ({ cells: [t.term, t.definition] })),
        }],
        charts: [], notes: [], source: 'live',
      };
    },
  });
}
