"""Every metric labelled with the instance that serves it, when several serve one bot.

Prometheus scrapes each instance on its own, but a dashboard that sums over
them, or a Pushgateway in between, cannot tell them apart without a label of
their own. The metrics keep their one registry per app (``bot.metrics``); this
wraps it at exposition time. Prometheus keeps its own ``instance`` label (the
scrape address) and stores this one as ``exported_instance``, unless a scrape job
sets ``honor_labels: true`` (``config/prometheus/prometheus.yml`` does not: the
scheduler's ``job`` label would replace the job); either way the series stay apart.
"""

from __future__ import annotations

from collections.abc import Iterator

from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.metrics_core import Metric
from prometheus_client.registry import Collector

LABEL = "instance"


class _Labelled(Collector):
    def __init__(self, inner: CollectorRegistry, instance: str) -> None:
        self.inner = inner
        self.instance = instance

    def collect(self) -> Iterator[Metric]:
        for family in self.inner.collect():
            family.samples = [
                sample._replace(labels={**sample.labels, LABEL: self.instance})
                for sample in family.samples
            ]
            yield family


def labelled_registry(inner: CollectorRegistry, instance: str) -> CollectorRegistry:
    """A registry that exposes ``inner``'s metrics, each with ``instance="<instance>"``."""
    outer = CollectorRegistry(auto_describe=False)
    outer.register(_Labelled(inner, instance))
    return outer


def render(registry: CollectorRegistry) -> bytes:
    return generate_latest(registry)
