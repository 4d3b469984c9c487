"""Each line marked with an expect comment is a type error mypy must report."""

from wetwire_gitlab.runner_config import Config, DockerConfig, Runner

DockerConfig(privileged="yes")  # expect: privileged
DockerConfig(volumes="/cache")  # expect: volumes
Runner("r", "u", "t")  # expect: executor
Config(concurrent="4")  # expect: concurrent
bad_image: int = DockerConfig().image  # expect: assignment
