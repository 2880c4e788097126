# Sourced by ./run-local, ./bench and .ci/run: exports JAVA_HOME as a JDK 21 or newer, or exits with a clear message.
# Preference: JAVA_HOME if it is 21+, then the java on the PATH if it is 21+, then the newest 21+ JDK in /usr/lib/jvm.

# The major Java version of a java executable ("21", "25"), or nothing if it does not run.
java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version =/ {print $2}' |
    awk -F. '{print ($1 == 1 ? $2 : $1)}'
}

# True when the directory holds a JDK (java and javac, since Maven compiles) of version 21 or newer.
is_jdk21() {
  local major
  [[ -x "$1/bin/java" && -x "$1/bin/javac" ]] || return 1
  major=$(java_major "$1/bin/java")
  [[ -n "$major" ]] && (( major >= 21 ))
}

# JAVA_HOME if it is 21+, else the java on the PATH if it is 21+, else the newest 21+ JDK under /usr/lib/jvm.
pick_java_home() {
  local path_home candidate best="" best_major=0 major
  if [[ -n "${JAVA_HOME:-}" ]] && is_jdk21 "$JAVA_HOME"; then
    echo "$JAVA_HOME"
    return
  fi
  if command -v java >/dev/null; then
    path_home=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.home =/ {print $2}')
    if [[ -n "$path_home" ]] && is_jdk21 "$path_home"; then
      echo "$path_home"
      return
    fi
  fi
  for candidate in /usr/lib/jvm/*; do
    is_jdk21 "$candidate" || continue
    major=$(java_major "$candidate/bin/java")
    if (( major > best_major )); then
      best=$candidate
      best_major=$major
    fi
  done
  [[ -n "$best" ]] && echo "$best"
}

JAVA_HOME=$(pick_java_home) || true
if [[ -z "${JAVA_HOME:-}" ]]; then
  echo "This project needs a JDK 21 or newer: set JAVA_HOME to one, or put its java on the PATH." >&2
  exit 1
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
