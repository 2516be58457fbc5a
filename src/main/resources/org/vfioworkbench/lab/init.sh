#!/bin/busybox sh
# Kernel lab guest init: mount the host's root read-only over 9p, chroot into it and run the
# lab script named on the kernel command line, then power off.
/bin/busybox mkdir -p /proc /sys /dev /host
/bin/busybox mount -t proc proc /proc
/bin/busybox mount -t sysfs sysfs /sys
/bin/busybox mount -t devtmpfs devtmpfs /dev
for arg in $(/bin/busybox cat /proc/cmdline); do
  case "$arg" in lab.script=*) script="${arg#lab.script=}" ;; esac
done
if /bin/busybox mount -t 9p -o trans=virtio,version=9p2000.L,ro,cache=loose,msize=512000 \
    hostroot /host; then
  /bin/busybox mount -t proc proc /host/proc
  /bin/busybox mount -t sysfs sysfs /host/sys
  /bin/busybox mount -t devtmpfs devtmpfs /host/dev
  /bin/busybox mount -t tmpfs tmpfs /host/run
  /bin/busybox chroot /host /bin/sh "$script"
  echo "lab-init: script exited $?"
else
  echo "lab-init: cannot mount the host root over 9p"
fi
/bin/busybox sync
/bin/busybox reboot -f
