#!/usr/bin/env bash
# Regenerates every certificate and private key in examples/certs/ and
# refreshes the base64 payloads of the Secret documents that embed them.
#
# Throwaway example material for tests only. Needs OpenSSL 3.x.
#
# Validity windows are fixed dates (openssl ca -startdate/-enddate), so the
# expired and expiring certificates stay expired/expiring whatever day this runs:
#   example CA and normal leaves  2025-01-01 .. 2099-12-31 / 2095-12-31
#   old.example.com (expired)     2023-01-01 .. 2024-01-01
#   promo.example.com (expiring)  2025-01-10 .. 2027-01-10
#
# Usage: examples/certs/make.sh   (from anywhere)
set -euo pipefail

CERTS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
EXAMPLES="$(dirname "$CERTS")"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

mkdir -p "$WORK/newcerts" "$CERTS/bundles"
: > "$WORK/index.txt"
echo 1000 > "$WORK/serial"

cat > "$WORK/ca.cnf" <<CNF
[ ca ]
default_ca = example_ca

[ example_ca ]
dir            = $WORK
database       = \$dir/index.txt
new_certs_dir  = \$dir/newcerts
serial         = \$dir/serial
default_md     = sha256
policy         = policy_anything
unique_subject = no
email_in_dn    = no
copy_extensions = none

[ policy_anything ]
organizationName = optional
commonName       = supplied

[ req ]
distinguished_name = dn
prompt             = no

[ dn ]
CN = placeholder

[ v3_ca ]
basicConstraints       = critical, CA:TRUE, pathlen:0
keyUsage               = critical, keyCertSign, cRLSign
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always
CNF

CA_START=20250101000000Z
CA_END=20991231235959Z
LEAF_START=20250101000000Z
LEAF_END=20951231235959Z

# --- example CA (RSA 2048, self-signed) --------------------------------------
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$CERTS/ca.key" 2>/dev/null
openssl req -new -config "$WORK/ca.cnf" -key "$CERTS/ca.key" \
  -subj "/O=Example Org/CN=Example Gateway CA" -out "$WORK/ca.csr"
openssl ca -batch -notext -config "$WORK/ca.cnf" -selfsign \
  -keyfile "$CERTS/ca.key" -in "$WORK/ca.csr" -out "$CERTS/ca.crt" \
  -extensions v3_ca -startdate "$CA_START" -enddate "$CA_END" -preserveDN 2>/dev/null

# key NAME rsa|ecdsa  -> certs/NAME.key (RSA: PKCS#8 "PRIVATE KEY"; ECDSA P-256: SEC1 "EC PRIVATE KEY")
key() {
  case "$2" in
    rsa)   openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$CERTS/$1.key" 2>/dev/null ;;
    ecdsa) openssl ecparam -name prime256v1 -genkey -noout -out "$CERTS/$1.key" ;;
  esac
}

# leaf NAME KEYFILE rsa|ecdsa START END DNS...  -> certs/NAME.crt signed by the example CA
leaf() {
  local name="$1" keyfile="$2" type="$3" start="$4" end="$5"; shift 5
  local san="" usage="digitalSignature" cn="$1"
  for h in "$@"; do san="${san:+$san,}DNS:$h"; done
  [ "$type" = rsa ] && usage="digitalSignature, keyEncipherment"
  cat > "$WORK/$name.ext" <<EXT
[ leaf ]
basicConstraints       = critical, CA:FALSE
keyUsage               = critical, $usage
extendedKeyUsage       = serverAuth
subjectAltName         = $san
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid
EXT
  openssl req -new -config "$WORK/ca.cnf" -key "$keyfile" \
    -subj "/O=Example Org/CN=$cn" -out "$WORK/$name.csr"
  openssl ca -batch -notext -config "$WORK/ca.cnf" \
    -cert "$CERTS/ca.crt" -keyfile "$CERTS/ca.key" \
    -in "$WORK/$name.csr" -out "$CERTS/$name.crt" \
    -extfile "$WORK/$name.ext" -extensions leaf \
    -startdate "$start" -enddate "$end" -preserveDN 2>/dev/null
}

# good NAME rsa|ecdsa DNS...  -> key + long-lived leaf
good() {
  local name="$1" type="$2"; shift 2
  key "$name" "$type"
  leaf "$name" "$CERTS/$name.key" "$type" "$LEAF_START" "$LEAF_END" "$@"
}

# --- certificates used by the valid examples -----------------------------------
good secure.example.com-rsa   rsa   secure.example.com
good secure.example.com-ecdsa ecdsa secure.example.com
good broker.example.com-ecdsa ecdsa broker.example.com
good shop.example.com-rsa     rsa   shop.example.com
good shop.example.com-ecdsa   ecdsa shop.example.com

# leaf + key
cat "$CERTS/secure.example.com-rsa.crt" "$CERTS/secure.example.com-rsa.key" > "$CERTS/bundles/secure-example-com-rsa.pem"
# leaf + CA chain + key (the server certificate comes first)
cat "$CERTS/secure.example.com-ecdsa.crt" "$CERTS/ca.crt" "$CERTS/secure.example.com-ecdsa.key" > "$CERTS/bundles/secure-example-com-ecdsa.pem"
cat "$CERTS/broker.example.com-ecdsa.crt" "$CERTS/broker.example.com-ecdsa.key" > "$CERTS/bundles/broker-example-com-ecdsa.pem"
cat "$CERTS/shop.example.com-rsa.crt" "$CERTS/shop.example.com-rsa.key" > "$CERTS/bundles/shop-example-com-rsa.pem"
cat "$CERTS/shop.example.com-ecdsa.crt" "$CERTS/shop.example.com-ecdsa.key" > "$CERTS/bundles/shop-example-com-ecdsa.pem"

# --- certificates used by examples/broken/ ------------------------------------
# two RSA certificates for one listener (the old one and its renewal)
good api.example.com-rsa         rsa api.example.com
good api.example.com-rsa-renewed rsa api.example.com
cat "$CERTS/api.example.com-rsa.crt" "$CERTS/api.example.com-rsa.key" > "$CERTS/bundles/api-example-com-rsa.pem"
cat "$CERTS/api.example.com-rsa-renewed.crt" "$CERTS/api.example.com-rsa-renewed.key" > "$CERTS/bundles/api-example-com-rsa-renewed.pem"

# not PEM: the certificate in DER form
good media.example.com-rsa rsa media.example.com
openssl x509 -in "$CERTS/media.example.com-rsa.crt" -outform DER -out "$CERTS/bundles/media-example-com.der"

# certificate only, no private key
good blog.example.com-ecdsa ecdsa blog.example.com
cp "$CERTS/blog.example.com-ecdsa.crt" "$CERTS/bundles/blog-example-com.pem"

# two private keys (leaf + its key + an unrelated second key)
good wiki.example.com-rsa rsa wiki.example.com
key wiki.example.com-extra ecdsa
cat "$CERTS/wiki.example.com-rsa.crt" "$CERTS/wiki.example.com-rsa.key" "$CERTS/wiki.example.com-extra.key" > "$CERTS/bundles/wiki-example-com.pem"

# key written by 'openssl ecparam -genkey' without -noout: EC PARAMETERS block before the key
openssl ecparam -name prime256v1 -genkey -out "$CERTS/chat.example.com-ecdsa.key"
leaf chat.example.com-ecdsa "$CERTS/chat.example.com-ecdsa.key" ecdsa "$LEAF_START" "$LEAF_END" chat.example.com
cat "$CERTS/chat.example.com-ecdsa.crt" "$CERTS/chat.example.com-ecdsa.key" > "$CERTS/bundles/chat-example-com.pem"

# CA certificate first, server certificate second
good docs.example.com-rsa rsa docs.example.com
cat "$CERTS/ca.crt" "$CERTS/docs.example.com-rsa.crt" "$CERTS/docs.example.com-rsa.key" > "$CERTS/bundles/docs-example-com.pem"

# certificate with the private key of another certificate
good billing.example.com-rsa rsa billing.example.com
key billing.example.com-other rsa
cat "$CERTS/billing.example.com-rsa.crt" "$CERTS/billing.example.com-other.key" > "$CERTS/bundles/billing-example-com.pem"

# expired
key old.example.com-rsa rsa
leaf old.example.com-rsa "$CERTS/old.example.com-rsa.key" rsa 20230101000000Z 20240101000000Z old.example.com
cat "$CERTS/old.example.com-rsa.crt" "$CERTS/old.example.com-rsa.key" > "$CERTS/bundles/old-example-com.pem"

# expiring on 2027-01-10
key promo.example.com-ecdsa ecdsa
leaf promo.example.com-ecdsa "$CERTS/promo.example.com-ecdsa.key" ecdsa 20250110000000Z 20270110000000Z promo.example.com
cat "$CERTS/promo.example.com-ecdsa.crt" "$CERTS/promo.example.com-ecdsa.key" > "$CERTS/bundles/promo-example-com.pem"

# certificate for other names than the listener hostname (checkout.example.com)
good www.example.org-rsa rsa www.example.org example.org
cat "$CERTS/www.example.org-rsa.crt" "$CERTS/www.example.org-rsa.key" > "$CERTS/bundles/www-example-org.pem"

# --- refresh the Secret documents ---------------------------------------------
# A line '# pem-bundle: certs/bundles/NAME' is followed by the line holding the
# base64 payload ('data: ...' on Universal, 'value: ...' on Kubernetes).
{ grep -rl --include='*.yaml' '# pem-bundle: ' "$EXAMPLES" || true; } | while read -r file; do
  awk -v root="$EXAMPLES" '
    /# pem-bundle: / {
      src = $NF; print
      if ((getline line) <= 0) exit
      match(line, /^[ \t]*[A-Za-z.]+: /)
      cmd = "base64 -w0 < \"" root "/" src "\""
      b64 = ""; cmd | getline b64; close(cmd)
      print substr(line, 1, RLENGTH) b64
      next
    }
    { print }' "$file" > "$WORK/refresh.yaml"
  cat "$WORK/refresh.yaml" > "$file"
done

rm -f "$CERTS"/*.csr
echo "certificates written to $CERTS"
