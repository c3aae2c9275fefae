// form-check builds a react-jsonschema-form (@rjsf/core 6 with
// @rjsf/validator-ajv8 on draft 2020-12, bundled by esbuild) from each
// published schema in headless Chromium, fills a document through the form's
// inputs as a person would (typing, choosing from selects, clicking Add), and
// submits it. It also compiles every schema with ajv in strict mode. It prints
// JSON on stdout:
// {"strict": {"journey/vi": "error" | ""},
//  "results": [{"name", "lang", "pageErrors", "labels", "missingTitles",
//               "emptyErrors", "errors", "data"}]}.
//
// Usage: node form-check.mjs MANIFEST.json
// MANIFEST: {"schemas": [{"name": "journey", "lang": "vi", "path": "…/vi/journey.schema.json"}, …]}
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { launch, readManifest, servePage, PAGE_URL } from './lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const manifest = readManifest();
const out = { strict: {}, results: [] };

for (const s of manifest.schemas) {
  try {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv);
    ajv.compile(JSON.parse(readFileSync(s.path, 'utf8')));
    out.strict[`${s.name}/${s.lang}`] = '';
  } catch (e) {
    out.strict[`${s.name}/${s.lang}`] = e?.message ?? String(e);
  }
}

const bundle = (
  await build({
    entryPoints: [join(here, 'form-app.mjs')],
    bundle: true,
    write: false,
    format: 'iife',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  })
).outputFiles[0].text;

// fills says, per document, what a person types (fill), chooses (select) and
// adds (add: the id of an array's Add button), in order.
const fills = {
  journey: [
    ['fill', 'root_title', 'Đặt hàng lần đầu'],
    ['select', 'root_type', 'service_blueprint'],
    ['fill', 'root_language', 'vi'],
    ['fill', 'root_review_every_days', '30'],
    ['add', 'root_personas__add'],
    ['fill', 'root_personas_0_name', 'Chị Lan'],
    ['select', 'root_personas_0_lifecycle', 'lead'],
    ['fill', 'root_personas_0_demographics_age_range', '30-39'],
    ['add', 'root_stages__add'],
    ['fill', 'root_stages_0_name', 'Thanh toán'],
    ['select', 'root_stages_0_phase', 'during_purchase'],
    ['add', 'root_stages_0_questions__add'],
    ['fill', 'root_stages_0_questions_0', 'Phí ship bao nhiêu?'],
    ['add', 'root_stages_0_touchpoints__add'],
    ['fill', 'root_stages_0_touchpoints_0_name', 'Thanh toán trong ứng dụng'],
    ['select', 'root_stages_0_touchpoints_0_channel', 'mobile_app'],
    ['select', 'root_stages_0_touchpoints_0_initiator', 'customer'],
    ['fill', 'root_stages_0_touchpoints_0_emotion', '-1.5'],
    ['add', 'root_stages_0_touchpoints_0_pain_points__add'],
    ['fill', 'root_stages_0_touchpoints_0_pain_points_0_title', 'Phí vận chuyển chỉ hiện khi thanh toán'],
    ['select', 'root_stages_0_touchpoints_0_pain_points_0_category', 'financial'],
    ['select', 'root_stages_0_touchpoints_0_pain_points_0_severity', 'high'],
    ['add', 'root_stages_0_touchpoints_0_supports__add'],
    ['select', 'root_stages_0_touchpoints_0_supports_0_layer', 'backstage'],
    ['select', 'root_stages_0_touchpoints_0_supports_0_kind', 'technology'],
    ['fill', 'root_stages_0_touchpoints_0_supports_0_description', 'Bộ tính phí vận chuyển'],
    ['add', 'root_stages_0_metrics__add'],
    ['fill', 'root_stages_0_metrics_0_name', 'Tỷ lệ hoàn tất thanh toán'],
    ['select', 'root_stages_0_metrics_0_kind', 'conversion_rate'],
    ['fill', 'root_stages_0_metrics_0_value', '0.62'],
    ['fill', 'root_stages_0_metrics_0_target', '0.75'],
    ['add', 'root_opportunities__add'],
    ['fill', 'root_opportunities_0_title', 'Hiện phí vận chuyển trên trang sản phẩm'],
    ['select', 'root_opportunities_0_status', 'planned'],
    ['fill', 'root_opportunities_0_impact', '4'],
  ],
  persona: [
    ['fill', 'root_name', 'Chị Lan'],
    ['select', 'root_lifecycle', 'customer'],
    ['fill', 'root_quote', 'Tôi đặt hàng lúc con ngủ.'],
    ['fill', 'root_demographics_location', 'TP. Hồ Chí Minh'],
    ['add', 'root_goals__add'],
    ['fill', 'root_goals_0', 'Mua đồ không cần ra khỏi nhà'],
    ['add', 'root_preferred_channels__add'],
    ['select', 'root_preferred_channels_0', 'chat'],
  ],
  painpoint: [
    ['fill', 'root_title', 'Phí vận chuyển chỉ hiện khi thanh toán'],
    ['select', 'root_category', 'financial'],
    ['select', 'root_severity', 'critical'],
    ['fill', 'root_evidence', '12 trên 20 cuộc phỏng vấn'],
  ],
};

// titles returns the titles of the schema's top-level properties and of
// the definitions of its enums (which the form shows as labels and options).
function titles(schema) {
  const out = [schema.title];
  for (const p of Object.values(schema.properties ?? {})) {
    if (p.title) out.push(p.title);
  }
  return out;
}

// optionLabel returns the label the form shows for the enum value in the
// select el: the title of the value in the enum whose titles the select
// lists (the form names options by title; values are indices).
async function optionLabel(el, schema, value) {
  const labels = new Set(await el.locator('option').allInnerTexts());
  for (const def of Object.values(schema.$defs ?? {})) {
    const oneOf = def.oneOf ?? [];
    if (oneOf.length > 0 && oneOf.every((o) => labels.has(o.title))) {
      const o = oneOf.find((o) => o.const === value);
      if (o) return o.title;
    }
  }
  throw new Error(`no option ${value} among ${[...labels].join(', ')}`);
}

// submit clicks the form's submit button and waits for the form to hand
// over its data or its validation errors.
async function submit(page) {
  await page.evaluate(() => window.jmForm.reset());
  await page.locator('button[type="submit"]').click();
  await page.waitForFunction(() => window.jmForm.result() !== null);
  return page.evaluate(() => window.jmForm.result());
}

const browser = await launch();
try {
  for (const s of manifest.schemas) {
    const schema = JSON.parse(readFileSync(s.path, 'utf8'));
    const r = { name: s.name, lang: s.lang, pageErrors: [], requests: [] };
    const page = await browser.context.newPage();
    page.setDefaultTimeout(10000);
    page.on('pageerror', (e) => r.pageErrors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') r.pageErrors.push(`console ${m.type()}: ${m.text()}`);
    });
    r.requests = await servePage(page, '<!doctype html><html><head><meta charset="utf-8"><title>form</title></head><body><div id="app"></div></body></html>');
    await page.goto(PAGE_URL);
    await page.addScriptTag({ content: bundle });
    await page.evaluate((sc) => window.jmForm.mount(sc), schema);
    r.labels = await page.locator('label').count();
    const text = await page.locator('#app').innerText();
    r.missingTitles = titles(schema).filter((t) => !text.includes(t));
    // An empty form must not submit: the required members are missing.
    r.emptyErrors = (await submit(page)).errors ?? [];
    for (const [action, id, value] of fills[s.name]) {
      const el = page.locator(`[id="${id}"]`);
      if (action === 'add') await el.click();
      else if (action === 'select') await el.selectOption({ label: await optionLabel(el, schema, value) });
      else await el.fill(value);
    }
    const submitted = await submit(page);
    r.errors = submitted.errors ?? [];
    r.data = submitted.data;
    out.results.push(r);
    await page.close();
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(out));
