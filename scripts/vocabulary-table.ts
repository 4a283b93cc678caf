// Prints the README's tables of finding codes and action reasons from the
// vocabulary in code: `npx tsx scripts/vocabulary-table.ts`.
import { renderVocabularyTables } from '../test/support/vocabulary-doc.js';

process.stdout.write(renderVocabularyTables());
