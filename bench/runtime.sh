# Sourced by the benchmarks that run the console's own classes in a JVM of theirs (a window's benchmark class):
# sets the array bench_java to the java command and class path to run them with, after $JAR and before the class.
# RUNTIME=jar (the default): the java on the PATH with the jar, as `java -jar` runs the console.
# RUNTIME=image: the app image's runtime with its launcher's options and class path (installer/target/jpackage, or
# $IMAGE; build it with mvn -B -q package -DskipTests -Pinstaller), as the installed console runs.
# Either way app/target/test-classes (the benchmark classes) follows the class path, and $JAVA_OPTS the options.
RUNTIME=${RUNTIME:-jar}
case "$RUNTIME" in
  jar)
    bench_java=(java ${JAVA_OPTS:-} -cp "$JAR:app/target/test-classes") ;;
  image)
    bench_image=${IMAGE:-installer/target/jpackage/tpm-console}
    [ -x "$bench_image/bin/tpm-console" ] || { echo "RUNTIME=image: no app image in $bench_image (mvn -B -q package -DskipTests -Pinstaller)" >&2; exit 1; }
    bench_app=$(cd "$bench_image/lib/app" && pwd)
    bench_cp=$(sed -n 's/^app.classpath=\$APPDIR/'"${bench_app//\//\\/}"'/p' "$bench_app/tpm-console.cfg" | paste -sd:)
    mapfile -t bench_opts < <(sed -n 's/^java-options=//p' "$bench_app/tpm-console.cfg" | sed "s|\$APPDIR|$bench_app|g")
    bench_java=("$bench_image/lib/runtime/bin/java" "${bench_opts[@]}" ${JAVA_OPTS:-} -cp "$bench_cp:$PWD/app/target/test-classes") ;;
  *) echo "RUNTIME must be jar or image" >&2; exit 1 ;;
esac
echo "runtime: $RUNTIME (${bench_java[0]})"
