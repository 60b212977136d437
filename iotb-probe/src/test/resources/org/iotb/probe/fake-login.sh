#!/bin/sh
# A device-style telnet login for tests: accepts only admin/admin1234, answers every guess at once.
printf 'IoTCam login: '
read -r user
printf 'Password: '
read -r pass
user=$(printf '%s' "$user" | tr -d '\r')
pass=$(printf '%s' "$pass" | tr -d '\r')
if [ "$user" = "admin" ] && [ "$pass" = "admin1234" ]; then
  printf '\r\nBusyBox v1.36.1 built-in shell (ash)\r\n# '
  read -r cmd
  exit 0
fi
printf '\r\nLogin incorrect\r\n'
exit 1
