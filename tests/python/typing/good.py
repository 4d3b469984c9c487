"""Well-typed use of the API: mypy must accept this file as it is."""

import datetime
from typing import List, Optional

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

docker = DockerConfig(image="alpine", privileged=False, volumes=["/cache"], pull_policy=["always"])
docker.services.append(Service(name="postgres:16"))
runner = Runner("r", "https://gitlab.example.com/", "${TOKEN}", Executor.DOCKER, docker=docker)
runner.cache = CacheConfig(type="s3", shared=True)
runner.cache_s3 = CacheS3Config(bucket_name="b")
runner.kubernetes = KubernetesConfig(namespace="ci", pod_labels={"a": "b"})
config = Config(4, [runner], connection_max_age=datetime.timedelta(minutes=15))
text: str = config.to_toml()
parsed: Config = Config.from_toml(text)
limit: int = parsed.runners[0].limit
image: Optional[str] = docker.image
volumes: List[str] = docker.volumes
privileged: bool = docker.privileged
