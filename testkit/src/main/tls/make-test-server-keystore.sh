#!/bin/sh
# Regenerates the self-signed certificate the testkit's HTTPS WireMock server presents.
# The certificate names 127.0.0.1 and localhost as subject alternative names, so clients keep
# hostname verification on; it is valid for 100 years so the tests never expire.
# Run with a JDK's keytool on the PATH; it writes both files into src/main/resources/dev/sigil/testkit/tls,
# commit them.
cd "$(dirname "$0")/../resources/dev/sigil/testkit/tls"
set -eu
rm -f test-server.p12 test-server.crt
keytool -genkeypair -alias test-server -keyalg EC -groupname secp256r1 -sigalg SHA256withECDSA \
  -dname "CN=Sigil testkit server" -ext "SAN=ip:127.0.0.1,dns:localhost" \
  -validity 36500 -storetype PKCS12 -keystore test-server.p12 -storepass changeit -keypass changeit
keytool -exportcert -rfc -alias test-server -keystore test-server.p12 -storepass changeit -file test-server.crt
