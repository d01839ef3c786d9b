#!/bin/sh
# check-chromium.sh: run headless Chromium, with its own sandbox, under the
# sandboxing options of hallcast-kiosk.service / hallcast-screen.service, in
# a transient unit of the calling user's systemd manager, and say whether it
# still renders a page and runs JavaScript. Run it as an unprivileged user
# with a running user manager (a desktop session, or `loginctl
# enable-linger`). Options that drop capabilities (CapabilityBoundingSet=,
# ProtectKernelModules=, ProtectKernelLogs=, ProtectClock=) or set a device
# policy need the system manager; see README.md for how they were checked.
set -u
page=$(mktemp --suffix=.html)
echo '<h1 id=x>hallcast-ok</h1><script>x.textContent+="-js"+(()=>{let s=0;for(let i=0;i<1e6;i++)s+=i;return s>0?"-jit":""})()</script>' >"$page"
try() {
	name=$1; shift
	out=$(timeout 90 systemd-run --user --quiet --wait --pipe --collect "$@" \
		/usr/bin/chromium --headless --disable-gpu --user-data-dir="$(mktemp -d)" --dump-dom "file://$page" 2>/dev/null)
	case $out in *hallcast-ok-js-jit*) echo "works   $name" ;; *) echo "BREAKS  $name" ;; esac
}
try "no hardening"
try "MemoryDenyWriteExecute=yes" -p MemoryDenyWriteExecute=yes
try "RestrictNamespaces=yes" -p RestrictNamespaces=yes
try "SystemCallFilter=@system-service" -p SystemCallFilter=@system-service
for g in mount privileged resources clock cpu-emulation debug module obsolete raw-io reboot swap; do
	try "SystemCallFilter=~@$g" -p "SystemCallFilter=~@$g"
done
try "the units' set" -p NoNewPrivileges=yes -p ProtectSystem=strict -p PrivateTmp=yes -p ProtectKernelTunables=yes \
	-p ProtectControlGroups=yes -p ProtectHostname=yes -p ProtectProc=invisible -p "RestrictNamespaces=user pid net" \
	-p RestrictSUIDSGID=yes -p RestrictRealtime=yes -p LockPersonality=yes -p SystemCallArchitectures=native \
	-p "SystemCallFilter=~@clock @cpu-emulation @debug @module @obsolete @raw-io @reboot @swap" \
	-p "SystemCallFilter=~mount umount2 pivot_root move_mount open_tree fsopen fsconfig fsmount fspick mount_setattr" \
	-p "RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6 AF_NETLINK" -p ProtectHome=tmpfs -p "BindPaths=$HOME" \
	-p "ReadWritePaths=$HOME /tmp" -p RemoveIPC=yes -p UMask=0077
rm -f "$page"
