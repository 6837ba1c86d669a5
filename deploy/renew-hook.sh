#!/bin/sh
# certbot deploy hook: copies the renewed Let's Encrypt certificate where the signaling
# server and coturn read it, then has both take it. Install with:
#   sudo install -m 755 renew-hook.sh /etc/letsencrypt/renewal-hooks/deploy/greenroom.sh
# and run it once by hand after the first certificate: sudo RENEWED_LINEAGE=/etc/letsencrypt/live/signal.example.com /etc/letsencrypt/renewal-hooks/deploy/greenroom.sh
set -eu
lineage="${RENEWED_LINEAGE:?run by certbot, or set RENEWED_LINEAGE=/etc/letsencrypt/live/<name>}"
install -d -m 750 -o root -g greenroom /etc/greenroom/tls
install -m 644 -o root -g greenroom "$lineage/fullchain.pem" /etc/greenroom/tls/fullchain.pem
install -m 640 -o root -g greenroom "$lineage/privkey.pem" /etc/greenroom/tls/privkey.pem
# The signaling server reads the files again on reload; calls in progress go on.
systemctl reload greenroom-signal 2>/dev/null || true
# coturn reads its certificate at start: restart it (a call relayed at that moment reconnects).
systemctl restart coturn 2>/dev/null || true
