"""The benchmark fleet: docker runners with services, an S3 cache and five environment
entries, every tenth runner a Kubernetes one. The Node bench builds the same shape."""

from __future__ import annotations

from wetwire_gitlab.runner_config import (
    CacheConfig,
    CacheS3Config,
    Config,
    DockerConfig,
    Executor,
    KubernetesConfig,
    Runner,
    Service,
)


def runner(i: int) -> Runner:
    kubernetes = i % 10 == 9
    runner = Runner(
        name=f"{'kubernetes' if kubernetes else 'docker'}-{i}",
        url="https://gitlab.example.com/",
        token="${RUNNER_TOKEN}",
        executor=Executor.KUBERNETES if kubernetes else Executor.DOCKER,
        limit=4,
        environment=[
            f"RUNNER_INDEX={i}",
            "DOCKER_TLS_CERTDIR=/certs",
            "DOCKER_DRIVER=overlay2",
            "FF_USE_FASTZIP=true",
            "GIT_DEPTH=20",
        ],
        cache=CacheConfig(type="s3", path="runners", shared=True),
    )
    if kubernetes:
        runner.kubernetes = KubernetesConfig(
            host="https://kubernetes.example.com",
            namespace="ci",
            image="alpine:3.20",
            cpu_limit="2",
            memory_limit="4Gi",
        )
    else:
        runner.docker = DockerConfig(
            image="alpine:3.20",
            privileged=True,
            volumes=["/certs/client", "/cache"],
            pull_policy=["always", "if-not-present"],
            services=[Service(name="docker:27-dind", alias="docker"), Service(name="postgres:16")],
        )
    runner.cache_s3 = CacheS3Config(
        server_address="s3.amazonaws.com",
        bucket_name="runner-cache",
        bucket_location="eu-west-1",
        access_key="${AWS_ACCESS_KEY}",
        secret_key="${AWS_SECRET_KEY}",
    )
    return runner


def fleet(count: int) -> Config:
    return Config(concurrent=100, runners=[runner(i) for i in range(count)])
