import Ajv from 'ajv';
import { parseAllDocuments } from 'yaml';
import { readFileSync, readdirSync } from 'node:fs';
import { jsonSchema } from '/work/main/packages/engine/dist/index.js';
const ajv = new Ajv({ allErrors: true });
for (const k of ['markdownDescription','markdownEnumDescriptions','deprecationMessage','enumDescriptions','errorMessage','patternErrorMessage','defaultSnippets','doNotSuggest','suggestSortText']) ajv.addKeyword(k);
const v = ajv.compile(jsonSchema('all'));
const kinds = new Set(['MeshGateway','MeshGatewayRoute','Dataplane']);
const dir='examples/broken';
for (const f of readdirSync(dir)) {
  const docs = parseAllDocuments(readFileSync(dir+'/'+f,'utf8'));
  docs.forEach((d,i) => { if (d.errors.length) return; const j=d.toJS(); if(!j) return; const k=j.apiVersion?j.kind:j.type; if(!kinds.has(k)) return; if(!v(j)) console.log(f, i, JSON.stringify(v.errors.filter(e=>!['if','anyOf','allOf','not'].includes(e.keyword)).map(e=>[e.instancePath,e.keyword,e.params.missingProperty??e.params.additionalProperty??e.params.limit??'']))); });
}
