# Sourced by scripts/bootstrap.sh. apt_wait CMD...: run an apt-get command, and while another install
# (unattended-upgrades, a second terminal) holds the package manager's lock, wait and try again rather
# than fail at once. apt's own DPkg::Lock::Timeout covers dpkg's lock; this also covers the package
# lists' lock that `apt-get update` takes. Any other failure is reported at once.
apt_wait() {
  local tries="${SPP_APT_LOCK_TRIES:-60}" pause="${SPP_APT_LOCK_PAUSE:-10}" attempt output
  for ((attempt = 1; attempt <= tries; attempt++)); do
    if output=$("$@" 2>&1); then
      [ -z "$output" ] || printf '%s\n' "$output"
      return 0
    fi
    if ! grep -qiE "could not get lock|unable to (acquire|lock)|is another process using it" <<<"$output"; then
      printf '%s\n' "$output" >&2
      return 1
    fi
    [ "$attempt" = 1 ] && echo "Another installation is running; waiting for it to finish..." >&2
    sleep "$pause"
  done
  printf '%s\n' "$output" >&2
  return 1
}
