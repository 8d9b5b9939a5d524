#!/bin/sh
# Regenerates the test certificates in this folder (JDK 17 keytool, no BouncyCastle, no openssl;
# the ML-DSA ones with a JDK 24+ keytool, e.g. JDK24=/usr/lib/jvm/temurin-25-jdk-amd64 ./make-certificates.sh).
# The private keys live only in a throwaway keystore that is deleted at the end.
set -eu
cd "$(dirname "$0")"
ks=$(mktemp -u /tmp/sigil-test-XXXXXX.p12)
gen() { # alias, keytool key options...
    alias=$1; shift
    keytool -genkeypair -keystore "$ks" -storetype PKCS12 -storepass changeit -alias "$alias" \
        -dname "CN=sigil test $alias" -validity 36500 "$@"
    keytool -exportcert -keystore "$ks" -storepass changeit -alias "$alias" -file "$alias.der"
    java ExportJwk.java "$alias.der" "$alias.jwk.properties"
}
gen rsa-2048 -keyalg RSA -keysize 2048 -sigalg SHA256withRSA
gen ec-p256 -keyalg EC -groupname secp256r1 -sigalg SHA256withECDSA
gen ed25519 -keyalg Ed25519
# ML-DSA (RFC 9881 certificates, RFC 9964 keys) needs a JDK 24+ keytool and java: set JDK24 to one.
if [ -n "${JDK24:-}" ]; then
    for set in 44 65 87; do
        PATH="$JDK24/bin:$PATH" gen mldsa-$set -keyalg ML-DSA-$set
    done
else
    echo "mldsa-*.der not regenerated: set JDK24 to a JDK 24 or later (keytool -keyalg ML-DSA-65)" >&2
fi
rm -f "$ks"
