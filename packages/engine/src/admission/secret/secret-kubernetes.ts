import { keyPath } from '../../base/path.js';
import { keySpan, lookup, messageField, stringField } from '../../resources/decode.js';
import type { AdmissionRule } from '../rule.js';

const MESH_LABEL = 'kuma.io/mesh';

/**
 * Kuma's webhook for Kubernetes Secrets of type `system.kuma.io/secret` and
 * `system.kuma.io/global-secret`: the payload `data.value` must not be empty (the API server has
 * merged `stringData` into `data` by then), and a global secret must not carry a mesh label.
 * (Changing the mesh label on update is also refused; a single file cannot show that.)
 */
export const secretKubernetes: AdmissionRule = {
  id: 'secret-kubernetes',
  kinds: ['Secret', 'GlobalSecret'],
  check(doc, report) {
    if (doc.form !== 'kubernetes') return;
    const root = doc.root;
    const first = root.pairs[0]?.key.span ?? root.span;
    if (doc.kind === 'GlobalSecret') {
      const labels = messageField(messageField(root, 'metadata').value, 'labels').value;
      const label = lookup(labels, MESH_LABEL);
      if (label) {
        report({ path: keyPath('metadata.labels', MESH_LABEL), message: 'mesh cannot be set on global secret', span: keySpan(label), meta: true });
      }
    }
    const data = messageField(root, 'data');
    const value = stringField(data.value, 'value');
    const fromStringData = stringField(messageField(root, 'stringData').value, 'value');
    const payload = fromStringData.pair && fromStringData.pair.value.kind === 'scalar' && fromStringData.pair.value.type === 'string'
      ? fromStringData.value
      : value.value;
    if (payload === '') {
      const at = value.pair ?? data.pair;
      report({ path: 'data.value', message: 'cannot be empty.', span: at ? keySpan(at) : first, meta: true });
    }
  },
};
