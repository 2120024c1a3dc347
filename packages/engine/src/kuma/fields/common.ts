import { STRING, f, obj } from './field-type.js';

export const SELECTOR = obj('kuma.mesh.v1alpha1.Selector', [
  f(
    'match',
    { kind: 'map', requiredKeys: ['kuma.io/service'] },
    'Tags a builtin gateway Dataplane must have for this selector to match; `*` matches any value. Must contain `kuma.io/service`.',
    { required: true },
  ),
]);

export const DATASOURCE = obj(
  'kuma.system.v1alpha1.DataSource',
  [
    f('secret', STRING, 'Name of a mesh-scoped Secret in the gateway\'s mesh holding the PEM bundle (certificate first, then chain, and the private key).', {
      oneof: 'type',
    }),
    f('file', STRING, 'Path of a file on the control-plane host. Accepted at admission but not supported by the builtin gateway at runtime.', {
      oneof: 'type',
      deprecated: 'Deprecated, and not supported by the builtin gateway at runtime (`unsupported type of the DataSource`): use `secret` or `inlineString`.',
    }),
    f('inline', { kind: 'bytes' }, 'The PEM bundle as base64-encoded bytes, written in the resource itself.', { oneof: 'type' }),
    f('inlineString', STRING, 'The PEM bundle as plain text, written in the resource itself.', { oneof: 'type' }),
  ],
  [{ name: 'type', fields: ['secret', 'file', 'inline', 'inlineString'], required: false }],
);
