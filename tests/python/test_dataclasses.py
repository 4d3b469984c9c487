"""The published package's dataclass behaviour, and what set-tracking adds to it."""

from __future__ import annotations

import copy
import dataclasses
import json
import pickle

import pytest
from conftest import shared_file

from wetwire_gitlab.runner_config import (
    CacheConfig,
    CacheGCSConfig,
    CacheS3Config,
    Config,
    DockerConfig,
    Executor,
    KubernetesConfig,
    Runner,
    Service,
)


def names(cls: type) -> list:
    return [f.name for f in dataclasses.fields(cls)]


def test_published_field_order_comes_first() -> None:
    assert names(Config)[:9] == [
        "concurrent", "runners", "log_level", "log_format", "check_interval",
        "sentry_dsn", "connection_max_age", "listen_address", "shutdown_timeout",
    ]
    assert names(Runner)[:15] == [
        "name", "url", "token", "executor", "limit", "request_concurrency", "output_limit", "shell",
        "builds_dir", "cache_dir", "environment", "clone_url", "docker", "kubernetes", "cache",
    ]
    assert names(DockerConfig)[:15] == [
        "image", "host", "privileged", "memory", "cpus", "volumes", "dns", "pull_policy",
        "allowed_images", "allowed_services", "wait_for_services_timeout", "disable_cache",
        "cap_add", "devices", "gpus",
    ]
    assert names(KubernetesConfig)[:8] == [
        "host", "namespace", "image", "privileged", "service_account", "image_pull_secrets",
        "allowed_images", "allowed_services",
    ]
    assert names(CacheConfig)[:5] == ["type", "path", "shared", "s3", "gcs"]
    assert names(CacheS3Config)[:7] == [
        "server_address", "access_key", "secret_key", "bucket_name", "bucket_location",
        "insecure", "authentication_type",
    ]
    assert names(CacheGCSConfig)[:4] == ["credentials_file", "access_id", "private_key", "bucket_name"]


def test_published_defaults() -> None:
    config = Config(4)
    assert (config.runners, config.log_level, config.log_format, config.check_interval) == ([], None, None, 3)
    assert (config.sentry_dsn, config.connection_max_age, config.listen_address, config.shutdown_timeout) == (
        None, None, None, 30,
    )
    runner = Runner("n", "u", "t", Executor.SHELL)
    assert (runner.limit, runner.request_concurrency, runner.output_limit, runner.shell) == (0, 1, 4096, None)
    assert (runner.environment, runner.docker, runner.kubernetes, runner.cache) == ([], None, None, None)
    docker = DockerConfig()
    assert docker.privileged is False
    assert docker.pull_policy == "always"
    assert (docker.wait_for_services_timeout, docker.disable_cache, docker.volumes, docker.gpus) == (30, False, [], None)
    assert KubernetesConfig().privileged is False
    assert (CacheConfig().shared, CacheS3Config().insecure, CacheGCSConfig().bucket_name) == (False, False, None)


def test_executor_enum() -> None:
    assert [m.name for m in Executor][:11] == [
        "SHELL", "DOCKER", "DOCKER_WINDOWS", "KUBERNETES", "SSH", "PARALLELS", "VIRTUALBOX",
        "DOCKER_MACHINE", "DOCKER_AUTOSCALER", "INSTANCE", "CUSTOM",
    ]
    assert Executor.DOCKER.value == "docker"
    assert Executor("docker-autoscaler") is Executor.DOCKER_AUTOSCALER
    assert Executor.DOCKER_SSH.value == "docker-ssh"
    with pytest.raises(ValueError, match="'dockr' is not a valid Executor; expected one of: 'shell', 'docker'"):
        Executor("dockr")
    with pytest.raises(ValueError, match="'dockr' is not a valid Executor"):
        Runner("n", "u", "t", "dockr")
    assert Runner("n", "u", "t", "kubernetes").executor is Executor.KUBERNETES


def test_positional_and_keyword_construction() -> None:
    runner = Runner("n", "https://x/", "t", Executor.SHELL, 2)
    assert Config(4, [runner]) == Config(concurrent=4, runners=[runner])
    assert runner.limit == 2
    with pytest.raises(TypeError):
        Runner("n", "u", "t")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Config()  # type: ignore[call-arg]


def test_only_set_fields_are_written() -> None:
    assert Config(1, [Runner("n", "u", "t", "shell", docker=DockerConfig())]).to_toml().endswith(
        '  executor = "shell"\n\n  [runners.docker]\n'
    )
    text = Config(1, [Runner("n", "u", "t", "shell", docker=DockerConfig(privileged=False))]).to_toml()
    assert text.endswith("  [runners.docker]\n    privileged = false\n")
    assert Config(1, check_interval=3).to_toml() == "concurrent = 1\ncheck_interval = 3\n"


def test_reading_an_unset_container_does_not_set_it() -> None:
    docker = DockerConfig()
    assert docker.volumes == []
    assert docker.sysctls == {}
    assert docker.to_dict() == {}
    assert docker == DockerConfig()


def test_nested_objects_mutate_in_place() -> None:
    runner = Runner("n", "u", "t", Executor.DOCKER, docker=DockerConfig())
    config = Config(1, [runner])
    runner.docker.volumes.append("/cache")
    runner.environment.append("A=1")
    runner.docker.sysctls["net.ipv4.ip_forward"] = "1"
    config.runners.append(Runner("second", "u", "t", "shell"))
    data = config.to_dict()
    assert data["runners"][0]["docker"] == {"volumes": ["/cache"], "sysctls": {"net.ipv4.ip_forward": "1"}}
    assert data["runners"][0]["environment"] == ["A=1"]
    assert data["runners"][1]["name"] == "second"


def test_assigning_none_unsets() -> None:
    docker = DockerConfig(image="alpine")
    docker.image = None
    assert docker.to_dict() == {}
    assert docker == DockerConfig()


def test_equality_follows_what_is_written() -> None:
    assert DockerConfig(image="a") == DockerConfig(image="a")
    assert DockerConfig(image="a") != DockerConfig(image="b")
    assert DockerConfig(privileged=False) != DockerConfig()
    assert DockerConfig() != KubernetesConfig()
    with pytest.raises(TypeError):
        hash(DockerConfig())


def test_dataclass_functions() -> None:
    runner = Runner("n", "u", "t", Executor.DOCKER, docker=DockerConfig(image="alpine", volumes=["/c"]))
    assert dataclasses.is_dataclass(runner)
    data = dataclasses.asdict(runner)
    assert data["docker"]["image"] == "alpine" and data["docker"]["volumes"] == ["/c"]
    assert data["limit"] == 0 and data["executor"] is Executor.DOCKER
    renamed = dataclasses.replace(runner, name="m")
    assert renamed.name == "m" and renamed.docker == runner.docker


def test_copy_replace_keeps_set_fields_only() -> None:
    runner = Runner("n", "u", "t", "shell")
    renamed = runner.__replace__(name="m")
    assert renamed.to_dict() == {"name": "m", "url": "u", "token": "t", "executor": "shell"}
    with pytest.raises(TypeError, match="Runner has no field nmae"):
        runner.__replace__(nmae="m")


def test_deepcopy_and_pickle_keep_set_fields() -> None:
    config = Config(2, [Runner("n", "u", "t", "shell", docker=DockerConfig(privileged=False))])
    for clone in (copy.deepcopy(config), pickle.loads(pickle.dumps(config))):
        assert clone == config
        assert clone.to_toml() == config.to_toml()
    clone = copy.deepcopy(config)
    clone.runners[0].docker.image = "x"
    assert config.runners[0].docker.image is None


def test_cache_shortcuts() -> None:
    runner = Runner("n", "u", "t", "shell")
    assert runner.cache_s3 is None
    runner.cache_s3 = CacheS3Config(bucket_name="b")
    assert runner.cache == CacheConfig(s3=CacheS3Config(bucket_name="b"))
    assert runner.cache_s3.bucket_name == "b"
    runner.cache_gcs = CacheGCSConfig(bucket_name="g")
    assert runner.to_dict()["cache"] == {"s3": {"BucketName": "b"}, "gcs": {"BucketName": "g"}}
    assert Runner("n", "u", "t", "shell", cache_s3=CacheS3Config(insecure=True)).cache.s3.insecure is True


def test_pre_clone_script_is_a_deprecated_alias() -> None:
    runner = Runner("n", "u", "t", "shell")
    with pytest.deprecated_call(match="Runner.pre_clone_script is deprecated; use pre_get_sources_script"):
        runner.pre_clone_script = "echo hi"
    assert runner.pre_get_sources_script == "echo hi"
    with pytest.deprecated_call():
        assert runner.pre_clone_script == "echo hi"
    assert "pre_clone_script" not in names(Runner)


def test_dicts_where_tables_belong_are_rejected() -> None:
    # A dict would carry its secrets past the masked repr; from_dict turns dicts into tables.
    docker = DockerConfig(services=[{"name": "postgres:16"}, Service(name="redis")])  # type: ignore[list-item]
    with pytest.raises(TypeError, match=r"^services\[0\]: expected Service, got dict \(use Config.from_dict"):
        docker.to_dict()


def test_from_dict_reads_the_toml_shape() -> None:
    data = {
        "concurrent": 2,
        "runners": [
            {
                "name": "from-json",
                "url": "https://gitlab.example.com/",
                "token": "glrt-secret",
                "executor": "docker",
                "docker": {"image": "alpine", "services": [{"name": "postgres:16"}]},
                "cache": {"Type": "s3", "s3": {"BucketName": "b", "SecretKey": "hunter2"}},
            }
        ],
    }
    config = Config.from_dict(data)
    assert config.runners[0].cache.s3.bucket_name == "b"
    assert config.runners[0].executor is Executor.DOCKER
    assert config.runners[0].docker.services == [Service(name="postgres:16")]
    assert "hunter2" not in repr(config) and "glrt-secret" not in repr(config)
    assert config.to_dict() == data
    with pytest.raises(TypeError, match=r"^runners\[0\]\.limit: expected integer, got str$"):
        Config.from_dict({"runners": [{"limit": "2"}]})
    with pytest.raises(TypeError, match=r"did you mean BucketName\?"):
        Config.from_dict({"runners": [{"cache": {"s3": {"BucketNme": "b"}}}]})


def test_assigning_none_restores_the_default() -> None:
    runner = Runner("n", "u", "t", "shell", limit=5)
    runner.limit = None  # type: ignore[assignment]
    assert runner.limit == 0
    assert "limit" not in runner.to_dict()


def test_assigned_executors_are_coerced_too() -> None:
    runner = Runner("n", "u", "t", "shell")
    runner.executor = "docker"
    assert runner.executor is Executor.DOCKER
    assert runner == Runner("n", "u", "t", Executor.DOCKER)
    with pytest.raises(ValueError, match="'dockr' is not a valid Executor"):
        runner.executor = "dockr"


def test_unsetting_a_cache_shortcut_creates_nothing() -> None:
    runner = Runner("n", "u", "t", "shell", cache_s3=None)
    assert runner.cache is None
    runner.cache_gcs = None
    assert runner.to_dict() == {"name": "n", "url": "u", "token": "t", "executor": "shell"}


def test_copy_replace_does_not_share_unset_lists() -> None:
    runner = Runner("n", "u", "t", "shell")
    assert runner.environment == []
    copy_of = runner.__replace__(name="m")
    copy_of.environment.append("A=1")
    assert runner.environment == [] and runner.to_dict().get("environment") is None


def test_every_schema_key_is_a_typed_field() -> None:
    from wetwire_gitlab.runner_config import _tables

    classes = [getattr(_tables, n) for n in [*_tables.__all__, *_tables.LAZY] if n != "Executor"]
    counts = json.loads(shared_file("reference/gitlab-runner-schema.json").read_text())["counts"]
    assert len(classes) == counts["distinct_go_structs"]
    assert sum(len(dataclasses.fields(c)) for c in classes) == counts["distinct_struct_key_pairs"]
    for cls in classes:
        for f in dataclasses.fields(cls):
            assert f.type and f.type != "Any", f"{cls.__name__}.{f.name}"


LAZY_PROBE = """
import sys
from wetwire_gitlab.runner_config import Config
import wetwire_gitlab.runner_config as package

print(",".join(sorted(name for name in sys.modules if name.startswith("wetwire"))))
lazy = "wetwire_gitlab.runner_config._executor_tables"
config = Config.from_toml('[[runners]]\\nname = "k"\\n[runners.kubernetes]\\nhost = "h"\\n[runners.kubernetes.dns_config]\\n')
print(lazy in sys.modules, type(config.runners[0].kubernetes.dns_config) is package.KubernetesDNSConfig)
"""


def test_import_makes_only_what_building_a_config_needs() -> None:
    # Importing the package loads neither the engine (the extension module, loaded by the first
    # call into it) nor the exceptions, findings or the classes of executors other than docker
    # (Kubernetes, autoscaler, docker-machine ...); parsing a file with such a table makes those
    # classes, and the package's name is that class.
    import subprocess
    import sys

    probe = subprocess.run([sys.executable, "-c", LAZY_PROBE], capture_output=True, text=True, check=True)
    imported, loaded = probe.stdout.splitlines()
    assert imported.split(",") == [
        "wetwire_gitlab",
        "wetwire_gitlab.runner_config",
        "wetwire_gitlab.runner_config._base",
        "wetwire_gitlab.runner_config._tables",
    ]
    assert loaded == "True True"


TYPE_HINTS_PROBE = """
import dataclasses, sys, typing
import wetwire_gitlab.runner_config as package

lazy = "wetwire_gitlab.runner_config._executor_tables"
loaded_by_import = lazy in sys.modules
hints = typing.get_type_hints(package.Runner)
print(loaded_by_import, lazy in sys.modules, hints["kubernetes"] == typing.Optional[package.KubernetesConfig])
for name in package.__all__:
    value = getattr(package, name)
    if isinstance(value, type):
        typing.get_type_hints(value)
        if dataclasses.is_dataclass(value):
            typing.get_type_hints(value.__init__)
print(typing.get_type_hints(package.KubernetesConfig)["services"] == typing.List[package.Service])
print(dataclasses.fields(package.Runner)[13])
"""


def test_type_hints_resolve_before_the_executor_tables_are_loaded() -> None:
    # `get_type_hints` evaluates annotations in the defining module's dictionary, which a module
    # `__getattr__` does not serve: `_tables` names the lazily loaded classes through a module
    # proxy, so that evaluating the annotation loads them (and importing still does not).
    import subprocess
    import sys

    probe = subprocess.run([sys.executable, "-c", TYPE_HINTS_PROBE], capture_output=True, text=True, check=True)
    runner, kubernetes, field = probe.stdout.splitlines()
    assert (runner, kubernetes) == ("False True True", "True")
    assert "name='kubernetes',type='Optional[_executor_tables.KubernetesConfig]'" in field


def test_a_lazily_loaded_class_is_a_full_dataclass() -> None:
    import typing

    from wetwire_gitlab.runner_config import Config, KubernetesConfig, Runner
    from wetwire_gitlab.runner_config._executor_tables import KubernetesConfig as defined

    assert KubernetesConfig is defined
    kubernetes = KubernetesConfig(host="https://k8s.example.com", namespace="ci")
    assert {"host", "namespace", "privileged"} <= {f.name for f in dataclasses.fields(kubernetes)}
    assert dataclasses.asdict(kubernetes)["namespace"] == "ci"
    assert pickle.loads(pickle.dumps(kubernetes)) == kubernetes
    assert kubernetes.__replace__(namespace="x").to_dict() == {"host": "https://k8s.example.com", "namespace": "x"}
    assert typing.get_type_hints(Runner)["kubernetes"] == typing.Optional[KubernetesConfig]
    runner = Runner("k", "https://gitlab.example.com/", "t", "kubernetes", kubernetes=kubernetes)
    assert Config(concurrent=1, runners=[runner]).to_toml().endswith(
        '[runners.kubernetes]\n    namespace = "ci"\n    host = "https://k8s.example.com"\n'
    )


# The published package's constructors: positional arguments exactly these, in this order.
PUBLISHED_POSITIONAL = {
    "Config": ["concurrent", "runners", "log_level", "log_format", "check_interval", "sentry_dsn",
               "connection_max_age", "listen_address", "shutdown_timeout"],
    "Runner": ["name", "url", "token", "executor", "limit", "request_concurrency", "output_limit", "shell",
               "builds_dir", "cache_dir", "environment", "clone_url", "docker", "kubernetes", "cache"],
    "DockerConfig": ["image", "host", "privileged", "memory", "cpus", "volumes", "dns", "pull_policy",
                     "allowed_images", "allowed_services", "wait_for_services_timeout", "disable_cache", "cap_add",
                     "devices", "gpus"],
    "CacheConfig": ["type", "path", "shared", "s3", "gcs"],
    "CacheS3Config": ["server_address", "access_key", "secret_key", "bucket_name", "bucket_location", "insecure",
                      "authentication_type"],
    "CacheGCSConfig": ["credentials_file", "access_id", "private_key", "bucket_name"],
    "KubernetesConfig": ["host", "namespace", "image", "privileged", "service_account", "image_pull_secrets",
                         "allowed_images", "allowed_services"],
}


def test_only_the_published_fields_are_positional() -> None:
    """Every other parameter is keyword-only, so a key gitlab-runner adds never shifts one."""
    import inspect

    import wetwire_gitlab.runner_config as rc

    positional = {}
    for name in rc.__all__:
        cls = getattr(rc, name)
        if isinstance(cls, type) and hasattr(cls, "_toml_struct"):
            parameters = inspect.signature(cls).parameters.values()
            names = [p.name for p in parameters if p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD]
            if names:
                positional[name] = names
    assert positional == PUBLISHED_POSITIONAL


def test_executor_members_are_their_strings() -> None:
    assert Executor.DOCKER == "docker"
    assert "docker" == Executor.DOCKER
    assert f"{Executor.DOCKER}" == "docker" and str(Executor.DOCKER_MACHINE) == "docker+machine"
    assert Executor("docker") is Executor.DOCKER
    assert {Executor.DOCKER: 1}["docker"] == 1
    assert Runner("r", "u", "t", "docker").executor is Executor.DOCKER
