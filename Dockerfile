# Storybot in a small image: build a venv in one stage, copy only the venv into the next.
#   docker build -t storybot .
#   docker run -d --name storybot --env-file storybot.env -v storybot-data:/data \
#     -p 127.0.0.1:8080:8080 storybot
# All configuration comes from the environment (STORYBOT_...); no secret is baked in.
ARG PYTHON_IMAGE=python:3.12-slim

FROM ${PYTHON_IMAGE} AS build
ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /opt/storybot/venv
WORKDIR /src
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY adapters ./adapters
COPY storage ./storage
RUN /opt/storybot/venv/bin/pip install .

FROM ${PYTHON_IMAGE}
# A fixed numeric id, so that orchestrators can check "runs as non-root" without a passwd file.
RUN groupadd --system --gid 10001 storybot \
    && useradd --system --uid 10001 --gid storybot --no-create-home \
       --home-dir /nonexistent --shell /usr/sbin/nologin storybot \
    && install -d -o storybot -g storybot -m 0700 /data
COPY --from=build /opt/storybot/venv /opt/storybot/venv
ENV PATH=/opt/storybot/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    STORYBOT_DATABASE_PATH=/data/storybot.db \
    STORYBOT_HTTP__HOST=0.0.0.0 \
    STORYBOT_HTTP__PORT=8080
# A named volume starts as a copy of this directory, so it is owned by storybot too.
VOLUME ["/data"]
USER 10001:10001
EXPOSE 8080
# The slim image has no curl: ask /healthz with the standard library (a non-2xx status raises).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:' + os.environ.get('STORYBOT_HTTP__PORT', '8080') + '/healthz', timeout=4)"]
ENTRYPOINT ["storybot"]
CMD ["run"]
