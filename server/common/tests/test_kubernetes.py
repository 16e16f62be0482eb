"""deploy/kubernetes/ validated offline against the Kubernetes schemas kubernetes-validate bundles (no cluster
exists here), and checked for what the topology needs: probes, a PDB and HPA for the API, one beat, a
migration Job, and the settings the rest of the deployment agrees on."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import kubernetes_validate
import pytest
import yaml

REPO = Path(__file__).resolve().parents[3]
MANIFESTS = sorted((REPO / "deploy" / "kubernetes").glob("*.yaml"))


def _resources() -> dict[tuple[str, str], dict[str, Any]]:
    resources = {}
    for path in MANIFESTS:
        for document in yaml.safe_load_all(path.read_text()):
            resources[(document["kind"], document["metadata"]["name"])] = document
    return resources


@pytest.mark.parametrize("path", MANIFESTS, ids=lambda path: path.name)
def test_every_manifest_is_valid_against_the_kubernetes_schemas(path: Path) -> None:
    version = kubernetes_validate.latest_version()
    for document in yaml.safe_load_all(path.read_text()):
        kubernetes_validate.validate(document, version, strict=True)  # raises on any error


def test_the_validator_rejects_what_kubernetes_would() -> None:
    version = kubernetes_validate.latest_version()
    deployment = _resources()[("Deployment", "contractfirst-api")]
    typo = {**deployment, "spec": {**deployment["spec"], "replicaz": 3}}
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(typo, version, strict=True)


def _container(resource: dict[str, Any]) -> dict[str, Any]:
    container: dict[str, Any] = resource["spec"]["template"]["spec"]["containers"][0]
    return container


def test_the_api_is_probed_scaled_and_protected_from_disruption() -> None:
    resources = _resources()
    api = resources[("Deployment", "contractfirst-api")]
    container = _container(api)
    assert container["livenessProbe"]["httpGet"]["path"] == "/health/live"
    assert container["readinessProbe"]["httpGet"]["path"] == "/health/ready"
    assert container["readinessProbe"]["timeoutSeconds"] >= 1  # /health/ready answers within a second
    assert "command" not in container  # the image's CMD: gunicorn with server/config/gunicorn.conf.py
    assert api["spec"]["strategy"]["rollingUpdate"]["maxUnavailable"] == 0
    # Room for preStop and gunicorn's graceful_timeout (30 s) before SIGKILL.
    pre_stop = container["lifecycle"]["preStop"]["sleep"]["seconds"]
    assert api["spec"]["template"]["spec"]["terminationGracePeriodSeconds"] > 30 + pre_stop
    hpa = resources[("HorizontalPodAutoscaler", "contractfirst-api")]
    assert hpa["spec"]["scaleTargetRef"]["name"] == "contractfirst-api"
    assert hpa["spec"]["minReplicas"] >= 2
    pdb = resources[("PodDisruptionBudget", "contractfirst-api")]
    assert pdb["spec"]["selector"]["matchLabels"] == api["spec"]["selector"]["matchLabels"]
    assert pdb["spec"]["minAvailable"] < hpa["spec"]["minReplicas"]  # a drain can always proceed


def test_workers_beat_and_migrations() -> None:
    resources = _resources()
    worker = _container(resources[("Deployment", "contractfirst-worker")])
    assert worker["command"][:5] == ["celery", "-A", "server.config.celery", "worker", "--loglevel"]
    assert "--beat" not in worker["command"]
    beat = resources[("Deployment", "contractfirst-beat")]
    assert beat["spec"]["replicas"] == 1
    assert beat["spec"]["strategy"]["type"] == "Recreate"  # never two at once
    assert _container(beat)["command"][3] == "beat"
    job = resources[("Job", "contractfirst-migrate")]
    assert "migrate" in _container(job)["command"]
    for resource in (beat, job, resources[("Deployment", "contractfirst-api")]):
        sources = {next(iter(ref.values()))["name"] for ref in _container(resource)["envFrom"]}
        assert sources == {"contractfirst-config", "contractfirst-secrets"}


def test_the_edge_agrees_with_the_api_settings() -> None:
    resources = _resources()
    config = resources[("ConfigMap", "contractfirst-config")]["data"]
    ingress = resources[("Ingress", "contractfirst")]
    annotations = ingress["metadata"]["annotations"]
    assert annotations["nginx.ingress.kubernetes.io/proxy-body-size"] == config["REQUEST_MAX_BODY_BYTES"]
    assert annotations["nginx.ingress.kubernetes.io/proxy-request-buffering"] == "on"
    assert annotations["nginx.ingress.kubernetes.io/proxy-buffering"] == "on"
    assert int(annotations["nginx.ingress.kubernetes.io/proxy-read-timeout"]) > 30  # gunicorn's timeout
    assert config["THROTTLE_NUM_PROXIES"] == "1" and config["TRUSTED_PROXIES"]
    assert config["DJANGO_SETTINGS_MODULE"] == "server.config.settings.production"
    assert "DJANGO_SECRET_KEY" not in config  # secrets come from the Secret
