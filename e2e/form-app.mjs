// form-app is the page script of the form check (form-check.mjs bundles it
// with esbuild): it mounts a react-jsonschema-form (@rjsf/core, validated by
// @rjsf/validator-ajv8 with draft 2020-12) for a schema and exposes a small
// API on window.jmForm for the check to drive it.
import { createElement, createRef } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import Form from '@rjsf/core';
import { customizeValidator } from '@rjsf/validator-ajv8';
import Ajv2020 from 'ajv/dist/2020.js';

const validator = customizeValidator({ AjvClass: Ajv2020 });

const state = { submitted: null, errors: null, formData: undefined };
let root;
const ref = createRef();

function render(schema) {
  flushSync(() => {
    root.render(
      createElement(Form, {
        ref,
        schema,
        validator,
        formData: state.formData,
        liveValidate: false,
        noHtml5Validate: true, // validate with the schema (ajv), not the browser's required attributes
        // Without this, rjsf takes the first oneOf const of every enum field as
        // its default and writes mode "online" or better "higher" into
        // documents where the person chose nothing (the library then reads
        // an explicit value, not the channel's or the kind's own default).
        experimental_defaultFormStateBehavior: { constAsDefaults: 'skipOneOf' },
        showErrorList: 'top',
        onChange: (e) => {
          state.formData = e.formData;
        },
        onSubmit: (e) => {
          state.submitted = e.formData;
          state.errors = null;
        },
        onError: (errors) => {
          state.errors = errors.map((e) => ({ path: e.property, message: e.message }));
        },
      }),
    );
  });
}

window.jmForm = {
  // mount builds a fresh form for schema.
  mount(schema) {
    const el = document.getElementById("app");
    root = createRoot(el);
    state.schema = schema;
    render(schema);
  },
  // data returns the form's current data.
  data() {
    return state.formData;
  },
  // reset forgets the last submission.
  reset() {
    state.submitted = null;
    state.errors = null;
  },
  // result returns what the last submission produced: the data, or the
  // validation errors; null while none has happened.
  result() {
    if (state.submitted === null && state.errors === null) return null;
    return { data: state.submitted, errors: state.errors };
  },
};
