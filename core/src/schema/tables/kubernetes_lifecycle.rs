use crate::schema::build::*;

pub static KUBERNETES_CONTAINER_LIFECYCLE: Struct = Struct {
    class: "KubernetesContainerLifecycle",
    // Mirrors gitlab-runner's `common.KubernetesContainerLifecyle`.
    doc: "Kubernetes lifecycle hooks applied to the job pod's containers ([runners.kubernetes.container_lifecycle]).",
    python: Python::NONE,
    fields: &[
        f("post_start", Table(&KUBERNETES_LIFECYCLE_HANDLER))
            .since(14, 2)
            .doc("Handler run right after a container is created; not guaranteed to run before its entrypoint."),
        f("pre_stop", Table(&KUBERNETES_LIFECYCLE_HANDLER))
            .since(14, 2)
            .doc("Handler run right before a container is terminated; must finish before the stop signal is sent."),
    ],
};

pub static KUBERNETES_LIFECYCLE_HANDLER: Struct = Struct {
    class: "KubernetesLifecycleHandler",
    // Mirrors gitlab-runner's `common.KubernetesLifecycleHandler`.
    doc: "A lifecycle hook handler; set exactly one action: exec, http_get or tcp_socket.",
    python: Python::NONE,
    fields: &[
        f("exec", Table(&KUBERNETES_LIFECYCLE_EXEC_ACTION)).since(14, 2).doc("Run a command inside the container."),
        f("http_get", Table(&KUBERNETES_LIFECYCLE_HTTP_GET))
            .since(14, 2)
            .doc("Send an HTTP GET request to the container."),
        f("tcp_socket", Table(&KUBERNETES_LIFECYCLE_TCP_SOCKET)).since(14, 2).doc(
            "Open a TCP connection to a port; deprecated and not supported for lifecycle hooks in current Kubernetes.",
        ),
    ],
};

pub static KUBERNETES_LIFECYCLE_EXEC_ACTION: Struct = Struct {
    class: "KubernetesLifecycleExecAction",
    // Mirrors gitlab-runner's `common.KubernetesLifecycleExecAction`.
    doc: "A command executed inside the container by a lifecycle hook.",
    python: Python::NONE,
    fields: &[f("command", Strings)
        .since(14, 2)
        .doc("Command and arguments run in the container (not in a shell); exit status 0 means success.")],
};

pub static KUBERNETES_LIFECYCLE_HTTP_GET: Struct = Struct {
    class: "KubernetesLifecycleHTTPGet",
    // Mirrors gitlab-runner's `common.KubernetesLifecycleHTTPGet`.
    doc: "An HTTP GET request performed by a lifecycle hook.",
    python: Python::NONE,
    fields: &[
        f("host", String).since(14, 2).doc("Host name to connect to; defaults to the pod IP."),
        f("http_headers", Tables(&KUBERNETES_LIFECYCLE_HTTP_GET_HEADER))
            .since(14, 2)
            .doc("Custom HTTP headers to send with the request."),
        f("path", String).since(14, 2).doc("Path of the URL to request on the HTTP server."),
        f("port", Integer).minimum(1).maximum(65535).since(14, 2).doc("Port number to send the request to."),
        f("scheme", String)
            .since(14, 2)
            .doc("Scheme used to connect to the host: HTTP or HTTPS; Kubernetes defaults to HTTP."),
    ],
};

pub static KUBERNETES_LIFECYCLE_HTTP_GET_HEADER: Struct = Struct {
    class: "KubernetesLifecycleHTTPGetHeader",
    // Mirrors gitlab-runner's `common.KubernetesLifecycleHTTPGetHeader`.
    doc: "A custom HTTP header sent with a lifecycle hook's HTTP GET request.",
    python: Python::NONE,
    fields: &[
        f("name", String).since(14, 2).doc("Header field name."),
        f("value", String).since(14, 2).doc("Header field value."),
    ],
};

pub static KUBERNETES_LIFECYCLE_TCP_SOCKET: Struct = Struct {
    class: "KubernetesLifecycleTCPSocket",
    // Mirrors gitlab-runner's `common.KubernetesLifecycleTCPSocket`.
    doc: "A TCP socket action for a lifecycle hook (deprecated in Kubernetes for lifecycle handlers).",
    python: Python::NONE,
    fields: &[
        f("host", String).since(14, 2).doc("Host name to connect to; defaults to the pod IP."),
        f("port", Integer).minimum(1).maximum(65535).since(14, 2).doc("Port number to connect to."),
    ],
};
