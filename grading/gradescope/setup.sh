#!/usr/bin/env bash
# Gradescope runs this once, when it builds the autograder's image (Ubuntu): the JDK, Maven and
# Python, then the grader and the labs' suites built, which fetches every Maven dependency now,
# not while a student waits. The repository is /autograder/source (the zip's contents).
set -euo pipefail
apt-get update
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends openjdk-17-jdk-headless maven python3
cd /autograder/source
if [ -x ./mvnw ]; then mvn=./mvnw; else mvn=mvn; fi
"$mvn" -q -pl grader -am test-compile -Djacoco.skip=true
