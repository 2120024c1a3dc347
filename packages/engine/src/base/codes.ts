/**
 * The registry of diagnostic codes: each code the engine reports, with a title and a
 * one-paragraph explanation. `docs/diagnostics.md` is generated from it (`diagnosticsMarkdown`),
 * one `## code` section per code, so editors can link a diagnostic to its explanation.
 */

/**
 * `kuma`: Kuma refuses the resource when it is applied, with the message shown (word for word).
 * `meshgw`: Kuma accepts the resource, but drops part of it or fails later, when it generates
 * the gateway's configuration; or a problem of the file itself (YAML, size).
 */
export type CodeOrigin = 'kuma' | 'meshgw';

export interface DiagnosticCodeInfo<C extends string = string> {
  code: C;
  origin: CodeOrigin;
  title: string;
  /** One paragraph of markdown. */
  explanation: string;
}

function c<const C extends string>(code: C, origin: CodeOrigin, title: string, explanation: string): DiagnosticCodeInfo<C> {
  return { code, origin, title, explanation };
}

/** Every code, grouped by what it is about; the order of `docs/diagnostics.md`. */
export const DIAGNOSTIC_CODES = [
  // The file
  c('yaml-syntax', 'meshgw', 'YAML syntax error',
    'The text is not valid YAML at this point. Kuma cannot read the document, so `kumactl apply` or `kubectl apply` fails before any Kuma rule runs; meshgw still analyses whatever it could read around the error.'),
  c('yaml-duplicate-key', 'meshgw', 'Duplicate key',
    'The same key appears twice in one map. Kuma\'s decoders refuse such a map, and editors and tools disagree on which value wins; remove one of them.'),
  c('yaml-tab', 'meshgw', 'Tab used as indentation',
    'YAML does not allow tab characters in indentation. Indent with spaces.'),
  c('yaml-alias-limit', 'meshgw', 'Alias expansion cut',
    'Aliases (`*name`) in this document expand to a very large tree, as in a "billion laughs" attack. meshgw stops expanding at a fixed budget so the editor stays responsive; the rest of the document is not analysed.'),
  c('yaml-too-deep', 'meshgw', 'Nesting too deep',
    'The document nests deeper than meshgw analyses. No Kuma resource nests this deep: the branch, or the whole document, is skipped.'),
  c('file-too-large', 'meshgw', 'File too large',
    'The file is larger than the analysis limit (5 MiB by default), so it is skipped. Split it into smaller files to have it analysed.'),
  c('not-text', 'meshgw', 'Binary file',
    'The file holds NUL bytes or invalid UTF-8, so it is not YAML text and is skipped.'),

  // Reading values the way Kuma's decoder does
  c('unknown-field', 'meshgw', 'Unknown field',
    'Kuma does not know this field and silently drops it when the resource is applied, so it has no effect. It is often a typo (`hostnmae`) or a field of another kind or version; the quick fix renames it to the closest known field.'),
  c('enum-unknown', 'meshgw', 'Unknown enum value',
    'The value is not one of the names Kuma accepts for this field, so Kuma\'s decoder refuses the resource. The quick fix writes the closest valid value.'),
  c('enum-case', 'meshgw', 'Enum value in the wrong case',
    'Kuma reads enum values by their exact upper-case name (`HTTP`, `TERMINATE`); another spelling such as `http` is refused by the decoder. The quick fix writes the exact name.'),
  c('not-a-number', 'meshgw', 'Not a number',
    'This field holds a whole number, but the value is something else (text, a boolean, a negative or fractional number). Kuma\'s decoder refuses the resource. Protobuf fields also accept a quoted number, the new-style policies do not: there the quick fix unquotes it.'),
  c('not-a-string', 'meshgw', 'Not a string',
    'This field holds text, but the value is a number, boolean or null as YAML reads it (`8080`, `true`, `yes`). Kuma\'s decoder refuses it; the quick fix quotes the value (`"8080"`).'),
  c('not-a-boolean', 'meshgw', 'Not a boolean',
    'This field holds `true` or `false`; any other value (including the quoted string `"true"`) is refused by Kuma\'s decoder. The quick fix writes the boolean when the text says true or false.'),
  c('wrong-shape', 'meshgw', 'Wrong shape',
    'The value has the wrong structure for this field: a list where a map is expected, a scalar where an object is expected, or the other way round. Kuma\'s decoder refuses the resource.'),

  // Kuma's admission checks
  c('resource-meta', 'kuma', 'Name and mesh',
    'Kuma checks the resource\'s name and mesh before anything else: a Universal name must be a lower-case RFC 1123 subdomain, and a mesh-scoped resource needs a `mesh`. On Kubernetes the webhook checks the top-level `mesh` of MeshGateway, MeshGatewayRoute and Dataplane.'),
  c('gateway-selectors', 'kuma', 'MeshGateway selectors',
    'A MeshGateway needs at least one selector, and every selector must match on `kuma.io/service` (the service of the builtin gateway Dataplanes it runs on). A gateway with a crossMesh listener may have only one selector.'),
  c('gateway-tags', 'kuma', 'MeshGateway tags',
    'Gateway tags must be valid tags and may not use `kuma.io/service`, `kuma.io/protocol`, `kuma.io/zone` or `kuma.io/external-service-name`: those always come from the Dataplane.'),
  c('gateway-conf', 'kuma', 'MeshGateway conf',
    'A MeshGateway needs `conf` with at least one listener.'),
  c('gateway-listener', 'kuma', 'MeshGateway listener',
    'Each listener needs a port from 1 to 65535 and a protocol (TCP, TLS, HTTP or HTTPS); a hostname, when given, must be `*`, a `*.` wildcard domain or a lower-case DNS name; a crossMesh listener cannot be HTTPS.'),
  c('gateway-listener-tls', 'kuma', 'MeshGateway listener TLS',
    'An HTTPS listener needs `tls` and cannot use PASSTHROUGH; a present `tls` needs a mode; TERMINATE needs one or two certificates; a crossMesh listener must leave `tls` empty.'),
  c('gateway-listener-tags', 'kuma', 'MeshGateway listener tags',
    'Listener tags must be valid tags and may not use `kuma.io/service`, `kuma.io/protocol`, `kuma.io/zone` or `kuma.io/external-service-name`: those always come from the Dataplane.'),
  c('gateway-port-conflicts', 'kuma', 'Listeners sharing a port',
    'Listeners on the same port are merged into one Envoy listener, so they must use the same protocol, have distinct hostnames (an empty hostname is `*`) and agree on the connection limit. Kuma reports every listener involved.'),
  c('route-selectors', 'kuma', 'MeshGatewayRoute selectors',
    'A MeshGatewayRoute needs at least one selector, and each must match on `kuma.io/service`. Selectors are matched against the final tags of listeners.'),
  c('route-conf', 'kuma', 'MeshGatewayRoute conf',
    'A MeshGatewayRoute needs `conf` with `http` or `tcp`, and an `http` configuration needs rules.'),
  c('route-http-rules', 'kuma', 'MeshGatewayRoute HTTP matches',
    'Each HTTP rule needs at least one match, and each match a condition: paths are absolute (a REGEX path non-empty), header and query conditions have a name and, where their type needs one, a value.'),
  c('route-filters', 'kuma', 'MeshGatewayRoute HTTP filters',
    'HTTP filters must be complete: header changes need names and values and may not touch the Host header when the host is rewritten; redirects need a valid port and status code and stand alone; a mirror needs a backend and a percentage from 0 to 100; a prefix rewrite needs a prefix match.'),
  c('route-backends', 'kuma', 'MeshGatewayRoute backends',
    'Each rule needs backends unless it redirects (then it may not have any), and each backend needs a destination with `kuma.io/service`.'),
  c('dataplane-networking', 'kuma', 'Dataplane networking',
    'Every Dataplane needs `networking`; Kuma refuses a Dataplane without it before any other check.'),
  c('dataplane-admin-port', 'kuma', 'Dataplane admin port',
    'The Envoy admin port of a Dataplane (`networking.admin.port`) may not be a port that an inbound or outbound already uses on 127.0.0.1.'),
  c('dataplane-builtin-sections', 'kuma', 'Builtin gateway Dataplane sections',
    'A builtin gateway Dataplane (`networking.gateway.type: BUILTIN`) has no inbounds, outbounds, zone proxy listeners or probes: the MeshGateway defines its listeners.'),
  c('dataplane-delegated-sections', 'kuma', 'Delegated gateway Dataplane sections',
    'A delegated gateway Dataplane (`networking.gateway` with type `DELEGATED`, the default) has no inbounds and no zone proxy listeners: the gateway in front of it receives the traffic. Outbounds are allowed.'),
  c('dataplane-inbound-required', 'kuma', 'Dataplane without inbounds',
    'Up to Kuma 2.13, a Dataplane that is not a gateway needs at least one inbound. From 2.14 an outbound-only sidecar is allowed.'),
  c('dataplane-gateway-tags', 'kuma', 'Dataplane gateway tags',
    'The gateway tags of a builtin or delegated gateway Dataplane must be valid Dataplane tags (no `*` values), include `kuma.io/service` (from Kuma 2.14 only when there are tags), and set `kuma.io/protocol` only to `tcp`.'),
  c('dataplane-address', 'kuma', 'Dataplane address',
    'A Dataplane needs `networking.address`: an IP address or a domain name, not a wildcard such as `0.0.0.0`.'),
  c('dataplane-inbound', 'kuma', 'Dataplane inbound',
    'Kuma validates each inbound of a Dataplane: ports in range, IP addresses, valid tags with a known `kuma.io/protocol` and `kuma.io/service` (from Kuma 2.14 only when there are tags), a known `protocol`, and a service probe with positive values. It does so even on a gateway Dataplane, which may not have inbounds at all.'),
  c('dataplane-outbound', 'kuma', 'Dataplane outbound',
    'Kuma validates each outbound of a Dataplane: a port in range, an IP address, and a target: tags with `kuma.io/service`, or a `backendRef` with a known kind, a name (or labels) and a port, not both. It does so even on a builtin gateway Dataplane, which may not have outbounds at all.'),
  c('dataplane-reachable-backends', 'kuma', 'Dataplane reachable backends',
    'References under `networking.transparentProxying.reachableBackends` need a known kind and either a valid name or labels, not both.'),
  c('dataplane-probes', 'kuma', 'Dataplane virtual probes',
    'The virtual probes of a sidecar or delegated gateway Dataplane (`probes`) need a port in range, and each endpoint an inbound port in range and absolute paths (`/healthz`).'),
  c('dataplane-metrics', 'kuma', 'Dataplane metrics',
    'The metrics backend of a sidecar Dataplane must be of type `prometheus`; its configuration may not set `skipMTLS` and `tls` differently, and its aggregate entries need distinct names.'),
  c('dataplane-listeners', 'kuma', 'Dataplane zone proxy listeners',
    'Zone proxy listeners embedded in a sidecar Dataplane (`networking.listeners`, Kuma 2.14) need a type (ZoneIngress or ZoneEgress), a valid address and port, a name not used by another inbound or listener, and an address:port of their own.'),
  c('policy-route-schema', 'kuma', 'Route schema',
    'Kuma checks a MeshHTTPRoute or MeshTCPRoute against the policy\'s OpenAPI schema before anything else: required fields (`in body is required`), value types (`in body must be of type string`), enum values (`in body should be one of [...]`) and list sizes (`in body should have at most 1 items`), as the target version\'s schema has them. When the schema fails, Kuma prints only these violations, so the other route checks show once the schema passes.'),
  c('policy-route-target', 'kuma', 'Route targeting a MeshGateway',
    'A MeshHTTPRoute or MeshTCPRoute with `targetRef.kind: MeshGateway` needs the gateway\'s `name`, may pick listeners with `tags`, and may not use `mesh`, `proxyTypes`, `labels`, `namespace` or `sectionName`. Only system policies may target a gateway.'),
  c('policy-route-to', 'kuma', 'Route destinations with a MeshGateway target',
    'With a MeshGateway target, every `to[].targetRef` must be of kind `Mesh`, without name, mesh, tags, labels, namespace or section.'),
  c('policy-route-backends', 'kuma', 'Route backends with a MeshGateway target',
    'With a MeshGateway target, each MeshHTTPRoute rule needs `default.backendRefs` unless it redirects, and each MeshTCPRoute rule always needs them.'),
  c('secret-kubernetes', 'kuma', 'Kubernetes Secret',
    'A Kubernetes Secret of type `system.kuma.io/secret` needs a non-empty `data.value`; a `system.kuma.io/global-secret` may not carry a `kuma.io/mesh` label.'),

  // Accepted by Kuma, then dropped or failing at configuration time
  c('certificate-inline-string', 'meshgw', 'inlineString certificate before Kuma 2.8',
    'Applies to Kuma 2.0 to 2.7. Kuma accepts a listener certificate given as `inlineString`, but its builtin gateway before 2.8 cannot load one: generating the configuration of the gateway\'s proxies fails ("unsupported datasource type") and they keep their last configuration. Use `inline` (base64) or a Secret, or upgrade to 2.8.'),
  c('certificate-file-datasource', 'meshgw', 'Certificate from a file',
    'Kuma admits a `file` datasource, but the builtin gateway cannot load it: generating the gateway\'s configuration fails with `unsupported type of the DataSource`. Use `secret` or `inlineString`.'),
  c('tls-listener-without-tls', 'meshgw', 'TLS listener without tls',
    'Kuma admits a TLS listener without `tls`, but then cannot generate its filter chain (`unsupported TLS mode "NONE"`) and the whole gateway keeps its previous configuration.'),
  c('connection-limit-dropped', 'meshgw', 'Connection limit dropped',
    'Kuma takes a port\'s connection limit from the first listener on the port. This limit sits on a later listener, so it is dropped.'),
  c('cross-mesh-dropped', 'meshgw', 'crossMesh dropped',
    'Kuma takes crossMesh for a port from the first listener on the port. This listener is not the first, so its `crossMesh: true` is ignored.'),
  c('tls-ignored', 'meshgw', 'tls ignored',
    '`tls` on an HTTP or TCP listener is validated when the resource is applied and then ignored: the listener serves plain text.'),
  c('certificates-ignored-passthrough', 'meshgw', 'Certificates ignored in PASSTHROUGH',
    'A TLS listener in PASSTHROUGH mode forwards the TLS stream untouched, so its certificates are never used.'),
  c('certificate-empty', 'meshgw', 'Empty certificate datasource',
    'The certificate datasource names no source (`secret`, `inline` or `inlineString`). Kuma accepts it but cannot load a certificate from it.'),
  c('certificate-secret-not-found', 'meshgw', 'Secret not found',
    'No Secret of that name exists in the gateway\'s mesh in the workspace. A gateway only reads Secrets of its own mesh (not GlobalSecrets). If the control plane lacks it too, Kuma fails the whole gateway\'s configuration and the proxy keeps its previous one.'),
  c('certificate-inline-invalid', 'meshgw', 'Invalid inline certificate',
    'The `inline` datasource is not valid base64, so no certificate can be read from it.'),
  c('certificate-unusable', 'meshgw', 'Unusable certificate bundle',
    'Kuma reads the bundle when it generates the gateway\'s configuration and fails on it (no certificate, no private key, several keys, an unsupported key or PEM block): the whole gateway keeps its previous configuration.'),
  c('certificate-hostname-not-covered', 'meshgw', 'Certificate does not cover the hostname',
    'The served certificate\'s names (SANs, or the common name when there are none) do not cover the listener hostname, so clients reject the connection. Kuma does not check this.'),
  c('certificate-expired', 'meshgw', 'Certificate expired',
    'The certificate\'s validity has ended. Kuma serves it anyway; clients reject it.'),
  c('certificate-expiring', 'meshgw', 'Certificate expiring soon',
    'The certificate expires within the warning window (30 days by default, setting `certificateWarningDays`). Renew it before clients start rejecting it.'),
  c('certificate-duplicate', 'meshgw', 'Same secret twice',
    'The listener lists the same secret twice; Kuma fails to generate the gateway with `duplicate TLS certificate`.'),
  c('certificates-same-key-type', 'meshgw', 'Two certificates with the same key type',
    'A listener takes up to two certificates so that it can serve one RSA and one ECDSA certificate. Both have the same key type here, so Envoy serves only one of them.'),
  c('certificate-not-pem', 'meshgw', 'Not PEM',
    'The secret\'s payload is not PEM text, so Kuma finds no certificate in it (`missing server certificate`).'),
  c('certificate-missing-certificate', 'meshgw', 'No certificate in the bundle',
    'The bundle holds no `CERTIFICATE` block; Kuma fails with `missing server certificate`.'),
  c('certificate-missing-private-key', 'meshgw', 'No private key in the bundle',
    'The bundle holds no `PRIVATE KEY` block; Kuma fails with `missing private key`. A gateway certificate secret holds the certificate chain and its key.'),
  c('certificate-multiple-private-keys', 'meshgw', 'Several private keys',
    'The bundle holds more than one private key; Kuma fails with `secret contains multiple private keys`.'),
  c('certificate-unparseable-private-key', 'meshgw', 'Unreadable private key',
    'The private key cannot be parsed (PKCS#1, SEC1 and PKCS#8 are tried; encrypted keys are not supported); Kuma fails with `failed to parse private key`.'),
  c('certificate-unsupported-private-key-type', 'meshgw', 'Unsupported key type',
    'Kuma accepts RSA and ECDSA keys only; an Ed25519 key fails with `unsupported private key type`.'),
  c('certificate-unsupported-pem-block', 'meshgw', 'Unsupported PEM block',
    'The bundle holds a PEM block that is neither a certificate nor a private key (for example `EC PARAMETERS` from `openssl ecparam -genkey`); Kuma fails with `unsupported PEM block`. Remove the block.'),
  c('certificate-unparseable-certificate', 'meshgw', 'Unreadable certificate',
    'A `CERTIFICATE` block cannot be parsed as X.509. Kuma passes the chain to Envoy unparsed, and Envoy rejects it.'),
  c('certificate-leaf-not-first', 'meshgw', 'Server certificate not first',
    'Envoy serves the first certificate of the bundle, but here the first one is a CA certificate. Put the server certificate first, then the chain.'),
  c('certificate-key-does-not-match-leaf', 'meshgw', 'Key does not match the certificate',
    'The private key does not belong to the served certificate, so Envoy rejects the secret. Kuma does not check this.'),

  // Across resources
  c('route-unattached', 'meshgw', 'Route attaches to no listener',
    'No selector of this MeshGatewayRoute is a subset of the final tags (Dataplane, then gateway, then listener tags) of any listener of the mesh\'s gateways in the workspace, so it routes nothing.'),
  c('route-protocol-mismatch', 'meshgw', 'Route protocol does not fit',
    'The route matches only listeners of the other protocol family: `http` routes apply to HTTP and HTTPS listeners, `tcp` routes to TCP and TLS listeners. Kuma ignores it there.'),
  c('route-shadowed', 'meshgw', 'Route ignored because of a Mesh*Route',
    'Once a MeshHTTPRoute (or MeshTCPRoute) applies to a gateway, Kuma ignores MeshGatewayRoutes on its HTTP/HTTPS (or TCP/TLS) listeners.'),
  c('route-gateway-not-found', 'meshgw', 'Route targets an unknown gateway',
    'The route\'s `targetRef.name` names no MeshGateway of its mesh in the workspace, so it attaches to nothing here.'),
  c('dataplane-unbound', 'meshgw', 'Dataplane selected by no gateway',
    'No MeshGateway of the mesh selects this builtin gateway Dataplane, so it gets no listeners. A selector matches when every one of its tags is among the Dataplane\'s gateway tags (`*` matches any value).'),
  c('duplicate-resource', 'meshgw', 'Same resource defined twice',
    'Two documents in the workspace have the same kind, mesh and name, so applying both (`kumactl apply -f`, `kubectl apply -f DIR`, in file order) leaves only one of them: the last one Kuma accepts. meshgw merges that copy and ignores the others; each copy points to the rest. Usually a folder copied to another environment, or an old file left beside the new one.'),
  c('reference-rejected', 'meshgw', 'Uses a resource Kuma refuses',
    'A route, Dataplane or Secret would take part in this gateway (attach to a listener, run the gateway, provide a certificate), but Kuma refuses that resource when it is applied, so it never exists on the control plane and takes no effect here. The message repeats Kuma\'s error for it.'),
  c('dataplane-contested', 'meshgw', 'Dataplane given to another gateway',
    'A selector of this gateway matches a builtin gateway Dataplane, but Kuma gives each Dataplane to exactly one MeshGateway: the one whose best matching selector has the most tags, then the most exact (non-`*`) values; on a tie the gateway created later, then the first by name. This gateway loses the Dataplane, so it does not run there.'),
  c('kind-version', 'meshgw', 'Kind unknown to the target Kuma version',
    'The target Kuma version has no resource type of this kind (MeshHTTPRoute and MeshTCPRoute are newer than Kuma 2.0; the message says from which version): `kumactl apply` refuses the document as an invalid resource type, and meshgw checks nothing else in it. Choose a newer target, or a kind that version has (MeshGatewayRoute).'),
  c('unknown-kind', 'meshgw', 'Unknown resource kind',
    'The document looks like a Kuma resource (a Universal `type` with a `name`, or an `apiVersion` of `kuma.io`), but its kind is not one meshgw knows. Kinds are case-sensitive (`MeshGateway`, not `meshgateway`); a misspelled kind is refused when applied, and meshgw does not check the document.'),

  // Against a control plane
  c('gateway-no-live-dataplane', 'meshgw', 'No dataplane of the control plane runs the gateway',
    'The analysis runs against a control plane (the language server\'s `meshgw.controlPlane`, `meshgw diff`), and no builtin gateway Dataplane registered there matches a selector of this MeshGateway, so once applied it configures nothing: no proxy listens on its ports. Start a builtin gateway proxy (`kuma-dp` with a gateway Dataplane, or a MeshGatewayInstance on Kubernetes) whose gateway tags the selector matches, or fix the selector.'),
  c('differs-from-control-plane', 'meshgw', 'Differs from the control plane',
    'The control plane has a resource with this kind, mesh and name, and applying this file would change what the gateway does (its listeners, certificates, bound dataplanes or routes). The message sums the changes up; the editor\'s command shows them in full, as `meshgw diff` does.'),

  // The project
  c('project-settings', 'meshgw', 'Project settings',
    'A setting in `.meshgw.yaml` that meshgw cannot use: an unknown key, a value of the wrong type, or a Kuma version outside the supported range (2.0 to 2.14). The setting is ignored; the command line stops with exit status 2, the editor shows this diagnostic.'),
] as const satisfies readonly DiagnosticCodeInfo[];

/** Every diagnostic code; a misspelled code fails to compile. */
export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number]['code'];

/** The registry entry of a code; null for a code it does not list. */
export function codeInfo(code: string): DiagnosticCodeInfo | null {
  return (DIAGNOSTIC_CODES as readonly DiagnosticCodeInfo[]).find((info) => info.code === code) ?? null;
}
