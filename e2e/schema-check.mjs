// schema-check compiles a JSON Schema with ajv 8 (draft 2020-12, ajv-formats,
// strict mode) and validates documents with it, printing JSON on stdout:
// {"compileError": "", "results": [{"file", "valid", "errors": [...]}]}.
//
// Usage: node schema-check.mjs MANIFEST.json
// MANIFEST: {"schema": "path/journey.schema.json", "files": ["a.json", ...]}
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { readManifest } from './lib.mjs';

const manifest = readManifest();
const out = { compileError: '', results: [] };
let validate;
try {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  validate = ajv.compile(JSON.parse(readFileSync(manifest.schema, 'utf8')));
} catch (e) {
  out.compileError = e?.message ?? String(e);
}
if (validate) {
  for (const file of manifest.files) {
    const r = { file, valid: false, errors: [] };
    try {
      r.valid = validate(JSON.parse(readFileSync(file, 'utf8')));
      r.errors = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
    } catch (e) {
      r.errors = ['not JSON: ' + (e?.message ?? String(e))];
    }
    out.results.push(r);
  }
}
process.stdout.write(JSON.stringify(out));
