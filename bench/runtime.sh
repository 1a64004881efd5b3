# Sourced by the benchmarks that run the console's own classes in a JVM of theirs (a window's benchmark class, the
# start's probe). bench_java_of WAY sets the array bench_java to the java command, its options and class path (the
# class to run follows): WAY jar is the java on the PATH with the jar and the options `java -jar` gives its window's
# JVM (decision 0029: the app image launcher's, and the jar's class data sharing archive, made first if need be, in
# the data folder); WAY jar1 is the same java and jar with no option, a window in the JVM `java -jar` starts, as
# before 0029 (and as the commands run); WAY image is the app image's runtime with its launcher's options and class
# path (installer/target/jpackage, or $IMAGE; built by mvn -B -q package -DskipTests -Pinstaller), as the installed
# console runs; it returns 1 when no image is built. app/target/test-classes (the benchmark classes) ends the class
# path, and $JAVA_OPTS adds options. Sourcing it also sets bench_java for RUNTIME (jar, the default, jar1 or image),
# and stops when that cannot be.
JAR=${JAR:-app/target/tpm-console.jar}
bench_java_of() {
  case "$1" in
    jar)
      local -a window
      mapfile -t window < <(java -cp "$JAR:app/target/test-classes" dev.tpmconsole.app.JarWindowOptions "$JAR")
      bench_java=(java "${window[@]}" ${JAVA_OPTS:-} -cp "$JAR:app/target/test-classes") ;;
    jar1)
      bench_java=(java ${JAVA_OPTS:-} -cp "$JAR:app/target/test-classes") ;;
    image)
      local image=${IMAGE:-installer/target/jpackage/tpm-console} app cp
      [ -x "$image/bin/tpm-console" ] || return 1
      app=$(cd "$image/lib/app" && pwd)
      cp=$(sed -n 's/^app.classpath=\$APPDIR/'"${app//\//\\/}"'/p' "$app/tpm-console.cfg" | paste -sd:)
      local -a opts
      mapfile -t opts < <(sed -n 's/^java-options=//p' "$app/tpm-console.cfg" | sed "s|\$APPDIR|$app|g")
      bench_java=("$image/lib/runtime/bin/java" "${opts[@]}" ${JAVA_OPTS:-} -cp "$cp:$PWD/app/target/test-classes") ;;
    *) echo "RUNTIME must be jar, jar1 or image" >&2; return 2 ;;
  esac
}
RUNTIME=${RUNTIME:-jar}
bench_java_of "$RUNTIME" || {
  [ $? = 1 ] && echo "RUNTIME=image: no app image (mvn -B -q package -DskipTests -Pinstaller)" >&2
  exit 1
}
echo "runtime: $RUNTIME (${bench_java[0]})"
