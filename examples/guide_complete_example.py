"""The user guide's complete example: a Docker runner with an S3 cache."""

from wetwire_gitlab.runner_config import (
    CacheConfig,
    CacheS3Config,
    Config,
    DockerConfig,
    Executor,
    Runner,
)

s3_cache = CacheS3Config(
    server_address="s3.amazonaws.com",
    bucket_name="gitlab-runner-cache",
    bucket_location="us-east-1",
    access_key="${AWS_ACCESS_KEY}",
    secret_key="${AWS_SECRET_KEY}",
)

docker = DockerConfig(
    image="alpine:latest",
    privileged=False,
    volumes=["/var/run/docker.sock:/var/run/docker.sock", "/cache:/cache"],
    pull_policy="if-not-present",
)

runner = Runner(
    name="production-runner",
    url="https://gitlab.example.com/",
    token="${RUNNER_TOKEN}",
    executor=Executor.DOCKER,
    limit=10,
    docker=docker,
    cache=CacheConfig(type="s3", path="runner/", shared=True),
)
runner.cache_s3 = s3_cache

config = Config(concurrent=10, check_interval=3, log_level="info", runners=[runner])

print(config.to_toml())
