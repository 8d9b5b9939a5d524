#!/bin/sh
# Regenerates the test certificates in this folder (JDK 17 keytool, no BouncyCastle, no openssl).
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
rm -f "$ks"
