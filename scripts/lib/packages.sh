# Sourced by scripts/test, scripts/soak and bench/lib.sh: one way to make sure a Debian package's tool is there.

# need_package WHO WHAT PACKAGE [PURPOSE]: WHAT (a command on PATH, or a file when it starts with /) present, else
# installed from Debian's PACKAGE when running as root with apt-get (the package lists refreshed once, when an
# install first fails), else a message on standard error naming the package and what it is for. Returns 1 when
# WHAT is still missing; every line it prints names WHO (the script or section).
need_package() {
  local who=$1 what=$2 package=$3 purpose=${4:-$2}
  has_tool "$what" && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "== $who: installing $package ($purpose)"
    if ! apt_install "$package" && [ "${package_lists_updated:-0}" = 0 ]; then
      apt-get update -qq >/dev/null 2>&1 || true
      package_lists_updated=1
      apt_install "$package" || true
    fi
  fi
  has_tool "$what" && return 0
  echo "$who: $package is missing and could not be installed (apt-get install $package): $purpose" >&2
  return 1
}

apt_install() { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null 2>&1; }
has_tool() { case "$1" in /*) [ -e "$1" ] ;; *) command -v "$1" >/dev/null 2>&1 ;; esac; }
