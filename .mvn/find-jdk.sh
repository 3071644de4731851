# Sourced by ./mvnw, ./envhub and .ci/run: make JAVA_HOME point at a JDK of 21 or newer.
# The machine's default java may be older (17), so look in the usual places when it is.
envhub_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}
envhub_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(envhub_java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    return 0
  fi
  for candidate in "$(dirname "$(dirname "$(readlink -f "$(command -v javac 2>/dev/null || echo /nonexistent)")")")" \
                   /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/*; do
    if [ -x "$candidate/bin/javac" ] && [ "$(envhub_java_major "$candidate")" -ge 21 ] 2>/dev/null; then
      JAVA_HOME="$candidate"; export JAVA_HOME; return 0
    fi
  done
  echo "envhub: no JDK 21 or newer found; install one (e.g. apt-get install openjdk-21-jdk) or set JAVA_HOME" >&2
  return 1
}
envhub_find_jdk || exit 1
