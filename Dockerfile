# syntax=docker/dockerfile:1

# --- build: the Maven wrapper on a JDK 25 image --------------------------------------------------
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp -q dependency:go-offline
COPY src/ src/
# install: the Spark artifact below builds on the engine jar this installs
RUN ./mvnw -B -ntp -q -DskipTests install && cp target/wordvec.jar /wordvec.jar
# The Spark driver that "engine": "spark" jobs run as a child process: its own jar and lib/, never
# on the service's classpath.
COPY spark/ spark/
RUN ./mvnw -B -ntp -q -DskipTests -f spark/pom.xml package \
    && mkdir -p /spark && cp -r spark/target/wordvec-spark.jar spark/target/lib /spark/

# --- run: a Temurin 25 JRE, non-root ----------------------------------------------------------------
FROM eclipse-temurin:25-jre
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system wordvec \
    && useradd --system --gid wordvec --home-dir /app --shell /usr/sbin/nologin wordvec
WORKDIR /app
COPY --from=build /wordvec.jar /app/wordvec.jar
COPY --from=build /spark/ /app/spark/
COPY --chown=wordvec:wordvec models/ /app/models/
RUN mkdir -p /app/data && chown wordvec:wordvec /app/data

ENV WORDVEC_MODELS_DIR=/app/models \
    WORDVEC_DATA_DIR=/app/data \
    WORDVEC_SPARK_JAR=/app/spark/wordvec-spark.jar \
    JAVA_OPTS="-XX:MaxRAMPercentage=75"
VOLUME ["/app/models", "/app/data"]
USER wordvec
EXPOSE 8080

HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
    CMD curl -fsS http://localhost:8080/actuator/health/readiness || exit 1

# The Vector API module turns on the SIMD kernels; without it wordvec falls back to scalar code.
ENTRYPOINT ["sh", "-c", "exec java --add-modules jdk.incubator.vector $JAVA_OPTS -jar /app/wordvec.jar \"$@\"", "wordvec"]
