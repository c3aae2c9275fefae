// mermaid-import-check runs mermaid 12.3.0's own journey parser in headless
// Chromium over diagram texts and prints, as JSON on stdout, exactly what its
// database holds for each one: the raw strings (entity markers and <br> not
// decoded), the scores as JavaScript writes them, and the actors. The Go side
// (mermaid_import_test.go) checks that package mermaidin reads every text the
// same way.
//
// Usage: node mermaid-import-check.mjs MANIFEST.json
// MANIFEST: {"diagrams": [{"name": "...", "text": "journey\n..."}]}
// Output:   {"results": [{name, error, type, title, accTitle, accDescr,
//            sections, tasks: [{section, task, score, people}]}], "pageErrors": [...]}
import { createRequire } from 'node:module';
import { blockNetwork, launch, readManifest } from './lib.mjs';

const require = createRequire(import.meta.url);
const MERMAID = require.resolve('mermaid/dist/mermaid.min.js');

const manifest = readManifest();
const browser = await launch();
const out = { results: [], requests: [], pageErrors: [] };
try {
  const page = await browser.context.newPage();
  out.requests = await blockNetwork(page);
  page.on('pageerror', (e) => out.pageErrors.push(String(e)));
  await page.setContent('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>mermaid import check</title></head><body></body></html>');
  await page.addScriptTag({ path: MERMAID });
  await page.evaluate(() => window.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' }));
  // In batches, so one page.evaluate does not carry the whole corpus.
  const size = 200;
  for (let i = 0; i < manifest.diagrams.length; i += size) {
    const batch = manifest.diagrams.slice(i, i + size);
    out.results.push(...(await page.evaluate(checkAll, batch)));
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(out));

// checkAll runs inside the page.
async function checkAll(diagrams) {
  const results = [];
  for (const { name, text } of diagrams) {
    const res = { name, error: '', type: '' };
    try {
      window.mermaid.mermaidAPI.reset();
      const diagram = await window.mermaid.mermaidAPI.getDiagramFromText(text);
      res.type = diagram.type;
      const db = diagram.db;
      if (diagram.type === 'journey') {
        res.title = db.getDiagramTitle?.() ?? '';
        res.accTitle = db.getAccTitle?.() ?? '';
        res.accDescr = db.getAccDescription?.() ?? '';
        res.sections = [...db.getSections()];
        res.tasks = db.getTasks().map((t) => ({
          section: t.section,
          task: t.task,
          score: String(t.score),
          people: [...(t.people ?? [])],
        }));
      }
    } catch (e) {
      res.error = String(e?.message ?? e).slice(0, 300) || 'error';
    }
    results.push(res);
  }
  return results;
}
