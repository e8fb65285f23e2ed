#!/bin/sh
# Builds the lab's MTA roots (Debian bookworm, one chroot per MTA: their packages conflict as
# mail-transport-agents). Needs root, debootstrap and Debian's mirror; run once, re-runs skip
# what exists. Usage: scripts/mta-lab/setup-roots.sh [ROOTS] (default /work/mta-lab-roots).
set -eu
ROOTS=${1:-${MTA_LAB_ROOTS:-/work/mta-lab-roots}}
MIRROR=${MTA_LAB_MIRROR:-http://deb.debian.org/debian}
mkdir -p "$ROOTS"

if [ ! -x "$ROOTS/base/usr/bin/apt-get" ]; then
  debootstrap --variant=minbase bookworm "$ROOTS/base" "$MIRROR"
fi

# mta-name:packages (the lab's names, the Debian packages that bring each MTA)
for spec in \
  postfix:postfix \
  exim:exim4-daemon-light \
  opensmtpd:opensmtpd \
  sendmail:"sendmail-bin sendmail-cf m4 make" \
  courier:"courier-mta"; do
  name=${spec%%:*}
  packages=${spec#*:}
  root="$ROOTS/$name"
  [ -e "$root/.mta-lab-ready" ] && continue
  rm -rf "$root"
  cp -a "$ROOTS/base" "$root"
  # No service may start inside the chroot while packages install; the lab starts each MTA itself.
  printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
  chmod +x "$root/usr/sbin/policy-rc.d"
  cp /etc/resolv.conf "$root/etc/resolv.conf" # the lab replaces it with its loopback resolver
  mount -t proc proc "$root/proc"
  trap 'umount "$root/proc" 2>/dev/null || true' EXIT
  echo "postfix postfix/main_mailer_type select Local only" | chroot "$root" debconf-set-selections
  echo "postfix postfix/mailname string mta-lab.example" | chroot "$root" debconf-set-selections
  echo "mta-lab.example" >"$root/etc/mailname"
  DEBIAN_FRONTEND=noninteractive chroot "$root" apt-get update -q
  # shellcheck disable=SC2086 # the package list is meant to split
  # netbase: /etc/services, where the MTAs look up the "smtp" port.
  DEBIAN_FRONTEND=noninteractive chroot "$root" apt-get install -y -q --no-install-recommends netbase $packages
  chroot "$root" apt-get clean
  umount "$root/proc"
  trap - EXIT
  touch "$root/.mta-lab-ready"
done
echo "roots ready under $ROOTS"
