// schema-check compiles JSON Schemas with ajv 8 (draft 2020-12, ajv-formats,
// strict mode) and validates documents with them, printing JSON on stdout:
// {"compileErrors": {"name": "..."}, "results": [{"file", "schema", "valid",
// "errors": [{"path", "message"}]}]}.
//
// Usage: node schema-check.mjs MANIFEST.json
// MANIFEST: {"schemas": {"journey": "path/journey.schema.json", ...},
//            "files": [{"file": "a.json", "schema": "journey"}, ...]}
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { readManifest } from './lib.mjs';

const manifest = readManifest();
const out = { compileErrors: {}, results: [] };
const validators = {};
for (const [name, path] of Object.entries(manifest.schemas)) {
  try {
    // A fresh instance per schema: the published schemas may share $ids of $defs.
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv);
    validators[name] = ajv.compile(JSON.parse(readFileSync(path, 'utf8')));
  } catch (e) {
    out.compileErrors[name] = e?.message ?? String(e);
  }
}
for (const { file, schema } of manifest.files) {
  const r = { file, schema, valid: false, errors: [] };
  const validate = validators[schema];
  if (!validate) {
    r.errors = [{ path: '', message: `schema ${schema} did not compile` }];
    out.results.push(r);
    continue;
  }
  try {
    r.valid = validate(JSON.parse(readFileSync(file, 'utf8')));
    r.errors = (validate.errors ?? []).map((e) => ({
      path: e.instancePath,
      message: `${e.message} ${JSON.stringify(e.params)}`,
    }));
  } catch (e) {
    r.errors = [{ path: '', message: 'not JSON: ' + (e?.message ?? String(e)) }];
  }
  out.results.push(r);
}
process.stdout.write(JSON.stringify(out));
