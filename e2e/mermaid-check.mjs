// mermaid-check renders diagram texts with mermaid 12.3.0 in headless Chromium
// and prints, as JSON on stdout, what Mermaid understood of each one.
//
// Usage: node mermaid-check.mjs MANIFEST.json
// MANIFEST: {"diagrams": [{"name": "...", "text": "journey\n..."}]}
// Output:   {"results": [{name, type, error, config, configChanged, rendered,
//            svgText, svgScripts, shownNodes, shownClusters, journey | flowchart,
//            phases, ms}], "requests": [...], "dialogs": [...], "pageErrors": [...]}
//
// For each diagram the check asks mermaid to parse it (mermaid.parse returns the
// configuration the text applied: front matter and %%{init}%% directives),
// renders it to SVG (mermaid.render), and reads the diagram's database
// (mermaidAPI.getDiagramFromText → db getters). Database strings still hold
// Mermaid's entity placeholders (#58; is stored as "ﬂ°°58¶ß"); the check turns
// them into the text a reader sees the way Mermaid's renderers do, so the Go side
// compares labels as displayed.
import { createRequire } from 'node:module';
import { blockNetwork, launch, readManifest } from './lib.mjs';

const require = createRequire(import.meta.url);
const MERMAID = require.resolve('mermaid/dist/mermaid.min.js');

const manifest = readManifest();
const browser = await launch();
const out = { results: [], requests: [], dialogs: [], pageErrors: [] };
try {
  const page = await browser.context.newPage();
  out.requests = await blockNetwork(page);
  page.on('dialog', async (d) => {
    out.dialogs.push(`${d.type()}: ${d.message()}`);
    await d.dismiss();
  });
  page.on('pageerror', (e) => out.pageErrors.push(String(e)));
  await page.setContent('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>mermaid check</title></head><body><div id="out"></div></body></html>');
  await page.addScriptTag({ path: MERMAID });
  await page.evaluate(() => {
    // maxEdges is the embedding page's choice, not the diagram's: it is raised
    // so the whole hostile corpus in one blueprint (hundreds of edges) reaches
    // the parser instead of Mermaid's edge-limit error.
    window.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', maxEdges: 100_000 });
  });
  for (const d of manifest.diagrams) {
    const started = Date.now();
    const r = await page.evaluate(checkOne, { name: d.name, text: d.text });
    r.ms = Date.now() - started;
    out.results.push(r);
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(out));

// checkOne runs inside the page.
async function checkOne({ name, text }) {
  const mermaid = window.mermaid;
  const res = { name, type: '', error: '', config: {}, configChanged: false, svgText: '', svgScripts: 0 };

  // What a text node holding s (with Mermaid's entity placeholders) shows once
  // Mermaid has serialised the SVG, decoded its placeholders and the browser has
  // parsed the markup again.
  const shownText = (s) => {
    const escaped = String(s ?? '')
      .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\u00a0/g, '&nbsp;');
    const decoded = escaped.replace(/ﬂ°°/g, '&#').replace(/ﬂ°/g, '&').replace(/¶ß/g, ';');
    const t = document.createElement('template');
    t.innerHTML = decoded;
    return t.content.textContent;
  };
  // Journey tasks and sections are split into lines at <br> before being written as text.
  const shownLines = (s) => String(s ?? '').split(/<br\s*\/?>/gi).map(shownText).join('\n');
  // Flowchart labels are decoded, sanitised and inserted as HTML (htmlLabels).
  const shownHTML = (s) => {
    const decoded = String(s ?? '').replace(/ﬂ°°/g, '&#').replace(/ﬂ°/g, '&').replace(/¶ß/g, ';');
    const t = document.createElement('template');
    t.innerHTML = decoded.replace(/<br\s*\/?>/gi, '\n');
    return t.content.textContent;
  };

  // Baseline configuration: what a diagram without directives leaves in force.
  mermaid.mermaidAPI.reset();
  await mermaid.parse('journey\ntitle baseline\nsection s\nt: 3: a\n');
  const baseline = JSON.stringify(mermaid.mermaidAPI.getConfig());

  const t0 = performance.now();
  res.phases = {};
  try {
    const parsed = await mermaid.parse(text);
    res.phases.parse = Math.round(performance.now() - t0);
    res.type = parsed.diagramType;
    res.config = parsed.config ?? {};
    res.configChanged = JSON.stringify(mermaid.mermaidAPI.getConfig()) !== baseline;
  } catch (e) {
    res.error = 'parse: ' + (e?.message ?? String(e));
    return res;
  }
  // Drawing is checked up to Mermaid's own maxTextSize (50,000 characters by
  // default; longer text is replaced by an error notice). Longer diagrams, the
  // 100 KB label's, are checked by parser and database only: Mermaid's journey
  // layout measures actor names word by word and takes minutes on them.
  res.rendered = text.length <= (mermaid.mermaidAPI.getConfig().maxTextSize ?? 50000);
  if (res.rendered) try {
    const id = 'm' + Math.random().toString(36).slice(2);
    const t1 = performance.now();
    const { svg } = await mermaid.render(id, text);
    res.phases.render = Math.round(performance.now() - t1);
    const host = document.getElementById('out');
    host.innerHTML = svg;
    res.svgScripts = host.querySelectorAll('script').length;
    host.querySelectorAll('style').forEach((e) => e.remove());
    res.svgText = host.textContent;
    // Flowchart labels as drawn: node groups are "<id>-flowchart-<node>-<n>",
    // subgraph groups "<id>-<subgraph>".
    res.shownNodes = {};
    for (const g of host.querySelectorAll('g.node')) {
      const m = g.id.match(new RegExp('^' + id + '-flowchart-(.*)-\\d+$'));
      if (m) res.shownNodes[m[1]] = g.textContent;
    }
    res.shownClusters = {};
    for (const g of host.querySelectorAll('g.cluster')) {
      if (g.id.startsWith(id + '-')) res.shownClusters[g.id.slice(id.length + 1)] = g.querySelector('.cluster-label')?.textContent ?? '';
    }
    host.innerHTML = '';
  } catch (e) {
    res.error = 'render: ' + (e?.message ?? String(e));
    return res;
  }
  const t2 = performance.now();
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
  res.phases.db = Math.round(performance.now() - t2);
  const db = diagram.db;
  if (diagram.type === 'journey') {
    res.journey = {
      title: shownText(db.getDiagramTitle?.() ?? ''),
      accTitle: shownText(db.getAccTitle?.() ?? ''),
      accDescr: shownText(db.getAccDescription?.() ?? ''),
      sections: db.getSections().map(shownLines),
      tasks: db.getTasks().map((t) => ({
        section: shownLines(t.section),
        task: shownLines(t.task),
        score: t.score,
        people: (t.people ?? []).map(shownText),
      })),
    };
  } else if (diagram.type === 'flowchart-v2' || diagram.type === 'flowchart') {
    const vertices = [...db.getVertices().values()];
    res.flowchart = {
      title: shownText(db.getDiagramTitle?.() ?? ''),
      accTitle: shownText(db.getAccTitle?.() ?? ''),
      accDescr: shownText(db.getAccDescription?.() ?? ''),
      nodes: vertices.map((v) => ({ id: v.id, label: shownHTML(v.text ?? v.id), labelType: v.labelType, link: v.link ?? '' })),
      subgraphs: db.getSubGraphs().map((s) => ({ id: s.id, title: shownHTML(s.title), nodes: s.nodes })),
      edges: db.getEdges().map((e) => ({ start: e.start, end: e.end, label: shownHTML(e.text) })),
      classes: [...(db.getClasses?.().keys?.() ?? [])],
    };
  }
  return res;
}
