# One image for every process: gunicorn by default; the same image runs the worker and beat:
#   docker run IMAGE celery -A config worker --loglevel=INFO
#   docker run IMAGE celery -A config beat --loglevel=INFO
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_DEBUG=false \
    CLAIMTRACKER_VAR_DIR=/app/var

WORKDIR /app
COPY requirements.txt .
RUN pip install --require-hashes -r requirements.txt

RUN useradd --create-home --uid 10001 claimtracker
COPY --chown=claimtracker:claimtracker . .
# collectstatic needs a key to import settings; this one is thrown away with the build layer.
# The project's bytecode is compiled here, once: with PYTHONDONTWRITEBYTECODE every process
# (each gunicorn worker, worker child and command) would otherwise compile it again.
RUN DJANGO_SECRET_KEY=collectstatic-only python manage.py collectstatic --noinput \
    && python -m compileall -q manage.py config claims sources \
    && mkdir -p /app/var && chown -R claimtracker:claimtracker /app/var

USER claimtracker
EXPOSE 8000
CMD ["gunicorn", "config.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
