#!/bin/sh
# Regenerates iotb-probe's TLS cipher-suite table from the local OpenSSL's knowledge of suites
# (IANA code, IANA name, OpenSSL name, protocol, key exchange, authentication, encryption, MAC).
# The export-grade suites OpenSSL dropped long ago are kept by hand in tls-extra-suites.csv.
set -eu
out="$(dirname "$0")/../../main/resources/org/iotb/probe/data/cipher-suites.csv"
{
  echo "code,iana,openssl,protocol,kx,auth,enc,mac"
  openssl ciphers -stdname -V 'ALL:COMPLEMENTOFALL:@SECLEVEL=0' | awk '{
    code=$1; gsub(/0x|,/, "", code);
    # fields: code - iana - openssl proto Kx= Au= Enc= Mac=
    iana=$3; ossl=$5; proto=$6; kx=$7; au=$8; enc=$9; mac=$10;
    sub(/Kx=/,"",kx); sub(/Au=/,"",au); sub(/Enc=/,"",enc); sub(/Mac=/,"",mac);
    printf "%s,%s,%s,%s,%s,%s,%s,%s\n", tolower(code), iana, ossl, proto, kx, au, enc, mac }' | sort
} > "$out"
echo "wrote $(wc -l < "$out") lines to $out"
